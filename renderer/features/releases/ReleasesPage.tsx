import { useEffect, useState } from 'react';
import { useNavigation } from '../../app/navigation-store';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/use-t';
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
  const { t } = useT();
  /** A print or export command given with no release open: said where the person looks, until a release opens. */
  const [needsRelease, setNeedsRelease] = useState(false);
  useEffect(() => {
    // A clicked notification (a comment, a review request, an embargo) opens its release.
    if (target?.section !== 'releases') return;
    useReleasesStore.getState().open(target.id);
    useNavigation.getState().clearTarget();
  }, [target]);
  useEffect(() => {
    // The desktop menu's Rilis Baru (Ctrl+N), Cetak Rilis (Ctrl+P) and Ekspor Rilis (Ctrl+E, the
    // editor's Ekspor tab), the last two for the release open in the editor.
    if (!command) return;
    useNavigation.getState().clearCommand();
    if (command === 'newRelease') void useReleasesStore.getState().create();
    else if (!openId) setNeedsRelease(true);
    else if (command === 'print') void printer.print({ kind: 'release', id: openId });
    else useNavigation.setState({ panel: 'export' });
  }, [command, openId, printer]);
  useEffect(() => {
    if (openId) setNeedsRelease(false);
  }, [openId]);
  return (
    <>
      {printer.error ? <ErrorMessage error={printer.error} /> : null}
      {needsRelease && !openId ? (
        <p className="notice" role="status">
          {t('print.needsRelease')}
        </p>
      ) : null}
      {openId ? <ReleaseEditor key={openId} id={openId} /> : <ReleaseList />}
    </>
  );
}
