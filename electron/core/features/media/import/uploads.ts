import { WartaError } from '../../../../../shared/contract/errors';
import { IMPORT_MAX_BYTES } from '../../../../../shared/contract/methods/media';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const TTL_MS = 30 * 60 * 1000;

/**
 * Files on their way in: the renderer sends an import file in pieces (every message stays
 * under the transport's limit), the core joins them in memory until the import opens it.
 */
export class UploadStore {
  private readonly uploads = new Map<string, { chunks: Buffer[]; bytes: number; at: number }>();

  append(id: string, base64: string, now: number): number {
    if (!BASE64.test(base64)) throw new WartaError('invalid_input', 'Potongan berkas tidak terbaca (bukan base64).');
    for (const [key, u] of this.uploads) if (now - u.at > TTL_MS) this.uploads.delete(key);
    const data = Buffer.from(base64, 'base64');
    const upload = this.uploads.get(id) ?? { chunks: [], bytes: 0, at: now };
    if (upload.bytes + data.length > IMPORT_MAX_BYTES) {
      this.uploads.delete(id);
      throw new WartaError('payload_too_large', `Berkas lebih dari ${IMPORT_MAX_BYTES / 1024 / 1024} MB; pecah menjadi beberapa berkas.`, { limit: IMPORT_MAX_BYTES });
    }
    upload.chunks.push(data);
    upload.bytes += data.length;
    upload.at = now;
    this.uploads.set(id, upload);
    return upload.bytes;
  }

  take(id: string): Buffer {
    const upload = this.uploads.get(id);
    if (!upload) throw new WartaError('not_found', 'Berkas unggahan tidak ditemukan atau sudah kedaluwarsa; pilih berkasnya lagi.', { uploadId: id });
    this.uploads.delete(id);
    return Buffer.concat(upload.chunks);
  }
}
