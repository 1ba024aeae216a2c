import { describe, expect, it } from 'vitest';
import { guessMapping, headerScore } from '../../../shared/media/columns';
import { decodeWindows1252 } from '../../../shared/media/cp1252';
import { addDays, parseDateCell } from '../../../shared/media/dates';
import { dedupeKeys, findDuplicatesWithin, normalizeName } from '../../../shared/media/dedupe';
import { escapeFormula, unescapeFormula } from '../../../shared/media/formula';
import { guessDateFromUrl, hostOf } from '../../../shared/media/links';
import { createRequire } from 'node:module';
import { formatPhoneLocal, isMobile, normalizeEmail, normalizePhone, whatsappDigits } from '../../../shared/media/phone';
import { LIBPHONENUMBER_VERSION, PHONE_METADATA_ID } from '../../../shared/media/phone-metadata-id';

const require = createRequire(import.meta.url);
import { contractFor, contractProgress, contractState } from '../../../shared/media/quota';
import { toRecord } from '../../../shared/media/records';
import { parseOutletKind, parsePressCouncil, parseProduct, parseUkwLevel } from '../../../shared/media/vocabulary';

describe('Indonesian phone numbers', () => {
  it.each([
    ['0812-0000-1234', '+6281200001234'],
    ['0812 0000 1234', '+6281200001234'],
    ['62812.0000.1234', '+6281200001234'],
    ['+62 812-0000-1234', '+6281200001234'],
    ['+62 (0)812 0000 1234', '+6281200001234'],
    ['0062 812 0000 1234', '+6281200001234'],
    ["'081200001234", '+6281200001234'],
    ['0812-0000-1234 / 0813-0000-9999', '+6281200001234'],
  ])('%s → %s, a mobile', (raw, e164) => {
    expect(normalizePhone(raw)).toEqual({ ok: true, value: e164, kind: 'mobile' });
  });

  it.each([
    ['(0271) 555-0101', '+622715550101'],
    ['021-5555-1234', '+622155551234'],
    ['+62 361 222 333', '+62361222333'],
  ])('%s → %s, a landline', (raw, e164) => {
    expect(normalizePhone(raw)).toEqual({ ok: true, value: e164, kind: 'fixed' });
  });

  it('restores the leading zero a numeric Excel cell lost', () => {
    expect(normalizePhone(81200001234)).toEqual({ ok: true, value: '+6281200001234', kind: 'mobile' });
  });

  it('offers WhatsApp only for a mobile number (a landline link opens a chat that cannot exist)', () => {
    expect(whatsappDigits('0812-0000-1234')).toBe('6281200001234');
    expect(whatsappDigits('+622715550101')).toBeNull();
    expect(whatsappDigits('0800 1234 567')).toBeNull(); // toll-free
    expect(isMobile('+6281200001234')).toBe(true);
    expect(isMobile('(0271) 555-0101')).toBe(false);
  });

  it('uses libphonenumber-js’s own Indonesian metadata (regenerate with scripts/phone-metadata.mjs after an upgrade)', () => {
    const max = require('libphonenumber-js/metadata.max.json') as { version: number; countries: Record<string, unknown> };
    const installed = require('libphonenumber-js/package.json') as { version: string };
    expect(LIBPHONENUMBER_VERSION).toBe(installed.version);
    const meta = PHONE_METADATA_ID as unknown as { version: number; countries: Record<string, unknown> };
    expect(meta.version).toBe(max.version);
    expect(meta.countries.ID).toEqual(max.countries.ID);
  });

  it.each([
    ['', 'empty'],
    ['08120000', 'length'],
    ['021-12345', 'length'],
    ['0812000012345678', 'length'],
    ['+1 555 0100 200', 'prefix'],
    ['12345678', 'prefix'],
    ['0812-abc-1234', 'chars'],
  ])('refuses %j (%s)', (raw, reason) => {
    expect(normalizePhone(raw)).toEqual({ ok: false, reason });
  });

  it('formats for reading', () => {
    expect(formatPhoneLocal('+6281200001234')).toBe('0812-0000-1234');
    expect(formatPhoneLocal('+622715550101')).toBe('(0271) 5550101');
  });
});

describe('emails', () => {
  it('accepts and lower-cases real addresses, refuses the rest', () => {
    expect(normalizeEmail(' Redaksi@Contoh.Example ')).toBe('redaksi@contoh.example');
    expect(normalizeEmail('mailto:a.b+c@d-e.example.id')).toBe('a.b+c@d-e.example.id');
    for (const bad of ['bukan-email', 'a@b', 'a b@c.example', '@c.example', 'a@@c.example', 'a@c..example']) expect(normalizeEmail(bad)).toBeNull();
  });
});

