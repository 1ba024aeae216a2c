import { z } from 'zod';
import { CAMPAIGN_LIMITS, HASHTAG, PLATFORMS, POST_STATUSES, type CampaignNumbers, type CampaignSummary, type ContentCalendar, type PlannedPost } from '../../campaigns/model';
import { CARD_LIMITS, CARD_SIZE_NAMES, CARD_TEMPLATES, cardProblem, type CardSize } from '../../campaigns/cards';
import { RECURRENCE_KINDS } from '../../campaigns/recurrence';
import { mutation, query } from '../define';
import { empty, idInput, uuid } from './common';

const day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'Tanggal harus berbentuk TTTT-BB-HH' });
const text = (max: number, what: string) => z.string().trim().max(max, { message: `${what}: maksimal ${max} karakter` });
/** Plain text only: a caption or a name with markup would reach the platforms as literal tags. */
const plain = (max: number, what: string) =>
  text(max, what).refine((v) => !/<\/?[a-z][^>]*>/i.test(v), { message: `${what} tidak boleh berisi HTML; tulis teks biasa` });

/** "#SelasaTanpaRokok", "SelasaTanpaRokok" or "#selasa tanpa rokok" typed: one tag each, '#' added. */
const hashtag = z
  .string()
  .trim()
  .transform((v) => (v.startsWith('#') ? v : `#${v}`))
  .refine((v) => HASHTAG.test(v), { message: 'Tagar hanya berisi huruf, angka dan garis bawah, tanpa spasi (mis. #SelasaTanpaRokok)' });

const recurrence = z
  .object({
    kind: z.enum(RECURRENCE_KINDS, { message: 'Pilih jenis pengulangan' }),
    weekdays: z.array(z.number().int().min(0).max(6)).max(7).default([]),
    nth: z.union([z.literal(-1), z.number().int().min(1).max(5)]).nullable().default(null),
    weekday: z.number().int().min(0).max(6).nullable().default(null),
    startDate: day.nullable().default(null),
    endDate: day.nullable().default(null),
  })
  .strict();

const saveInput = z
  .object({
    id: uuid.optional(),
    name: plain(CAMPAIGN_LIMITS.name, 'Nama kampanye').pipe(z.string().min(1, { message: 'Nama kampanye wajib diisi' })),
    theme: plain(CAMPAIGN_LIMITS.theme, 'Tema').default(''),
    recurrence,
    hashtags: z.array(hashtag).max(CAMPAIGN_LIMITS.hashtags, { message: `Paling banyak ${CAMPAIGN_LIMITS.hashtags} tagar` }).default([]),
    owner: plain(CAMPAIGN_LIMITS.owner, 'Penanggung jawab').default(''),
    opdId: uuid.nullable().default(null),
  })
  .strict();

const calendarInput = z
  .object({ from: day, to: day })
  .strict()
  .refine((v) => v.to >= v.from, { message: 'Tanggal akhir sebelum tanggal awal', path: ['to'] });

const numbersInput = z
  .object({ from: day, to: day })
  .strict()
  .refine((v) => v.to >= v.from, { message: 'Tanggal akhir sebelum tanggal awal', path: ['to'] });

const postSaveInput = z
  .object({
    id: uuid.optional(),
    title: plain(CAMPAIGN_LIMITS.title, 'Judul').pipe(z.string().min(1, { message: 'Judul rencana unggahan wajib diisi' })),
    platform: z.enum(PLATFORMS, { message: 'Platform tidak dikenal' }),
    account: plain(CAMPAIGN_LIMITS.account, 'Akun').default(''),
    date: day,
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Jam harus berbentuk JJ:MM' }).nullable().default(null),
    /** A new post: an idea or a draft; later steps go through campaigns.posts.step. */
    status: z.enum(['idea', 'draft']).default('idea'),
    owner: plain(CAMPAIGN_LIMITS.owner, 'Penanggung jawab').default(''),
    campaignId: uuid.nullable().default(null),
    releaseId: uuid.nullable().default(null),
    agendaEventId: uuid.nullable().default(null),
    caption: plain(CAMPAIGN_LIMITS.caption, 'Keterangan').default(''),
  })
  .strict();

