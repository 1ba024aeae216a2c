import { WartaError } from '../../../../shared/contract/errors';
import { EMBLEM_MAX_BYTES } from '../../../../shared/contract/methods';
import type { HandlerGroup } from '../../rpc/handler-types';
import { sniffImage } from './image-sniff';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const attachmentHandlers: HandlerGroup<'attachments.putImage' | 'attachments.getDataUrl'> = {
  'attachments.putImage': (input, ctx) => {
    if (!BASE64.test(input.base64)) throw new WartaError('invalid_input', 'Data gambar tidak terbaca (bukan base64).');
    const data = Buffer.from(input.base64, 'base64');
    if (data.length === 0) throw new WartaError('unsupported_file', 'Berkas gambar kosong.');
    if (data.length > EMBLEM_MAX_BYTES) {
      throw new WartaError('payload_too_large', 'Berkas gambar lebih dari 2 MB; perkecil dulu gambarnya.', { limit: EMBLEM_MAX_BYTES });
    }
    const actual = sniffImage(data);
    if (!actual) throw new WartaError('unsupported_file', 'Berkas ini bukan gambar PNG, JPEG, atau WebP.');
    const { hash, size } = ctx.blobs.put(data);
    return { hash, size, mime: actual };
  },
  'attachments.getDataUrl': (input, ctx) => {
    if (!ctx.blobs.has(input.hash)) throw new WartaError('not_found', 'Berkas tidak ditemukan.', { hash: input.hash });
    const data = ctx.blobs.get(input.hash);
    const mime = sniffImage(data) ?? 'application/octet-stream';
    return { mime, dataUrl: `data:${mime};base64,${data.toString('base64')}` };
  },
};
