/**
 * Infographic cards of planned posts: drawn for the editor's preview, checked at every size of the
 * post's platform before they are saved (so a saved card always draws), and added to the posting
 * package as PNG and SVG next to the photos.
 */
import type JSZip from 'jszip';
import type { CardSpec } from '../../../../shared/campaigns/cards';
import type { CardSize } from '../../../../shared/campaigns/cards';
import type { MethodParsedInput, MethodResult } from '../../../../shared/contract/methods';
import type { CoreContext } from '../../rpc/handler-types';
import { loadCardIdentity } from './card-identity';
import { cardSvg, renderCard } from './card-render';
import { postOf, readPostRow } from './rows';

export async function cardPreview(ctx: CoreContext, input: MethodParsedInput<'campaigns.cards.render'>): Promise<MethodResult<'campaigns.cards.render'>> {
  const { identity, warnings } = await loadCardIdentity(ctx, input.handles);
  const card = await renderCard(input.card, input.size, identity);
  return { size: card.size, width: card.width, height: card.height, svg: card.svg, pngBase64: card.png.toString('base64'), warnings };
}

/** Saves (or clears) a post's card once it draws at each size its platform takes. */
export async function savePostCard(
  ctx: CoreContext,
  input: MethodParsedInput<'campaigns.posts.card'>,
  sizesOf: (platform: string | null) => readonly CardSize[],
): Promise<MethodResult<'campaigns.posts.card'>> {
  const before = readPostRow(ctx, input.id);
  if (input.card) {
    const { identity } = await loadCardIdentity(ctx, before.account ? [before.account] : []);
    for (const size of sizesOf(before.platform)) cardSvg(input.card, size, identity);
  }
  ctx.mutator.update('campaign_posts', input.id, { card: input.card ? { ...input.card } : null });
  return postOf(readPostRow(ctx, input.id));
}

/** Adds a post's card to its folder of the posting package; a card that no longer fits becomes a warning. */
export async function packCard(ctx: CoreContext, zip: JSZip, folder: string, post: { account: string | null; card: CardSpec | null }, sizes: readonly CardSize[], warnings: string[]): Promise<void> {
  if (!post.card) return;
  const { identity } = await loadCardIdentity(ctx, post.account ? [post.account] : []);
  for (const size of sizes) {
    try {
      const card = await renderCard(post.card, size, identity);
      zip.file(`${folder}/kartu-${size}.png`, card.png);
      zip.file(`${folder}/kartu-${size}.svg`, card.svg);
    } catch (e) {
      warnings.push(`${folder}: ${(e as Error).message}`);
    }
  }
}
