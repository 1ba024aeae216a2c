import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, type CoreFixture } from '../../support/core-fixture';
import { fakeClock } from '../../support/fake-clock';
import { fixture, liveCount, openImport, openImportResult, xlsx } from './media-support';

let fx: CoreFixture;
afterEach(() => fx?.cleanup());

describe('import of a messy outlet list (semicolons, UTF-8 with BOM, title rows, blank lines)', () => {
  it('finds the header below the title, guesses the Indonesian headers, checks rows, finds duplicates, and commits', async () => {
    fx = openTestCore();
    const p = await openImport(fx.core, fixture('media-mitra-bom-titik-koma.csv'), 'media-mitra.csv', 'outlets');
    expect(p).toMatchObject({ format: 'csv', encoding: 'utf-8-bom', delimiter: ';', headerLine: 4 });
    expect(p.mapping).toEqual([null, 'name', 'kind', 'legalEntity', 'pressCouncilStatus', 'editorInChief', 'phone', 'email', 'address', 'region']);
    expect(p.unmapped).toEqual(['No']);
    expect(p.warnings.map((w) => w.code).sort()).toEqual(['blank_rows', 'title_rows', 'unknown_columns']);
    expect(p.counts).toMatchObject({ rows: 7, valid: 6, errors: 1, duplicatesInFile: 1, duplicatesInDb: 0, toCreate: 5, toSkip: 2 });

    const all = await fx.core.invoke('media.import.rows', { sessionId: p.sessionId, view: 'all', limit: 100 });
    const byLine = new Map(all.rows.map((r) => [r.sourceLine, r]));
    // Mixed phone formats all become +62…
    expect(byLine.get(5)?.record).toMatchObject({ name: 'Harian Sukamaju Pos', kind: 'print', pressCouncilStatus: 'factual', phone: '+6281200001001' });
    expect(byLine.get(6)?.record).toMatchObject({ kind: 'online', pressCouncilStatus: 'administrative', phone: '+6281200001002' });
    expect(byLine.get(8)?.record).toMatchObject({ kind: 'radio', pressCouncilStatus: 'registered', phone: '+6281200001003' });
    expect(byLine.get(9)?.record).toMatchObject({ kind: 'tv', pressCouncilStatus: 'none', phone: '+622715550104' });
    // "PT. Harian Sukamaju Pos" is the same outlet as line 5.
    expect(byLine.get(10)?.duplicate).toEqual({ kind: 'file', ofLine: 5 });
    // A short phone and a bad email are warnings: the row imports without them.
    expect(byLine.get(11)?.issues.map((i) => i.code).sort()).toEqual(['email_invalid', 'phone_invalid']);
    expect(byLine.get(11)?.record).toMatchObject({ phone: null, email: null });
    expect(byLine.get(12)?.issues).toEqual([{ field: 'name', code: 'required', severity: 'error' }]);

    const batch = await fx.core.invoke('media.import.commit', { sessionId: p.sessionId });
    expect(batch).toMatchObject({ status: 'committed', createdCount: 5, mergedCount: 0, skippedCount: 2 });
    expect(liveCount(fx.core, 'media_outlet')).toBe(5);

    // The same file again: every valid row is now a duplicate of the directory.
    const again = await openImport(fx.core, fixture('media-mitra-bom-titik-koma.csv'), 'media-mitra.csv', 'outlets');
    expect(again.counts).toMatchObject({ duplicatesInDb: 6, toCreate: 0 });
  });

  it('merges into an existing outlet, keeps a "create" choice, and undoes the whole batch', async () => {
    fx = openTestCore();
    const existing = await fx.core.invoke('media.outlets.save', { name: 'Harian Sukamaju Pos', region: 'Lama', editorInChief: 'Pemred Lama' });
    const p = await openImport(fx.core, fixture('media-mitra-bom-titik-koma.csv'), 'media-mitra.csv', 'outlets');
    expect(p.counts).toMatchObject({ duplicatesInDb: 2, duplicatesInFile: 0 });
    const dups = await fx.core.invoke('media.import.rows', { sessionId: p.sessionId, view: 'duplicates' });
    expect(dups.rows.every((r) => r.duplicate?.kind === 'db' && r.duplicate.id === existing.id && r.decision === 'merge')).toBe(true);
    // Line 10 (the PT. spelling) is created as its own outlet after all; line 5 merges.
    const second = dups.rows.find((r) => r.sourceLine === 10);
    const after = await fx.core.invoke('media.import.decide', { sessionId: p.sessionId, rows: [second!.rowNo], decision: 'create' });
    expect(after.counts).toMatchObject({ toMerge: 1, toCreate: 5 });

    const batch = await fx.core.invoke('media.import.commit', { sessionId: p.sessionId });
    expect(batch).toMatchObject({ createdCount: 5, mergedCount: 1 });
    const merged = (await fx.core.invoke('media.outlets.get', { id: existing.id })).outlet;
    expect(merged).toMatchObject({ region: 'Kota Sukamaju', editorInChief: 'Bambang Contoh', kind: 'print' });
    expect(liveCount(fx.core, 'media_outlet')).toBe(6);

    const undone = await fx.core.invoke('media.import.undo', { batchId: batch.id });
    expect(undone.status).toBe('undone');
    expect(liveCount(fx.core, 'media_outlet')).toBe(1);
    const back = (await fx.core.invoke('media.outlets.get', { id: existing.id })).outlet;
    expect(back).toMatchObject({ region: 'Lama', editorInChief: 'Pemred Lama', kind: null });
    expect(await fx.core.call('media.import.undo', { batchId: batch.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('import of journalists (Windows-1252, commas, quoted cells, mixed phones)', () => {
  it('decodes Windows-1252, links people to outlets (creating missing ones), and finds the same person twice', async () => {
    fx = openTestCore();
    await fx.core.invoke('media.outlets.save', { name: 'Harian Sukamaju Pos', kind: 'print' });
    const p = await openImport(fx.core, fixture('wartawan-windows-1252.csv'), 'wartawan.csv', 'journalists');
    expect(p).toMatchObject({ encoding: 'windows-1252', delimiter: ',', headerLine: 1 });
    expect(p.mapping).toEqual(['name', 'outletName', 'beat', 'phone', 'email', 'ukwLevel', 'ukwNumber', 'ukwValidUntil', 'consent']);
    const rows = (await fx.core.invoke('media.import.rows', { sessionId: p.sessionId })).rows;
    expect(rows[0]?.record).toMatchObject({ name: 'André Wiratama', phone: '+6281200002001', ukwLevel: 'madya', ukwValidUntil: '2026-12-31', consent: 'given' });
    expect(rows[1]?.record).toMatchObject({ name: 'Rina ‘Ina’ Wulandari', ukwValidUntil: '2027-01-15' });
    expect(rows[2]?.record).toMatchObject({ name: 'Siti Nurhaliza, S.Sos', phone: '+6281200002003', consent: 'unknown', ukwLevel: 'utama' });
    expect(rows[3]?.duplicate).toEqual({ kind: 'file', ofLine: 2 });
    expect(rows[4]?.record).toMatchObject({ name: 'Yohanes Café', consent: 'withdrawn', ukwLevel: null });

    const batch = await fx.core.invoke('media.import.commit', { sessionId: p.sessionId });
    expect(batch).toMatchObject({ createdCount: 4, skippedCount: 1 });
    // Three outlets were missing and are created with the batch; the existing one is reused.
    expect(liveCount(fx.core, 'media_outlet')).toBe(4);
    const people = await fx.core.invoke('media.journalists.list', {});
    expect(people.find((j) => j.name === 'André Wiratama')).toMatchObject({ outletName: 'Harian Sukamaju Pos', dataSource: 'Impor berkas wartawan.csv' });
    // Importing personal data is recorded.
    const audit = fx.core.context.db.prepare("SELECT action FROM audit_log WHERE action = 'media.personal.import'").all();
    expect(audit).toHaveLength(1);

    await fx.core.invoke('media.import.undo', { batchId: batch.id });
    expect(liveCount(fx.core, 'media_journalist')).toBe(0);
    expect(liveCount(fx.core, 'media_outlet')).toBe(1);
  });
});

describe('XLSX import', () => {
  it('reads a sheet with a merged title, merged cells in the data and a saved mapping preset', async () => {
    fx = openTestCore();
    const data = await xlsx(
      [
        ['Daftar Media Partner 2026', null, null, null],
        ['Media', 'Tipe', 'Verifikasi', 'Pemimpin Redaksi'],
        ['Kabar Sukamaju', 'Online', 'Faktual', 'Ahmad Contoh'],
        ['Sukamaju Ekspres', 'Cetak', 'Administratif', 'Budi Contoh'],
        ['Sukamaju Ekspres Digital', 'Online', null, 'Budi Contoh'],
      ],
      (ws) => {
        ws.mergeCells('A1:D1');
        ws.mergeCells('C4:C5');
      },
    );
    const p = await openImport(fx.core, data, 'partner.xlsx', 'outlets');
    expect(p).toMatchObject({ format: 'xlsx', headerLine: 2, mapping: ['name', 'kind', 'pressCouncilStatus', 'editorInChief'] });
    expect(p.warnings).toContainEqual({ code: 'merged_cells', count: 1, detail: 'C4:C5' });
    const rows = (await fx.core.invoke('media.import.rows', { sessionId: p.sessionId })).rows;
    // The merged value is copied to each row of the range (and the warning asks to check it).
    expect(rows.map((r) => (r.record as { pressCouncilStatus: string }).pressCouncilStatus)).toEqual(['factual', 'administrative', 'administrative']);

    // A mapping saved as a preset is applied to the next file with the same headers.
    const preset = await fx.core.invoke('media.import.savePreset', { name: 'Format Dinas', kind: 'outlets', mapping: { Media: 'name', Tipe: 'kind', 'Pemimpin Redaksi': 'editorInChief' } });
    await fx.core.invoke('media.import.discard', { sessionId: p.sessionId });
    const up = await fx.core.invoke('media.import.upload', { base64: data.toString('base64') });
    const withPreset = await fx.core.invoke('media.import.open', { uploadId: up.uploadId, fileName: 'partner.xlsx', kind: 'outlets', presetId: preset.id });
    expect(withPreset.mapping).toEqual(['name', 'kind', null, 'editorInChief']);
    expect(await fx.core.invoke('media.import.presets')).toHaveLength(1);
  });
});

describe('bad input: a clear typed error and nothing written', () => {
  const nothingWritten = (fxc: CoreFixture) => {
    expect(liveCount(fxc.core, 'media_outlet')).toBe(0);
    expect(fxc.core.context.db.prepare('SELECT count(*) AS n FROM media_import_row').get()).toEqual({ n: 0 });
  };

  it('refuses a binary file named .csv, an empty file, a header-only file and an old .xls', async () => {
    fx = openTestCore();
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    expect(await openImportResult(fx.core, png, 'media.csv', 'outlets')).toMatchObject({ ok: false, error: { code: 'unsupported_file', details: { reason: 'binary' }, message: expect.stringMatching(/bukan teks CSV/) } });
    expect(await openImportResult(fx.core, Buffer.alloc(0), 'kosong.csv', 'outlets')).toMatchObject({ ok: false, error: { code: 'unsupported_file', details: { reason: 'empty' }, message: expect.stringMatching(/Berkas kosong/) } });
    expect(await openImportResult(fx.core, Buffer.from('\ufeff;;;\r\n'), 'kosong2.csv', 'outlets')).toMatchObject({ ok: false, error: { details: { reason: 'empty' } } });
    expect(await openImportResult(fx.core, Buffer.from('Nama Media;Jenis\r\n'), 'judul.csv', 'outlets')).toMatchObject({ ok: false, error: { details: { reason: 'no_rows' } } });
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600, 1)]);
    expect(await openImportResult(fx.core, xls, 'lama.xls', 'outlets')).toMatchObject({ ok: false, error: { code: 'unsupported_file', details: { reason: 'xls' } } });
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 7)]);
    expect(await openImportResult(fx.core, broken, 'rusak.xlsx', 'outlets')).toMatchObject({ ok: false, error: { code: 'unsupported_file', details: { reason: 'xlsx_broken' } } });
    nothingWritten(fx);
  });

  it('keeps a row with a 1 MB cell out, with its reason, and imports the others', async () => {
    fx = openTestCore();
    const csv = `Nama Media;Jenis;Alamat\r\nKabar Satu;Online;Jl. Satu\r\nKabar Dua;Online;${'x'.repeat(1024 * 1024)}\r\nKabar Tiga;Cetak;Jl. Tiga\r\n`;
    const p = await openImport(fx.core, Buffer.from(csv), 'besar.csv', 'outlets');
    expect(p.counts).toMatchObject({ rows: 3, valid: 2, errors: 1 });
    const bad = (await fx.core.invoke('media.import.rows', { sessionId: p.sessionId, view: 'errors' })).rows[0];
    expect(bad?.issues[0]).toMatchObject({ field: 'address', code: 'too_long', severity: 'error', max: 400 });
    expect(bad?.issues[0]?.value?.length).toBeLessThanOrEqual(60);
    await fx.core.invoke('media.import.commit', { sessionId: p.sessionId });
    expect((await fx.core.invoke('media.outlets.list', {})).map((o) => o.name)).toEqual(['Kabar Satu', 'Kabar Tiga']);
  });

  it('reports unknown columns, and refuses a mapping without the name or naming an unknown field', async () => {
    fx = openTestCore();
    const p = await openImport(fx.core, Buffer.from('Judul;Kolom Aneh;Nama Media\r\nx;y;Kabar Satu\r\n'), 'aneh.csv', 'outlets');
    expect(p.warnings).toContainEqual({ code: 'unknown_columns', count: 2, detail: 'Judul, Kolom Aneh' });
    const noName = await fx.core.invoke('media.import.analyze', { sessionId: p.sessionId, mapping: [null, null, null] });
    expect(noName.missingRequired).toEqual(['name']);
    expect(await fx.core.call('media.import.commit', { sessionId: p.sessionId })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { reason: 'missing_name' } } });
    expect(await fx.core.call('media.import.analyze', { sessionId: p.sessionId, mapping: ['password', null, 'name'] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await fx.core.invoke('media.import.discard', { sessionId: p.sessionId });
    nothingWritten(fx);
  });

  it('a 100,000-row file: progress is reported, other calls are answered meanwhile, and cancel leaves nothing behind', async () => {
    fx = openTestCore();
    const tmp = path.join(fx.dir, 'besar.csv');
    const lines = ['Nama Media;Jenis;No HP;Wilayah'];
    for (let i = 0; i < 100_000; i++) lines.push(`Media Uji ${i};${i % 2 ? 'Online' : 'Cetak'};0812${String(i).padStart(8, '0')};Wilayah ${i % 40}`);
    fs.writeFileSync(tmp, lines.join('\r\n'));
    const progress: { label: string; done: number; total: number | null; finished: boolean }[] = [];
    fx.core.on('progress', (e) => progress.push(e));
    const p = await openImport(fx.core, fs.readFileSync(tmp), 'besar.csv', 'outlets', 4 * 1024 * 1024);
    expect(p.counts).toMatchObject({ rows: 100_000, valid: 100_000 });
    expect(progress.some((e) => e.label === 'Menyiapkan pratinjau' && e.total === 100_000)).toBe(true);

    // Commit, and while it runs: ask something else (answered), then cancel after a few chunks.
    const commit = fx.core.call('media.import.commit', { sessionId: p.sessionId });
    let answeredDuring = false;
    await new Promise<void>((resolve) => {
      const off = fx.core.on('progress', (e) => {
        if (e.label !== 'Mengimpor' || e.done < 3000) return;
        off();
        void fx.core.invoke('media.outlets.regions').then(() => {
          answeredDuring = true;
          void fx.core.invoke('media.import.cancel', { sessionId: p.sessionId }).then(() => resolve());
        });
      });
    });
    const result = await commit;
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'cancelled' } } });
    expect(answeredDuring).toBe(true);
    expect(liveCount(fx.core, 'media_outlet')).toBe(0);
    expect(progress.at(-1)).toMatchObject({ finished: true, label: 'Dibatalkan' });
    const batches = fx.core.context.db.prepare('SELECT status FROM media_import_batch').all();
    expect(batches).toEqual([{ status: 'cancelled' }]);
    expect(fx.core.context.db.prepare('SELECT count(*) AS n FROM media_import_row').get()).toEqual({ n: 0 });
  });
});

