/**
 * The check every drop target runs first: a folder, a 2 GB file, a file of the wrong type, several
 * files where one is wanted, or nothing at all are refused whole, with what to tell the person.
 */
import { describe, expect, it } from 'vitest';
import { checkDrop } from '../../shared/desktop/dropped-files';

const MB = 1024 * 1024;
const importRule = { extensions: ['.csv', '.txt', '.xlsx'], maxBytes: 64 * MB };
const photoRule = { extensions: ['.jpg', '.jpeg', '.png', '.webp'], maxBytes: 20 * MB, multiple: true };

describe('dropped files', () => {
  it('accepts the right file, whatever the case of its extension', () => {
    expect(checkDrop([{ name: 'Wartawan 2026.XLSX', size: 80_000, isDirectory: false }], importRule)).toBeNull();
    expect(checkDrop([{ name: 'a.jpg', size: MB, isDirectory: false }, { name: 'b.PNG', size: MB, isDirectory: false }], photoRule)).toBeNull();
  });

  it('refuses a folder, even among files', () => {
    expect(checkDrop([{ name: 'a.jpg', size: MB, isDirectory: false }, { name: 'Foto Acara', size: 4096, isDirectory: true }], photoRule)).toEqual({ kind: 'folder', name: 'Foto Acara' });
  });

  it('refuses a 2 GB file by its size, before anything is read', () => {
    expect(checkDrop([{ name: 'arsip.csv', size: 2 * 1024 * MB, isDirectory: false }], importRule)).toEqual({ kind: 'too_large', name: 'arsip.csv', maxBytes: 64 * MB });
  });

  it('refuses the wrong type, a file without an extension, several files where one is wanted, and nothing', () => {
    expect(checkDrop([{ name: 'laporan.pdf', size: 10, isDirectory: false }], importRule)).toMatchObject({ kind: 'wrong_type', name: 'laporan.pdf' });
    expect(checkDrop([{ name: 'README', size: 10, isDirectory: false }], importRule)).toMatchObject({ kind: 'wrong_type' });
    expect(checkDrop([{ name: 'foto.jpg.exe', size: 10, isDirectory: false }], photoRule)).toMatchObject({ kind: 'wrong_type' });
    expect(checkDrop([{ name: 'a.csv', size: 1, isDirectory: false }, { name: 'b.csv', size: 1, isDirectory: false }], importRule)).toEqual({ kind: 'several' });
    expect(checkDrop([], importRule)).toEqual({ kind: 'nothing' });
  });
});