const stepInput = z.object({ id: uuid, to: z.enum(POST_STATUSES, { message: 'Status tidak dikenal' }) }).strict();
const moveInput = z.object({ id: uuid, date: day, time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).nullable().optional() }).strict();
const postedInput = z
  .object({
    id: uuid,
    url: z.string().trim().url({ message: 'Alamat unggahan harus URL lengkap (https://…)' }).max(CAMPAIGN_LIMITS.url).refine((u) => /^https?:\/\//i.test(u), { message: 'Alamat unggahan harus diawali http:// atau https://' }),
    postedAt: z.number().int().min(0),
  })
  .strict();

const mention = z.string().trim().regex(/^@[A-Za-z0-9_.]{1,60}$/, { message: 'Akun yang disebut ditulis @nama, tanpa spasi' });
const fromReleaseInput = z
  .object({
    releaseId: uuid,
    accounts: z
      .array(z.object({ platform: z.enum(PLATFORMS, { message: 'Platform tidak dikenal' }), account: plain(CAMPAIGN_LIMITS.account, 'Akun') }).strict())
      .min(1, { message: 'Pilih paling sedikit satu akun' })
      .max(12),
    campaignId: uuid.nullable().default(null),
    mentions: z.array(mention).max(10).default([]),
    /** The release's page in the public newsroom (or the office website). */
    link: z.string().trim().url({ message: 'Tautan harus URL lengkap (https://…)' }).max(CAMPAIGN_LIMITS.url).nullable().default(null),
    date: day,
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Jam harus berbentuk JJ:MM' }).nullable().default(null),
  })
  .strict();
const packageInput = z
  .object({
    ids: z.array(uuid).min(1, { message: 'Pilih unggahan untuk paketnya' }).max(12),
    photoHash: z.string().regex(/^[0-9a-f]{64}$/).nullable().default(null),
    focal: z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }).strict().default({ x: 0.5, y: 0.5 }),
  })
  .strict();

/** An infographic card as the editor fills it; what each template needs is cardProblem's. */
const cardSpec = z
  .object({
    template: z.enum(CARD_TEMPLATES, { message: 'Pilih bentuk kartu' }),
    title: z.string().max(CARD_LIMITS.title, { message: `Judul kartu maksimal ${CARD_LIMITS.title} karakter` }).default(''),
    entries: z
      .array(
        z
          .object({
            value: z.string().max(CARD_LIMITS.quote, { message: `Maksimal ${CARD_LIMITS.quote} karakter` }),
            label: z.string().max(CARD_LIMITS.label, { message: `Keterangan maksimal ${CARD_LIMITS.label} karakter` }).default(''),
          })
          .strict(),
      )
      .max(6, { message: 'Paling banyak 6 isian' }),
    source: z.string().max(CARD_LIMITS.source, { message: `Sumber maksimal ${CARD_LIMITS.source} karakter` }).default(''),
  })
  .strict()
  .superRefine((card, ctx) => {
    const p = cardProblem(card);
    if (p) ctx.addIssue({ code: 'custom', message: p.id, path: p.field.split('.').slice(1).map((k) => (/^\d+$/.test(k) ? Number(k) : k)) });
  });
const handles = z.array(z.string().trim().max(60, { message: 'Akun maksimal 60 karakter' })).max(4, { message: 'Paling banyak 4 akun' }).default([]);
const cardRenderInput = z
  .object({ card: cardSpec, size: z.enum(CARD_SIZE_NAMES as [CardSize, ...CardSize[]], { message: 'Ukuran kartu tidak dikenal' }), handles })
  .strict();
const postCardInput = z.object({ id: uuid, card: cardSpec.nullable() }).strict();

export interface RenderedCardResult {
  size: CardSize;
  width: number;
  height: number;
  svg: string;
  pngBase64: string;
  warnings: string[];
}

export const campaignsMethods = {
  'campaigns.list': query<typeof empty, CampaignSummary[]>('releases.read', empty),
  'campaigns.save': mutation<typeof saveInput, CampaignSummary>('releases.write', saveInput),
  'campaigns.remove': mutation<typeof idInput, { ok: true }>('releases.write', idInput),
  'campaigns.calendar': query<typeof calendarInput, ContentCalendar>('releases.read', calendarInput),
  'campaigns.numbers': query<typeof numbersInput, CampaignNumbers>('releases.read', numbersInput),
  'campaigns.posts.save': mutation<typeof postSaveInput, PlannedPost>('releases.write', postSaveInput),
  // Who may take which step is the rulebook's (approving: releases.review; posting: releases.publish).
  'campaigns.posts.step': mutation<typeof stepInput, PlannedPost>('releases.write', stepInput),
  'campaigns.posts.move': mutation<typeof moveInput, PlannedPost>('releases.write', moveInput),
  'campaigns.posts.markPosted': mutation<typeof postedInput, PlannedPost>('releases.publish', postedInput),
  'campaigns.posts.fromRelease': mutation<typeof fromReleaseInput, PlannedPost[]>('releases.write', fromReleaseInput),
  'campaigns.posts.package': query<typeof packageInput, { fileName: string; base64: string; warnings: string[] }>('releases.read', packageInput),
  'campaigns.posts.remove': mutation<typeof idInput, { ok: true }>('releases.write', idInput),
  'campaigns.cards.render': query<typeof cardRenderInput, RenderedCardResult>('releases.read', cardRenderInput),
  'campaigns.posts.card': mutation<typeof postCardInput, PlannedPost>('releases.write', postCardInput),
};
