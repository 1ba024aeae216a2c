import { ReleaseEditor } from './ReleaseEditor';
import { ReleaseList } from './ReleaseList';
import { useReleasesStore } from './releases-store';
import './releases.css';

/** Rilis: the list (search, filters) or one release in the editor. */
export function ReleasesPage() {
  const openId = useReleasesStore((s) => s.openId);
  return openId ? <ReleaseEditor key={openId} id={openId} /> : <ReleaseList />;
}
