/**
 * The office letterhead (*kop*) as every paper needs it: the words (shared/office/letterhead),
 * the regional script the optional line is written in, and the emblem as PNG/JPEG bytes.
 * Releases, day sheets and reports all print from this one model.
 */
import { letterheadText, type LetterheadFields, type LetterheadText } from '../../../../shared/office/letterhead';
import type { CoreContext } from '../../rpc/handler-types';
import { printableImage } from '../attachments/printable-image';
import { readOfficeProfile } from '../office/handlers';
import { regionalScriptOf, type RegionalScript } from './fonts';

export interface Letterhead extends LetterheadText {
  script: RegionalScript | null;
  /** PNG or JPEG (a WebP emblem is converted), at most 300 px wide; null: text only. */
  emblem: { data: Buffer; type: 'png' | 'jpg'; width: number; height: number } | null;
}

/** The printable letterhead from its words and the emblem's stored bytes (any of PNG, JPEG, WebP). */
export async function letterheadOf(fields: LetterheadFields | null, emblemBytes: Buffer | null): Promise<Letterhead> {
  const text = fields ? letterheadText(fields) : { scriptLine: '', institution: '', unit: '', contact: [] };
  let emblem: Letterhead['emblem'] = null;
  if (emblemBytes) {
    try {
      emblem = await printableImage(emblemBytes, 300);
    } catch {
      // An unreadable emblem leaves the letterhead text-only (centred on the page, no empty slot).
    }
  }
  return { ...text, script: regionalScriptOf(text.scriptLine), emblem };
}

/** The letterhead of this office, read from the profile and the blob store. */
export async function loadLetterhead(ctx: Pick<CoreContext, 'db' | 'blobs'>): Promise<Letterhead> {
  const profile = readOfficeProfile(ctx);
  const bytes = profile?.emblemHash && ctx.blobs.has(profile.emblemHash) ? ctx.blobs.get(profile.emblemHash) : null;
  return letterheadOf(profile, bytes);
}
