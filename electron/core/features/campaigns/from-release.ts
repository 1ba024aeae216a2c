/**
 * Posts from a release (issue 15 item 3): one draft per chosen official account, its caption cut
 * to the platform's limit (shared/campaigns/caption.ts) with the campaign's hashtags, the accounts
 * to mention and the newsroom link; and the posting package: a ZIP with, per account, the caption
 * as text and the release photo in that platform's sizes around the chosen focal point.
 */
import JSZip from 'jszip';
import { WartaError } from '../../../../shared/contract/errors';
import { composeCaption } from '../../../../shared/campaigns/caption';
import { parseCard } from '../../../../shared/campaigns/cards';
import { newsroomReleaseUrl } from '../../../../shared/campaigns/newsroom';
import type { Platform, PlannedPost } from '../../../../shared/campaigns/model';
import { photosOf } from '../../../../shared/releases/body-text';
import type { MethodParsedInput, MethodResult } from '../../../../shared/contract/methods';
import type { CoreContext } from '../../rpc/handler-types';
import { SyncState } from '../../sync/local-tables';
import { officeZone } from '../agenda/settings';
import { loadBody } from '../releases/body-store';
import { packCard } from './cards';
import { makeVariants, type VariantName } from './image-variants';
import { postOf, readPostRow, type PostRow } from './rows';

/** The shapes each platform's feed and stories use. */
export const PLATFORM_VARIANTS: Record<Platform, readonly VariantName[]> = {
  instagram: ['square', 'portrait', 'story'],
  facebook: ['landscape', 'square'],
  x: ['landscape'],
  tiktok: ['story'],
  youtube: ['landscape'],
  website: ['link', 'landscape'],
};

interface ReleaseRow {
  id: string;
  title: string | null;
  subtitle: string | null;
  status: string | null;
}

function readRelease(ctx: CoreContext, id: string): ReleaseRow {
  const r = ctx.db.prepare('SELECT id, title, subtitle, status FROM releases WHERE id = ? AND deleted_at IS NULL').get(id) as ReleaseRow | undefined;
  if (!r) throw new WartaError('not_found', 'Rilis tidak ditemukan. (The release was not found.)', { field: 'releaseId' });
  if (r.status !== 'approved' && r.status !== 'published')
    throw new WartaError('conflict', 'Unggahan dibuat dari rilis yang sudah disetujui atau terbit. (Posts are made from an approved or published release.)', { field: 'releaseId', status: r.status });
  return r;
}

/** The release's words for a caption: its title, then its first paragraphs. */
function releaseWords(ctx: CoreContext, r: ReleaseRow): string {
  let text = '';
  try {
    text = loadBody(ctx.db, r.id).text;
  } catch {
    // A body that cannot be decoded leaves the title alone to speak.
  }
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  // The dateline ("SUKAMAJU –") runs into the first paragraph, as a release prints it.
  // A dateline alone (a release with no text yet) says nothing on its own.
  if (paragraphs.length > 0 && /[–—-]$/.test(paragraphs[0]!) && paragraphs[0]!.length < 80) {
    const dateline = paragraphs.shift()!;
    if (paragraphs.length > 0) paragraphs[0] = `${dateline} ${paragraphs[0]}`;
  }
  const lead = paragraphs.slice(0, 2).join('\n\n');
  return [r.title ?? '', lead].filter(Boolean).join('\n\n');
}

/**
 * The link a caption carries when none was typed: the release's page in the public newsroom of
 * the office server this computer syncs with (null when it syncs with none).
 */
function newsroomLink(ctx: CoreContext, releaseId: string): string | null {
  const state = new SyncState(ctx.db);
  const server = state.get('server_url');
  const workspace = state.get('workspace');
  return server && workspace ? newsroomReleaseUrl(server, workspace, releaseId) : null;
}

