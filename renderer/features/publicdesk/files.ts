import { DESK_FILE_MAX_BYTES, DESK_FILE_MIME } from '../../../shared/publicdesk/model';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { call } from '../../api/client';

type Mime = (typeof DESK_FILE_MIME)[number];

/**
 * Sends a screenshot (pasted or chosen) or an OPD's photo to the core. A file that surely cannot
 * pass (type, size) is refused here so a 50 MB file never travels; the core checks the content.
 */
export async function sendDeskFile(file: File, to: { itemId: string } | { partId: string }): Promise<ErrorPayload | null> {
  if (!(DESK_FILE_MIME as readonly string[]).includes(file.type))
    return { code: 'unsupported_file', message: `Berkas "${file.name}" bukan gambar PNG/JPEG atau PDF. / "${file.name}" is not a PNG/JPEG image or a PDF.` };
  if (file.size > DESK_FILE_MAX_BYTES) return { code: 'payload_too_large', message: `Berkas "${file.name}" lebih dari 10 MB. / "${file.name}" is larger than 10 MB.` };
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const res = await call('publicdesk.attach', { ...('itemId' in to ? { itemId: to.itemId } : { partId: to.partId }), fileName: file.name || 'tangkapan-layar.png', mime: file.type as Mime, base64 });
  return res.ok ? null : res.error;
}
