/**
 * The PDF thread (issue 17): PDFs are drawn off the core's thread. A job's data crosses to the
 * thread by copy (the emblem's Buffer arrives as bytes and is printed), a renderer's error comes
 * back as a typed error, an unknown kind is refused, and the thread keeps serving after both.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { letterheadOf } from '../../../electron/core/features/paper/letterhead';
import { renderPdfOffThread, stopPdfThread } from '../../../electron/core/features/paper/pdf-thread';
import type { DaySheet } from '../../../shared/agenda/day-sheet';
import { WartaError } from '../../../shared/contract/errors';
import type { LetterheadFields } from '../../../shared/office/letterhead';
import { emblemPng } from '../../support/emblem-png';

afterAll(() => stopPdfThread());

const sheet: DaySheet = { title: 'Jadwal Pimpinan', leaderLine: 'Bupati Sukamaju', period: 'Senin, 23 November 2026', allLeaders: false, days: [] };
const fields: LetterheadFields = { institution: 'Pemerintah Kabupaten Sukamaju', unit: 'Dinas Komunikasi dan Informatika', address: 'Jl. Merdeka 1', phone: '', email: '', website: '', scriptLine: '' };

describe('PDFs drawn on their own thread', () => {
  it('draws a day sheet with an emblem: the bytes cross threads and come back as a PDF', { timeout: 120_000 }, async () => {
    const head = await letterheadOf(fields, await emblemPng());
    expect(head.emblem).not.toBeNull();
    const pdf = await renderPdfOffThread('daySheet', [sheet, head, 'A4']);
    expect(Buffer.isBuffer(pdf)).toBe(true);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
  });

  it('an unknown kind and a renderer that fails are typed errors; the thread keeps serving', { timeout: 120_000 }, async () => {
    const unknown = await renderPdfOffThread('nope' as never, [] as never).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(WartaError);
    expect((unknown as WartaError).code).toBe('invalid_input');
    expect((unknown as WartaError).message).toMatch(/Jenis PDF tidak dikenal/);
    // A sheet without its days list: the renderer throws inside the thread.
    const broken = await renderPdfOffThread('daySheet', [{ ...sheet, days: undefined } as never, await letterheadOf(null, null), 'A4']).catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(WartaError);
    expect((broken as WartaError).message).toMatch(/PDF gagal dibuat/);
    const pdf = await renderPdfOffThread('daySheet', [sheet, await letterheadOf(null, null), 'F4']);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('a thread that dies fails only its own jobs; the next job starts a new thread', { timeout: 120_000 }, async () => {
    const head = await letterheadOf(null, null);
    const job = renderPdfOffThread('daySheet', [sheet, head, 'A4']);
    await stopPdfThread();
    const err = await job.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WartaError);
    expect((err as WartaError).message).toMatch(/berhenti tak terduga/);
    const pdf = await renderPdfOffThread('daySheet', [sheet, head, 'A4']);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
