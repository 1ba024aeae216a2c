import { z } from 'zod';
import { officeProfileInput, type OfficeProfile } from '../../office/profile';
import { opdInput, type Opd } from '../../office/opd';
import { mutation, query } from '../define';
import { empty, idInput, sha256 } from './common';

export interface StoredAttachment {
  hash: string;
  mime: string;
  size: number;
}

/** Images the letterhead may carry. SVG is refused: it can carry scripts. */
export const IMAGE_MIME = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const EMBLEM_MAX_BYTES = 2 * 1024 * 1024;

const opdListInput = z.object({ includeDeleted: z.boolean().default(false) }).strict();
const putImageInput = z
  .object({
    mime: z.enum(IMAGE_MIME),
    // base64 grows data by 4/3; the byte limit is checked again after decoding.
    base64: z.string().max(Math.ceil((EMBLEM_MAX_BYTES * 4) / 3) + 4, { message: 'Berkas gambar lebih dari 2 MB' }),
  })
  .strict();
const hashInput = z.object({ hash: sha256 }).strict();

export const officeMethods = {
  'office.get': query<typeof empty, OfficeProfile | null>('office.read', empty),
  'office.save': mutation<typeof officeProfileInput, OfficeProfile>('office.manage', officeProfileInput),

  'opd.list': query<typeof opdListInput, Opd[]>('office.read', opdListInput),
  'opd.save': mutation<typeof opdInput, Opd>('office.manage', opdInput),
  'opd.delete': mutation<typeof idInput, Opd>('office.manage', idInput),
  'opd.restore': mutation<typeof idInput, Opd>('office.manage', idInput),

  'attachments.putImage': mutation<typeof putImageInput, StoredAttachment>('office.manage', putImageInput),
  'attachments.getDataUrl': query<typeof hashInput, { dataUrl: string; mime: string }>('office.read', hashInput),
};
