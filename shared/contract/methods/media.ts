import { z } from 'zod';
import { IMPORT_KINDS } from '../../media/columns';
import { outletFilterSchema } from '../../media/filters';
import type {
  ContractDetail,
  ContractSummary,
  DistributionList,
  ExportedFile,
  ImportBatch,
  ImportPreset,
  ImportPreview,
  ImportRowView,
  Journalist,
  JournalistPersonal,
  Outlet,
  OutletDetail,
  OutletRow,
  Publication,
  Recipient,
  SearchHit,
} from '../../media/types';
import { CONSENT_STATES, CONTRACT_STATUSES, OUTLET_KINDS, PRESS_COUNCIL_STATUSES, PRODUCTS, TONES, UKW_LEVELS } from '../../media/vocabulary';
import { mutation, query } from '../define';
import { empty, idInput, sha256, uuid } from './common';

/** Import uploads travel in pieces under the 8 MB message limit; a whole file may be up to 64 MB. */
export const IMPORT_CHUNK_BYTES = 4 * 1024 * 1024;
export const IMPORT_MAX_BYTES = 64 * 1024 * 1024;
export const SCAN_MAX_BYTES = 5 * 1024 * 1024;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Tanggal harus berformat TTTT-BB-HH' });
const optText = (max: number) => z.string().trim().max(max, { message: `Maksimal ${max} karakter` }).default('');
const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[0-9+()\-\s.]*$/, { message: 'Nomor telepon hanya boleh berisi angka, spasi, +, (, ), - dan titik' })
  .default('');
const email = z.union([z.literal(''), z.string().trim().max(160).email({ message: 'Alamat email tidak sah' })]).default('');

const outletInput = z
  .object({
    id: uuid.optional(),
    name: z.string().trim().min(1, { message: 'Wajib diisi' }).max(200, { message: 'Maksimal 200 karakter' }),
    kind: z.enum(OUTLET_KINDS).nullable().default(null),
    legalEntity: optText(200),
    address: optText(400),
    region: optText(120),
    latitude: z.number().min(-90).max(90).nullable().default(null),
    longitude: z.number().min(-180).max(180).nullable().default(null),
    website: optText(300),
    social: optText(500),
    phone,
    email,
    editorInChief: optText(160),
    personInCharge: optText(160),
    pressCouncilStatus: z.enum(PRESS_COUNCIL_STATUSES).default('none'),
    pressCouncilCertNo: optText(80),
    pressCouncilCertDate: date.nullable().default(null),
    circulation: z.number().int().min(0).nullable().default(null),
    monthlyTraffic: z.number().int().min(0).nullable().default(null),
    broadcastLicence: optText(120),
    notes: optText(2000),
  })
  .strict();

const sortDir = z.enum(['asc', 'desc']).default('asc');
const outletListInput = z
  .object({
    filter: outletFilterSchema.default({ kinds: [], pressCouncil: [], region: '', contract: 'any' }),
    query: z.string().max(200).default(''),
    sort: z.enum(['name', 'kind', 'region', 'pressCouncilStatus', 'journalistCount', 'updatedAt']).default('name'),
    dir: sortDir,
  })
  .strict();

const journalistInput = z
  .object({
    id: uuid.optional(),
    outletId: uuid.nullable().default(null),
    name: z.string().trim().min(1, { message: 'Wajib diisi' }).max(160, { message: 'Maksimal 160 karakter' }),
    beat: optText(160),
    role: optText(80),
    ukwLevel: z.enum(UKW_LEVELS).nullable().default(null),
    ukwValidUntil: date.nullable().default(null),
    dataSource: z.string().trim().min(1, { message: 'Sebutkan dari mana data ini diperoleh' }).max(200),
    consent: z.enum(CONSENT_STATES).default('unknown'),
    notes: optText(2000),
    /** Distribution flags; left out, they are kept as they are. */
    doNotSend: z.boolean().optional(),
    embargoTrusted: z.boolean().optional(),
    /** Personal fields: only with media.personal; left out, they are kept as they are. */
    personal: z
      .object({ phone, whatsapp: phone, email, ukwNumber: optText(60), pressCardNo: optText(60) })
      .strict()
      .optional(),
  })
  .strict();

const journalistListInput = z
  .object({
    query: z.string().max(200).default(''),
    outletId: uuid.optional(),
    ukwExpiringWithinDays: z.number().int().min(0).max(3650).nullable().default(null),
    sort: z.enum(['name', 'outletName', 'beat', 'ukwLevel', 'ukwValidUntil']).default('name'),
    dir: sortDir,
  })
  .strict();

const searchInput = z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(100).default(20) }).strict();

const uploadInput = z
  .object({
    uploadId: uuid.optional(),
    base64: z.string().max(Math.ceil((IMPORT_CHUNK_BYTES * 4) / 3) + 4, { message: 'Potongan berkas terlalu besar' }),
  })
  .strict();
