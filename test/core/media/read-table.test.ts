/**
 * The CSV reader parses in slices with the event loop running between them (issue 17): its rows
 * must be exactly those of one whole parse, whatever falls on a slice's edge.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_SLICE_CHARS, detectDelimiter, readTable } from '../../../electron/core/features/media/import/read-table';
import { openTestCore } from '../../support/core-fixture';
import { outletsCsv } from '../../support/core-under-load';
import { liveCount, openImport } from './media-support';

const wholeParse = (text: string, delimiter: string) =>
  Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false }).data.map((r) => r.map((c) => (c === '' ? null : c)));

/** Rows with what breaks naive splitting: quoted multi-line cells, quotes, delimiters in quotes, CRLF, blank lines, non-ASCII. */
function trickyCsv(rows: number, eol: string): string {
  const lines = ['Nama Media;Alamat;Catatan'];
  for (let i = 0; i < rows; i++) {
    if (i % 97 === 0) lines.push('');
    const address = i % 5 === 0 ? `"Jl. Merdeka ${i}${eol}RT ${i % 9}/RW 2${eol}Kota Sukamaju"` : `Jl. Sudirman ${i}`;
    const note = i % 7 === 0 ? `"kata ""kutip"" ; titik koma ${i}"` : i % 11 === 0 ? '' : `Catatan ke-${i} — é ñ 😀`;
    lines.push(`Media ${i};${address};${note}`);
  }
  return lines.join(eol) + eol;
}

describe('CSV read in slices', () => {
  for (const eol of ['\n', '\r\n']) {
    it(`gives the rows of one whole parse across many slices (${JSON.stringify(eol)} line ends)`, async () => {
      const text = trickyCsv(6_000, eol);
      expect(text.length).toBeGreaterThan(CSV_SLICE_CHARS * 10);
      const table = await readTable(Buffer.from(text, 'utf8'));
      const expected = wholeParse(text, ';');
      while (expected.length && expected[expected.length - 1]?.every((c) => c === null)) expected.pop();
      expect(table.delimiter).toBe(';');
      expect(table.rows.length).toBe(expected.length);
      expect(table.rows).toEqual(expected);
      // A multi-line address survives a slice edge whole.
      expect(table.rows.filter((r) => typeof r[1] === 'string' && r[1].includes('Kota Sukamaju')).length).toBe(1_200);
    });
  }

  it('an unclosed quote reads as one whole parse reads it (the rest of the file in one cell), no throw', async () => {
    const text = `${trickyCsv(2_000, '\n')}Media rusak;"Jl. tanpa tutup;x\n${trickyCsv(2_000, '\n')}`;
    const table = await readTable(Buffer.from(text, 'utf8'));
    const expected = wholeParse(text, ';');
    while (expected.length && expected[expected.length - 1]?.every((c) => c === null)) expected.pop();
    expect(table.rows).toEqual(expected);
  });

  it('lets other work run while a large file is parsed', async () => {
    const text = trickyCsv(20_000, '\n');
    let turns = 0;
    let reading = true;
    const spin = () => {
      turns += 1;
      if (reading) setImmediate(spin);
    };
    setImmediate(spin);
    const table = await readTable(Buffer.from(text, 'utf8'));
    reading = false;
    expect(table.rows.length).toBeGreaterThan(20_000);
    // One turn per slice at least: the parse did not hold the thread from start to end.
    expect(turns).toBeGreaterThanOrEqual(Math.floor(text.length / CSV_SLICE_CHARS) - 1);
  });

  it('finds the delimiter from the first lines of a long text', () => {
    expect(detectDelimiter(trickyCsv(50_000, '\n'))).toBe(';');
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
  });
});

describe('a 2,000-row import end to end (CSV read and staging cleared in slices)', () => {
  it('creates every outlet once and leaves no staged row or session behind', async () => {
    const fx = openTestCore();
    try {
      const p = await openImport(fx.core, outletsCsv(2_000), 'media-besar.csv', 'outlets');
      expect(p.counts).toMatchObject({ rows: 2_000, valid: 2_000, toCreate: 2_000 });
      const batch = await fx.core.invoke('media.import.commit', { sessionId: p.sessionId });
      expect(batch).toMatchObject({ status: 'committed', createdCount: 2_000 });
      const db = fx.core.context.db;
      expect(liveCount(fx.core, 'media_outlet')).toBe(2_000);
      const names = (db.prepare('SELECT name FROM media_outlet').all() as { name: string }[]).map((r) => r.name);
      expect(new Set(names).size).toBe(2_000);
      expect(db.prepare('SELECT count(*) AS n FROM media_import_row').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM media_import_session').get()).toEqual({ n: 0 });
    } finally {
      fx.cleanup();
    }
  });
});