describe('export', () => {
  it('round trip: export to XLSX and CSV, import into an empty workspace, equal records; formulas escaped', async () => {
    const clock = fakeClock();
    fx = openTestCore({ clock: clock.now });
    await fx.core.invoke('media.outlets.save', { name: '=HYPERLINK("http://x.example","klik")', kind: 'online', pressCouncilStatus: 'factual', phone: '0812-0000-3001', email: 'redaksi@a.example', region: 'Kota Sukamaju', editorInChief: '@pemred', circulation: 12000 });
    await fx.core.invoke('media.outlets.save', { name: 'Harian Dua', kind: 'print', pressCouncilStatus: 'registered', address: '-Jl. Minus', legalEntity: '+PT Dua', pressCouncilCertDate: '2025-03-01' });
    const outlets = await fx.core.invoke('media.outlets.list', {});
    const harian = outlets.find((o) => o.name === 'Harian Dua')!;
    await fx.core.invoke('media.journalists.save', { name: 'Rina Contoh', outletId: harian.id, beat: 'Ekonomi', ukwLevel: 'madya', ukwValidUntil: '2027-02-01', dataSource: 'Formulir liputan', consent: 'given', personal: { phone: '+6281200004001', whatsapp: '', email: 'rina@dua.example', ukwNumber: 'UKW-9', pressCardNo: 'KP-1' } });

    for (const format of ['xlsx', 'csv'] as const) {
      const out = await fx.core.invoke('media.export', { kind: 'outlets', format });
      const bytes = Buffer.from(out.base64, 'base64');
      if (format === 'xlsx') {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(bytes as unknown as ArrayBuffer);
        const cells = wb.worksheets[0]!.getRow(2).values as unknown[];
        expect(cells[1]).toBe(`'=HYPERLINK("http://x.example","klik")`);
        expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe('Nama Media');
      } else {
        const text = bytes.toString('utf8');
        expect(text.startsWith('\ufeffNama Media;Jenis;')).toBe(true);
        expect(text).toContain(`"'=HYPERLINK(""http://x.example"",""klik"")"`);
        expect(text).toContain("'+PT Dua");
        expect(text).toContain("'-Jl. Minus");
        expect(text).toContain("'@pemred");
      }
      const pj = await fx.core.invoke('media.export', { kind: 'journalists', format, includePersonal: true });

      const other = openTestCore();
      try {
        const a = await openImport(other.core, bytes, `ekspor.${format}`, 'outlets');
        expect(a.unmapped).toEqual([]);
        await other.core.invoke('media.import.commit', { sessionId: a.sessionId });
        const b = await openImport(other.core, Buffer.from(pj.base64, 'base64'), `wartawan.${format}`, 'journalists');
        expect(b.counts.duplicatesInDb).toBe(0);
        await other.core.invoke('media.import.commit', { sessionId: b.sessionId });
        const strip = (o: Record<string, unknown>) => {
          const { id: _i, createdAt: _c, updatedAt: _u, importBatchId: _b, outletId: _o, consentAt: _a, dataSource: _d, ...rest } = o;
          return rest;
        };
        for (const o of outlets) {
          const mine = (await fx.core.invoke('media.outlets.get', { id: o.id })).outlet;
          const theirs = (await other.core.invoke('media.outlets.list', { query: '' })).find((x) => x.name === o.name)!;
          expect(strip((await other.core.invoke('media.outlets.get', { id: theirs.id })).outlet as never)).toEqual(strip(mine as never));
        }
        const [mine] = await fx.core.invoke('media.journalists.list', {});
        const [theirs] = await other.core.invoke('media.journalists.list', {});
        expect(strip(theirs as never)).toEqual(strip(mine as never));
        expect(await other.core.invoke('media.journalists.personal', { id: theirs!.id })).toEqual(await fx.core.invoke('media.journalists.personal', { id: mine!.id }));
      } finally {
        other.cleanup();
      }
    }
  });
});

