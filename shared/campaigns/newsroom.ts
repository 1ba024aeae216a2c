/**
 * The public newsroom's addresses (server/campaigns/newsroom.ts serves them): shared so the
 * server's routes and the links the desktop writes into captions cannot drift apart.
 */
export const NEWSROOM_PREFIX = '/newsroom/';

/** The page of one release: `<server>/newsroom/<workspace>/rilis/<release id>`. */
export function newsroomReleaseUrl(serverUrl: string, workspace: string, releaseId: string): string {
  return `${serverUrl.replace(/\/+$/, '')}${NEWSROOM_PREFIX}${encodeURIComponent(workspace)}/rilis/${encodeURIComponent(releaseId)}`;
}