describe('header guessing', () => {
  it('maps the headers offices write', () => {
    expect(guessMapping(['No', 'Nama Media', 'Jenis', 'Pemred', 'No HP', 'E-mail', 'Alamat Redaksi', 'Verifikasi Dewan Pers', 'Oplah'], 'outlets')).toEqual([
      null, 'name', 'kind', 'editorInChief', 'phone', 'email', 'address', 'pressCouncilStatus', 'circulation',
    ]);
    expect(guessMapping(['NAMA', 'MEDIA', 'No. HP / WA', 'Kartu Pers', 'Masa Berlaku UKW', 'Jenjang UKW'], 'journalists')).toEqual([
      'name', 'outletName', 'phone', 'pressCardNo', 'ukwValidUntil', 'ukwLevel',
    ]);
    // A field goes to one column only.
    expect(guessMapping(['Email', 'Email'], 'outlets')).toEqual(['email', null]);
  });

  it('scores a header row above a title row', () => {
    expect(headerScore(['DAFTAR MEDIA MITRA 2026'], 'outlets')).toBe(0);
    expect(headerScore(['Nama Media', 'Jenis', 'Pemred'], 'outlets')).toBe(3);
  });
});

describe('vocabulary', () => {
  it('reads kinds, Press Council status, UKW levels and products', () => {
    expect(['Surat Kabar', 'Media Siber', 'Televisi', 'Radio FM', 'Instagram', 'Koran Harian', 'xyz'].map(parseOutletKind)).toEqual(['print', 'online', 'tv', 'radio', 'social', 'print', null]);
    expect(['Terverifikasi Faktual', 'Terverifikasi Administratif', 'Terdaftar', 'Belum', '-', 'entahlah'].map(parsePressCouncil)).toEqual(['factual', 'administrative', 'registered', 'none', null, null]);
    expect(['Wartawan Muda', 'MADYA', 'Utama', 'senior'].map(parseUkwLevel)).toEqual(['muda', 'madya', 'utama', null]);
    expect(['Berita', 'Galeri Foto', 'ILM', 'Siaran Langsung', 'Advertorial'].map(parseProduct)).toEqual(['news', 'photo_gallery', 'psa', 'live', 'advertorial']);
  });
});

describe('duplicates', () => {
  it('normalises names and keys people by name with phone or email', () => {
    expect(normalizeName('PT. Harian Sukamaju Pos, Tbk.')).toBe('harian sukamaju pos');
    expect(normalizeName('Sukamaju Pos (PT)')).toBe('sukamaju pos');
    expect(dedupeKeys({ name: 'André W.', phone: '+62812', email: 'A@B.example' }, 'journalist')).toEqual(['p:andre w|+62812', 'e:andre w|a@b.example']);
    expect(dedupeKeys({ name: 'X Pos', phone: '+62812' }, 'outlet')).toEqual(['n:x pos']);
    const people = [
      { name: 'Rina', phone: '+62811', email: null },
      { name: 'Rina', phone: '+62822', email: null },
      { name: 'RINA', phone: null, email: null },
      { name: 'Rina', phone: '+62811', email: 'r@x.example' },
      null,
    ];
    expect(findDuplicatesWithin(people, 'journalist')).toEqual([-1, -1, -1, 0, -1]);
  });
});

describe('formula injection', () => {
  it('escapes cells starting with = + - @ tab or CR, and reads them back', () => {
    for (const v of ['=1+1', '+62812', '-5', '@SUM(A1)', '\t=x', '\r=x']) {
      expect(escapeFormula(v)).toBe(`'${v}`);
      expect(unescapeFormula(escapeFormula(v))).toBe(v);
    }
    expect(escapeFormula('Harian Pos')).toBe('Harian Pos');
    expect(unescapeFormula("'biasa")).toBe("'biasa");
  });
});