export function postsFromRelease(ctx: CoreContext, owner: string, input: MethodParsedInput<'campaigns.posts.fromRelease'>): PlannedPost[] {
  const release = readRelease(ctx, input.releaseId);
  let hashtags: string[] = [];
  if (input.campaignId) {
    const c = ctx.db.prepare('SELECT hashtags FROM campaigns WHERE id = ? AND deleted_at IS NULL').pluck().get(input.campaignId) as string | null | undefined;
    if (c === undefined) throw new WartaError('not_found', 'Kampanye yang dipilih tidak ada. (The chosen campaign does not exist.)', { field: 'campaignId' });
    hashtags = c ? (JSON.parse(c) as string[]) : [];
  }
  const body = releaseWords(ctx, release);
  const link = input.link ?? newsroomLink(ctx, input.releaseId);
  const ids: string[] = [];
  ctx.mutator.transaction(() => {
    for (const a of input.accounts) {
      const caption = composeCaption({ body, link, mentions: input.mentions, hashtags }, a.platform);
      ids.push(
        ctx.mutator.insert('campaign_posts', {
          title: (release.title ?? '').slice(0, 200),
          platform: a.platform,
          account: a.account,
          date: input.date,
          time: input.time,
          zone: officeZone(ctx),
          status: 'draft',
          owner,
          campaign_id: input.campaignId,
          release_id: release.id,
          caption: caption.text,
        }),
      );
    }
  });
  return ids.map((id) => postOf(readPostRow(ctx, id)));
}

const safe = (s: string) => s.replace(/[^\p{L}\p{N}_.-]+/gu, '-').replace(/^-+|-+$/g, '') || 'akun';

export async function postingPackage(ctx: CoreContext, input: MethodParsedInput<'campaigns.posts.package'>): Promise<MethodResult<'campaigns.posts.package'>> {
  const rows = input.ids.map((id) => readPostRow(ctx, id));
  const releases = new Set(rows.map((r) => r.release_id));
  if (releases.size !== 1 || !rows[0]?.release_id)
    throw new WartaError('invalid_input', 'Paket unggahan dibuat untuk unggahan dari satu rilis yang sama. (A posting package holds posts of one release.)', { field: 'ids' });
  const releaseId = rows[0].release_id;
  const photos = photosOf(loadBody(ctx.db, releaseId).docJson);
  const photo = input.photoHash ? photos.find((p) => p.hash === input.photoHash) : photos[0];
  if (input.photoHash && !photo) throw new WartaError('not_found', 'Foto itu bukan foto rilis ini. (That photo is not in this release.)', { field: 'photoHash' });
  const zip = new JSZip();
  const warnings: string[] = [];
  let variants = new Map<VariantName, Buffer>();
  if (photo && ctx.blobs.has(photo.hash)) {
    const wanted = [...new Set(rows.flatMap((r) => PLATFORM_VARIANTS[(r.platform ?? 'instagram') as Platform]))];
    const set = await makeVariants(ctx.blobs.get(photo.hash), { name: photo.caption || 'foto', focal: input.focal, caption: photo.caption, credit: photo.credit, only: wanted });
    warnings.push(...set.warnings);
    variants = new Map(set.variants.map((v) => [v.name, v.jpeg]));
  } else warnings.push('Rilis ini tidak punya foto; paket hanya berisi keterangan. (The release has no photo; the package holds captions only.)');
  for (const r of rows as PostRow[]) {
    const platform = (r.platform ?? 'instagram') as Platform;
    const folder = `${platform}-${safe(r.account ?? '')}`;
    const credit = photo?.credit ? `\n\nFoto: ${photo.credit}` : '';
    zip.file(`${folder}/keterangan.txt`, `${r.caption ?? ''}${credit}\n`);
    for (const name of PLATFORM_VARIANTS[platform]) {
      const jpeg = variants.get(name);
      if (jpeg) zip.file(`${folder}/${name}.jpg`, jpeg);
    }
    await packCard(ctx, zip, folder, { account: r.account, card: parseCard(r.card) }, PLATFORM_VARIANTS[platform], warnings);
  }
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { fileName: `paket-unggahan-${safe((rows[0].title ?? 'rilis').slice(0, 60))}.zip`, base64: data.toString('base64'), warnings };
}

