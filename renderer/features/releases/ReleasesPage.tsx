import { useEffect } from 'react';
import { useNavigation } from '../../app/navigation-store';
import { ReleaseEditor } from './ReleaseEditor';
import { ReleaseList } from './ReleaseList';
import { useReleasesStore } from './releases-store';
import './releases.css';

/** Rilis: the list (search, filters) or one release in the editor. */
export function ReleasesPage() {
  const openId = useReleasesStore((s) => s.openId);
  const target = useNavigation((s) => s.target);
  useEffect(() => {
    // A clicked notification (a comment, a review request, an embargo) opens its release.
    if (target?.section !== 'releases') return;
    useReleasesStore.getState().open(target.id);
    useNavigation.getState().clearTarget();
  }, [target]);
  return openId ? <ReleaseEditor key={openId} id={openId} /> : <ReleaseList />;
}