const importKind = z.enum(IMPORT_KINDS);
const mappingSchema = z.array(z.string().max(40).nullable()).max(500);
const openImportInput = z
  .object({ uploadId: uuid, fileName: z.string().trim().min(1).max(260), kind: importKind, presetId: uuid.optional() })
  .strict();
const analyzeInput = z
  .object({
    sessionId: uuid,
    mapping: mappingSchema,
    /** Column indexes whose "-", "n/a", "null" cells are kept as text; absent: unchanged. */
    keepPlaceholders: z.array(z.number().int().min(0).max(1000)).max(1000).optional(),
  })
  .strict();
const rowsInput = z
  .object({
    sessionId: uuid,
    view: z.enum(['all', 'errors', 'warnings', 'duplicates']).default('all'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
const decideInput = z
  .object({
    sessionId: uuid,
    rows: z.union([z.literal('allDuplicates'), z.array(z.number().int().min(0)).max(100_000)]),
    decision: z.enum(['merge', 'skip', 'create']),
  })
  .strict();
const sessionInput = z.object({ sessionId: uuid }).strict();
const batchInput = z.object({ batchId: uuid }).strict();
const presetInput = z
  .object({ id: uuid.optional(), name: z.string().trim().min(1).max(120), kind: importKind, mapping: z.record(z.string().max(200), z.string().max(40)) })
  .strict();

const exportInput = z
  .object({
    kind: importKind,
    format: z.enum(['csv', 'xlsx']),
    filter: outletFilterSchema.optional(),
    /** Journalists' phone, email, UKW number and press card: needs media.personal and is logged. */
    includePersonal: z.boolean().default(false),
  })
  .strict();

const personExportInput = z.object({ id: uuid, format: z.enum(['json', 'xlsx']) }).strict();
const eraseInput = z.object({ id: uuid, reason: z.string().trim().min(3, { message: 'Tuliskan dasar permintaan penghapusan' }).max(500) }).strict();

const contractInput = z
  .object({
    id: uuid.optional(),
    outletId: uuid,
    number: z.string().trim().min(1, { message: 'Wajib diisi' }).max(120),
    title: optText(300),
    periodStart: date,
    periodEnd: date,
    value: z.number().int().min(0).max(1e13),
    status: z.enum(CONTRACT_STATUSES).default('active'),
    notes: optText(2000),
    quotas: z
      .array(z.object({ product: z.enum(PRODUCTS), quota: z.number().int().min(0).max(100_000) }).strict())
      .max(PRODUCTS.length)
      .default([]),
  })
  .strict()
  .refine((c) => c.periodEnd >= c.periodStart, { message: 'Akhir periode tidak boleh sebelum awal periode', path: ['periodEnd'] });

const contractListInput = z.object({ outletId: uuid.optional(), state: z.enum(['any', 'running', 'ended', 'upcoming']).default('any') }).strict();

const publicationInput = z
  .object({
    id: uuid.optional(),
    outletId: uuid,
    product: z.enum(PRODUCTS),
    publishedOn: date,
    tone: z.enum(TONES, { message: 'Nada pemberitaan tidak dikenal' }).nullable().default(null),
    title: optText(300),
    url: z.union([z.literal(''), z.string().trim().max(1000).url({ message: 'Tautan tidak sah' }).refine((u) => /^https?:\/\//i.test(u), { message: 'Tautan harus diawali http:// atau https://' })]).default(''),
    page: optText(60),
    releaseId: z.union([z.literal(''), uuid]).default(''),
    notes: optText(2000),
    /** A screenshot or scan: PNG, JPEG, WebP or PDF, at most 5 MB. */
    scan: z
      .object({ base64: z.string().max(Math.ceil((SCAN_MAX_BYTES * 4) / 3) + 4, { message: 'Berkas lebih dari 5 MB' }) })
      .strict()
      .optional(),
  })
  .strict()
  .refine((p) => p.url !== '' || p.page !== '' || p.scan !== undefined, { message: 'Isi tautan, halaman, atau lampirkan pindaian', path: ['url'] });

const publicationListInput = z.object({ outletId: uuid.optional(), contractId: uuid.optional(), from: date.optional(), to: date.optional(), limit: z.number().int().min(1).max(5000).default(500) }).strict();
const linkInput = z.object({ url: z.string().trim().max(1000) }).strict();
const reportInput = z.object({ from: date, to: date, format: z.enum(['pdf', 'xlsx']) }).strict();

const listInput = z
  .object({
    id: uuid.optional(),
    name: z.string().trim().min(1, { message: 'Wajib diisi' }).max(160),
    description: optText(500),
    kind: z.enum(['fixed', 'filter']),
    filter: outletFilterSchema.optional(),
    outletIds: z.array(uuid).max(5000).default([]),
    journalistIds: z.array(uuid).max(20000).default([]),
  })
  .strict();
const scanInput = z.object({ hash: sha256 }).strict();

export const mediaMethods = {
  'media.outlets.list': query<typeof outletListInput, OutletRow[]>('media.read', outletListInput),
  'media.outlets.get': query<typeof idInput, OutletDetail>('media.read', idInput),
  'media.outlets.save': mutation<typeof outletInput, Outlet>('media.write', outletInput),
  'media.outlets.delete': mutation<typeof idInput, Outlet>('media.write', idInput),
  'media.outlets.restore': mutation<typeof idInput, Outlet>('media.write', idInput),
  'media.outlets.regions': query<typeof empty, string[]>('media.read', empty),

  'media.journalists.list': query<typeof journalistListInput, Journalist[]>('media.read', journalistListInput),
  'media.journalists.get': query<typeof idInput, Journalist>('media.read', idInput),
  'media.journalists.personal': query<typeof idInput, JournalistPersonal>('media.personal', idInput),
  'media.journalists.save': mutation<typeof journalistInput, Journalist>('media.write', journalistInput),
  'media.journalists.delete': mutation<typeof idInput, Journalist>('media.write', idInput),
  'media.journalists.restore': mutation<typeof idInput, Journalist>('media.write', idInput),
  'media.journalists.exportPerson': query<typeof personExportInput, ExportedFile>('media.personal', personExportInput),
  'media.journalists.erase': mutation<typeof eraseInput, Journalist>('media.personal', eraseInput),

  'media.search': query<typeof searchInput, SearchHit[]>('media.read', searchInput),

  'media.import.upload': mutation<typeof uploadInput, { uploadId: string; bytes: number }>('media.write', uploadInput),
  'media.import.open': mutation<typeof openImportInput, ImportPreview>('media.write', openImportInput),
  'media.import.analyze': mutation<typeof analyzeInput, ImportPreview>('media.write', analyzeInput),
  'media.import.rows': query<typeof rowsInput, { total: number; rows: ImportRowView[] }>('media.write', rowsInput),
  'media.import.decide': mutation<typeof decideInput, ImportPreview>('media.write', decideInput),
  'media.import.commit': mutation<typeof sessionInput, ImportBatch>('media.write', sessionInput),
  'media.import.cancel': mutation<typeof sessionInput, { cancelled: boolean }>('media.write', sessionInput),
  'media.import.discard': mutation<typeof sessionInput, { discarded: boolean }>('media.write', sessionInput),
  'media.import.undo': mutation<typeof batchInput, ImportBatch>('media.write', batchInput),
  'media.import.batches': query<typeof empty, ImportBatch[]>('media.read', empty),
  'media.import.presets': query<typeof empty, ImportPreset[]>('media.read', empty),
  'media.import.savePreset': mutation<typeof presetInput, ImportPreset>('media.write', presetInput),
  'media.import.deletePreset': mutation<typeof idInput, { deleted: boolean }>('media.write', idInput),

  'media.export': query<typeof exportInput, ExportedFile>('media.read', exportInput),

  'media.contracts.list': query<typeof contractListInput, ContractSummary[]>('media.read', contractListInput),
  'media.contracts.get': query<typeof idInput, ContractDetail>('media.read', idInput),
  'media.contracts.save': mutation<typeof contractInput, ContractDetail>('media.write', contractInput),
  'media.contracts.delete': mutation<typeof idInput, { deleted: boolean }>('media.write', idInput),

  'media.publications.list': query<typeof publicationListInput, Publication[]>('media.read', publicationListInput),
  'media.publications.save': mutation<typeof publicationInput, Publication>('media.write', publicationInput),
  'media.publications.delete': mutation<typeof idInput, { deleted: boolean }>('media.write', idInput),
  'media.publications.fromLink': query<typeof linkInput, { outletId: string | null; outletName: string; publishedOn: string | null; url: string }>('media.read', linkInput),
  'media.publications.scan': query<typeof scanInput, { dataUrl: string; mime: string }>('media.read', scanInput),
  'media.report': query<typeof reportInput, ExportedFile>('media.read', reportInput),

  'media.lists.list': query<typeof empty, DistributionList[]>('media.read', empty),
  'media.lists.save': mutation<typeof listInput, DistributionList>('media.write', listInput),
  'media.lists.delete': mutation<typeof idInput, { deleted: boolean }>('media.write', idInput),
  /** For the distribution issue: a list's current recipients (contacts only with media.personal). */
  'media.lists.resolve': query<typeof idInput, Recipient[]>('media.read', idInput),
};

export type OutletInput = z.input<typeof outletInput>;
export type JournalistInput = z.input<typeof journalistInput>;
export type ContractInput = z.input<typeof contractInput>;
export type PublicationInput = z.input<typeof publicationInput>;
export type ListInput = z.input<typeof listInput>;
