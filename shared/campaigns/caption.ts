/**
 * A post's caption cut to its platform's limit, counted as the platform counts: X weights its
 * text with twitter-text's parseTweet (every URL counts 23, an emoji 2, CJK 2), the others
 * count Unicode characters (code points, so an emoji is one, not two UTF-16 units). The
 * newsroom link, the accounts to mention and the hashtags are kept whole; the release's text
 * gives way, cut at a word with "…".
 */
// twitter-text's ESM build (what the window bundles) has only a default export.
import twitterText from 'twitter-text';
import type { Platform } from './model';

export const CAPTION_LIMITS: Record<Platform, number> = {
  x: 280,
  instagram: 2200,
  tiktok: 2200,
  facebook: 63_206,
  youtube: 5000,
  website: 10_000,
};

export function captionLength(text: string, platform: Platform): number {
  if (platform === 'x') return twitterText.parseTweet(text).weightedLength;
  return [...text].length;
}

export interface CaptionParts {
  /** The release's words: its title and lead, plain text. */
  body: string;
  /** The public newsroom page of the release, when there is one. */
  link: string | null;
  mentions: readonly string[];
  hashtags: readonly string[];
}

export interface Caption {
  text: string;
  length: number;
  limit: number;
  /** True when the body was shortened (or hashtags dropped) to fit. */
  cut: boolean;
  /** Hashtags left out because even an empty body did not leave room. */
  droppedHashtags: string[];
}

/** Markup in a caption would reach the platform as literal tags: refused by the caller, never posted. */
export function hasMarkup(text: string): boolean {
  return /<\/?[a-z][^>]*>/i.test(text);
}

function assemble(body: string, tail: string): string {
  return body && tail ? `${body}\n\n${tail}` : body || tail;
}

/** The longest cut of `words` (whole words, then "…") that fits with `tail`; binary search, as counting is not additive on X. */
function fitBody(words: string[], tail: string, platform: Platform, limit: number): string | null {
  let lo = 0;
  let hi = words.length;
  let best: string | null = captionLength(assemble('', tail), platform) <= limit ? '' : null;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const body = `${words.slice(0, mid).join(' ')}…`;
    if (captionLength(assemble(body, tail), platform) <= limit) {
      best = body;
      lo = mid;
    } else hi = mid - 1;
  }
  return best;
}

export function composeCaption(parts: CaptionParts, platform: Platform): Caption {
  const limit = CAPTION_LIMITS[platform];
  const body = parts.body.replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
  const hashtags = [...parts.hashtags];
  const dropped: string[] = [];
  for (;;) {
    const tail = [parts.link ?? '', parts.mentions.join(' '), hashtags.join(' ')].filter(Boolean).join('\n');
    const whole = assemble(body, tail);
    const length = captionLength(whole, platform);
    if (length <= limit) return { text: whole, length, limit, cut: dropped.length > 0, droppedHashtags: dropped.reverse() };
    const cut = fitBody(body.split(/\s+/).filter(Boolean), tail, platform, limit);
    if (cut !== null) {
      const text = assemble(cut, tail);
      return { text, length: captionLength(text, platform), limit, cut: true, droppedHashtags: dropped.reverse() };
    }
    // Not even the link, mentions and hashtags fit: the last hashtag goes first.
    const last = hashtags.pop();
    if (last === undefined) {
      const text = tail;
      return { text, length: captionLength(text, platform), limit, cut: true, droppedHashtags: dropped.reverse() };
    }
    dropped.push(last);
  }
}