describe('dates and links', () => {
  it('reads the ways dates are written', () => {
    expect(['2026-12-07', '07/12/2026', '7-12-2026', '7 Desember 2026', '7 Agt 2026', 46363, '31/02/2026', 'besok'].map((d) => parseDateCell(d as string))).toEqual([
      '2026-12-07', '2026-12-07', '2026-12-07', '2026-12-07', '2026-08-07', '2026-12-07', null, null,
    ]);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });

  it('finds the host and a date in article links', () => {
    expect(hostOf('https://www.Contoh.example/a')).toBe('contoh.example');
    expect(hostOf('javascript:alert(1)')).toBeNull();
    expect(guessDateFromUrl('https://contoh.example/read/2026/11/20/judul')).toBe('2026-11-20');
    expect(guessDateFromUrl('https://contoh.example/berita/2026-11-20-judul')).toBe('2026-11-20');
    expect(guessDateFromUrl('https://contoh.example/20261120123456/judul')).toBe('2026-11-20');
    expect(guessDateFromUrl('https://contoh.example/judul')).toBeNull();
  });
});

describe('quota counting', () => {
  const c2025 = { id: 'a', outletId: 'o', periodStart: '2025-01-01', periodEnd: '2025-12-31', status: 'active', quotas: [{ product: 'news' as const, quota: 2 }] };
  const c2026 = { id: 'b', outletId: 'o', periodStart: '2026-01-01', periodEnd: '2026-12-31', status: 'active', quotas: [{ product: 'news' as const, quota: 3 }, { product: 'live' as const, quota: 1 }] };
  const pubs = [
    { contractId: 'a', product: 'news' as const, publishedOn: '2025-12-31' },
    { contractId: 'b', product: 'news' as const, publishedOn: '2026-01-01' },
    { contractId: 'b', product: 'news' as const, publishedOn: '2026-04-02' },
    { contractId: 'b', product: 'news' as const, publishedOn: '2027-01-01' }, // outside the period: not counted
    { contractId: 'b', product: 'advertorial' as const, publishedOn: '2026-02-01' }, // no quota for it
  ];

  it('counts per contract, product and period, with a reporting window', () => {
    expect(contractProgress(c2025, pubs)).toEqual([{ product: 'news', quota: 2, delivered: 1, deliveredToDate: 1, missing: 1, over: 0 }]);
    expect(contractProgress(c2026, pubs)).toEqual([
      { product: 'news', quota: 3, delivered: 2, deliveredToDate: 2, missing: 1, over: 0 },
      { product: 'live', quota: 1, delivered: 0, deliveredToDate: 0, missing: 1, over: 0 },
    ]);
    expect(contractProgress(c2026, pubs, { from: '2026-04-01', to: '2026-06-30' })[0]).toEqual({ product: 'news', quota: 3, delivered: 1, deliveredToDate: 2, missing: 1, over: 0 });
    expect(contractProgress(c2026, pubs, { from: '2026-01-01', to: '2026-03-31' })[0]).toEqual({ product: 'news', quota: 3, delivered: 1, deliveredToDate: 1, missing: 2, over: 0 });
  });

  it('picks the contract covering a date, and names its state', () => {
    expect(contractFor([c2025, c2026], 'o', '2025-06-01')?.id).toBe('a');
    expect(contractFor([c2025, c2026], 'o', '2027-06-01')).toBeNull();
    expect(contractFor([c2025, { ...c2026, status: 'cancelled' }], 'o', '2026-06-01')).toBeNull();
    expect(contractState(c2026, '2026-11-22')).toBe('running');
    expect(contractState(c2026, '2027-01-01')).toBe('ended');
    expect(contractState(c2026, '2025-06-01')).toBe('upcoming');
    expect(contractState({ ...c2026, status: 'ended' }, '2026-11-22')).toBe('ended');
  });
});

describe('rows and encodings', () => {
  it('turns a row into a record with its issues', () => {
    const { record, issues } = toRecord('journalists', ['  Rina  ', 'Harian Pos', '08120000', 'x@', 'Madya', '2027-13-01', 'ya'], ['name', 'outletName', 'phone', 'email', 'ukwLevel', 'ukwValidUntil', 'consent']);
    expect(record).toMatchObject({ name: 'Rina', outletName: 'Harian Pos', phone: null, email: null, ukwLevel: 'madya', ukwValidUntil: null, consent: 'given' });
    expect(issues.map((i) => `${i.field}:${i.code}:${i.severity}`)).toEqual(['phone:phone_invalid:warning', 'email:email_invalid:warning', 'ukwValidUntil:date_invalid:warning']);
    expect(toRecord('outlets', ['', 'Online'], ['name', 'kind']).record).toBeNull();
  });

  it('decodes Windows-1252 quotes, dashes and the euro sign', () => {
    expect(decodeWindows1252(new Uint8Array([0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0x80, 0xe9]))).toBe('“A” – €é');
  });
});
