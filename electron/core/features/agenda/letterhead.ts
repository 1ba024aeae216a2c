import type { OfficeProfile } from '../../../../shared/office/profile';
import type { BlobStore } from '../../data/blob-store';

/** The letterhead (kop) of the office profile, as the exports need it. */
export interface Letterhead {
  lines: { text: string; bold: boolean; size: number }[];
  contact: string;
  emblem: { data: Buffer; kind: 'png' | 'jpg' } | null;
}

function sniff(data: Buffer): 'png' | 'jpg' | null {
  if (data.length > 8 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) return 'png';
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpg';
  return null;
}

export function letterheadOf(profile: OfficeProfile | null, blobs: BlobStore): Letterhead {
  if (!profile) return { lines: [{ text: 'AGENDA PIMPINAN', bold: true, size: 14 }], contact: '', emblem: null };
  let emblem: Letterhead['emblem'] = null;
  if (profile.emblemHash && blobs.has(profile.emblemHash)) {
    const data = blobs.get(profile.emblemHash);
    const kind = sniff(data);
    // WebP emblems cannot go into PDF or DOCX as they are; the letterhead is printed without it.
    if (kind) emblem = { data, kind };
  }
  const contact = [profile.address, profile.phone ? `Telp. ${profile.phone}` : '', profile.email ? `Surel: ${profile.email}` : '', profile.website]
    .filter(Boolean)
    .join(' · ');
  return {
    lines: [
      { text: profile.institution.toUpperCase(), bold: true, size: 14 },
      { text: profile.unit.toUpperCase(), bold: true, size: 12 },
    ],
    contact,
    emblem,
  };
}
