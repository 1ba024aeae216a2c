import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Core } from '../../../electron/core/create-core';
import type { ImportKind } from '../../../shared/media/columns';
import type { ImportPreview } from '../../../shared/media/types';
import { REPO_ROOT } from '../../support/temp-dir';

export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'media');
export const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

/** Sends a file the way the renderer does: in pieces, then opens the import. */
export async function openImport(core: Core, bytes: Buffer, fileName: string, kind: ImportKind, chunk = 1024 * 1024): Promise<ImportPreview> {
  let uploadId: string | undefined;
  for (let i = 0; i === 0 || i < bytes.length; i += chunk) {
    const r = await core.invoke('media.import.upload', { uploadId, base64: bytes.subarray(i, i + chunk).toString('base64') });
    uploadId = r.uploadId;
  }
  return core.invoke('media.import.open', { uploadId: uploadId as string, fileName, kind });
}

/** The same call through core.call, for asserting on the error. */
export async function openImportResult(core: Core, bytes: Buffer, fileName: string, kind: ImportKind) {
  const up = await core.invoke('media.import.upload', { base64: bytes.toString('base64') });
  return core.call('media.import.open', { uploadId: up.uploadId, fileName, kind });
}

export async function xlsx(rows: (string | number | null)[][], edit?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Daftar');
  for (const r of rows) ws.addRow(r);
  edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function liveCount(core: Core, table: string): number {
  return (core.context.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n;
}
