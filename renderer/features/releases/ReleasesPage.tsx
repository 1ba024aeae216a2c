import { useEffect } from 'react';
import { useNavigation } from '../../app/navigation-store';
import { ErrorMessage } from '../../components/ErrorMessage';
import { usePrint } from '../print/use-print';
import { ReleaseEditor } from './ReleaseEditor';
import { ReleaseList } from './ReleaseList';
import { useReleasesStore } from './releases-store';
import './releases.css';

/** Rilis: the list (search, filters) or one release in the editor. */
export function ReleasesPage() {
  const openId = useReleasesStore((s) => s.openId);
  const target = useNavigation((s) => s.target);
  const command = useNavigation((s) => s.command);
  const printer = usePrint();
  useEffect(() => {
    // A clicked notification (a comment, a review request, an embargo) opens its release.
    if (target?.section !== 'releases') return;
    useReleasesStore.getState().open(target.id);
    useNavigation.getState().clearTarget();
  }, [target]);
  useEffect(() => {
    // The desktop menu's Rilis Baru (Ctrl+N) and Cetak Rilis (Ctrl+P, the release open in the editor).
    if (!command) return;
    useNavigation.getState().clearCommand();
    if (command === 'newRelease') void useReleasesStore.getState().create();
    else if (command === 'print' && openId) void printer.print({ kind: 'release', id: openId });
  }, [command, openId, printer]);
  return (
    <>
      {printer.error ? <ErrorMessage error={printer.error} /> : null}
      {openId ? <ReleaseEditor key={openId} id={openId} /> : <ReleaseList />}
    </>
  );
}
