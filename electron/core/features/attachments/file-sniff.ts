/**
 * What a file of a declared type must begin with: a file named like a PDF that is not one (a
 * renamed executable, a broken download) is refused before it is kept or sent to anyone.
 */
export const FILE_MAGIC: Readonly<Record<string, (b: Buffer) => boolean>> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.length > 8 && b[0] === 0x89 && b.subarray(1, 4).toString('latin1') === 'PNG',
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  // DOCX is a ZIP container.
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (b) => b.length > 4 && b.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004',
};

export function looksLike(mime: string, data: Buffer): boolean {
  return FILE_MAGIC[mime]?.(data) ?? false;
}