describe('cells as written', () => {
  const CSV = [
    'Nama Media;Jenis;Alamat;No HP;Wilayah',
    '"Harian\nSolo   Pos";cetak;"Jalan Slamet Riyadi Nomor 1\r\nKelurahan Kemlayan\n  Surakarta  ";0812-0000-2001;-',
    'Radio Bengawan;radio;-;n/a;NA',
    'Siber Jebres;siber;"Jalan Ir. Sutami 36A\nJebres";null;Surakarta',
  ].join('\r\n');

  it('a quoted multi-line address keeps its lines; a name collapses to one line', async () => {
    fx = openTestCore();
    const p = await openImport(fx.core, Buffer.from(CSV, 'utf8'), 'media.csv', 'outlets');
    const rows = (await fx.core.invoke('media.import.rows', { sessionId: p.sessionId, view: 'all' })).rows;
    expect(rows[0]?.record).toMatchObject({ name: 'Harian Solo Pos', address: 'Jalan Slamet Riyadi Nomor 1\nKelurahan Kemlayan\nSurakarta' });
    expect(rows[2]?.record).toMatchObject({ address: 'Jalan Ir. Sutami 36A\nJebres' });
    await fx.core.invoke('media.import.commit', { sessionId: p.sessionId });
    const saved = (await fx.core.invoke('media.outlets.list', {})).find((o) => o.name === 'Harian Solo Pos')!;
    expect((await fx.core.invoke('media.outlets.get', { id: saved.id })).outlet.address).toBe('Jalan Slamet Riyadi Nomor 1\nKelurahan Kemlayan\nSurakarta');
  });

  it('"-", "n/a", "null" cells: the preview counts them per column; read as empty unless the officer keeps a column’s as text', async () => {
    fx = openTestCore();
    const p = await openImport(fx.core, Buffer.from(CSV, 'utf8'), 'media.csv', 'outlets');
    expect(p.columns.map((c) => [c.header, c.placeholders, c.placeholdersEmpty])).toEqual([
      ['Nama Media', 0, true],
      ['Jenis', 0, true],
      ['Alamat', 1, true],
      ['No HP', 2, true],
      ['Wilayah', 2, true],
    ]);
    let rows = (await fx.core.invoke('media.import.rows', { sessionId: p.sessionId, view: 'all' })).rows;
    expect(rows[1]?.record).toMatchObject({ address: null, phone: null, region: null });
    expect(rows[1]?.issues).toEqual([]);
    // "NA" is a region here? The officer keeps the Wilayah column's placeholders as written.
    const kept = await fx.core.invoke('media.import.analyze', { sessionId: p.sessionId, mapping: p.mapping, keepPlaceholders: [4] });
    expect(kept.columns[4]).toMatchObject({ placeholders: 2, placeholdersEmpty: false });
    rows = (await fx.core.invoke('media.import.rows', { sessionId: p.sessionId, view: 'all' })).rows;
    expect(rows[0]?.record).toMatchObject({ region: '-' });
    expect(rows[1]?.record).toMatchObject({ region: 'NA', address: null });
    // Kept on a phone column, "n/a" is not a number: a warning, and the row imports without it.
    await fx.core.invoke('media.import.analyze', { sessionId: p.sessionId, mapping: p.mapping, keepPlaceholders: [3, 4] });
    rows = (await fx.core.invoke('media.import.rows', { sessionId: p.sessionId, view: 'all' })).rows;
    expect(rows[1]?.issues).toEqual([{ field: 'phone', code: 'phone_invalid', severity: 'warning', value: 'n/a' }]);
    // A new mapping keeps the choice.
    const remapped = await fx.core.invoke('media.import.analyze', { sessionId: p.sessionId, mapping: p.mapping });
    expect(remapped.columns.filter((c) => !c.placeholdersEmpty).map((c) => c.index)).toEqual([3, 4]);
  });
});
