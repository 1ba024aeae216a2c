/**
 * Campaigns and social media (issue 15, `social.` figures): the five platform sizes of a
 * 24-megapixel photo, an infographic card (SVG and PNG, in the office identity), the content calendar's month view with 5,000 planned posts in the core,
 * and the public newsroom's feeds over 20,000 published releases (bench/support/newsroom-feeds.ts).
 */
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { createCore } from '../../electron/core/create-core';
import { accentOf } from '../../electron/core/features/campaigns/card-identity';
import { renderCard } from '../../electron/core/features/campaigns/card-render';
import { makeVariants } from '../../electron/core/features/campaigns/image-variants';
import { letterheadOf } from '../../electron/core/features/paper/letterhead';
import { CARD_SIZE_NAMES } from '../../shared/campaigns/cards';
import { createMemoryLogger } from '../../electron/core/log/logger';
import { PLATFORMS } from '../../shared/campaigns/model';
import { newsroomFeeds } from '../support/newsroom-feeds';
import { median, percentile, round, type BenchmarkFigure } from '../results-format';
import type { SuiteContext } from './core';

const VARIANT_RUNS = 3;
const POSTS = 5000;
const CALENDAR_RUNS = 30;
const CARD_RUNS = 15;

/** An infographic card with four figures, the emblem and a Sundanese letterhead line, at each platform size in turn. */
export async function cardFigure(ctx: SuiteContext): Promise<BenchmarkFigure> {
  const emblemSvg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="230"><path d="M100 6 L188 34 V112 C188 168 148 204 100 224 C52 204 12 168 12 112 V34 Z" fill="#1d4f8c"/><circle cx="100" cy="90" r="30" fill="#f2c230"/></svg>';
  const emblem = await sharp(Buffer.from(emblemSvg)).png().toBuffer();
  const head = await letterheadOf({ institution: 'Pemerintah Kota Sukamaju', unit: 'Dinas Komunikasi dan Informatika', scriptLine: 'ᮕᮙᮛᮦᮔ᮪ᮒᮂ ᮊᮧᮒ ᮘᮔ᮪ᮓᮥᮀ', address: 'Jl. Merdeka 1', phone: '', email: '', website: '' } as Parameters<typeof letterheadOf>[0], emblem);
  const identity = { ...head, accent: (await accentOf(emblem)) ?? '#1d4e89', handles: ['@humassukamaju', '@pemkotsukamaju'] };
  const card = {
    template: 'figures' as const,
    title: 'Capaian “Selasa Tanpa Rokok” sepanjang tahun 2026 di seluruh kecamatan',
    entries: [
      { value: '1.204', label: 'kawasan tanpa rokok ditetapkan' },
      { value: '86%', label: 'sekolah patuh pada pemeriksaan terakhir' },
      { value: '3.500', label: 'warga ikut penyuluhan' },
      { value: 'Rp2,1 M', label: 'denda tertagih' },
    ],
    source: 'Sumber: Dinas Kesehatan Kota Sukamaju, Desember 2026',
  };
  const cold = performance.now();
  await renderCard(card, 'square', identity);
  const coldMs = performance.now() - cold;
  const times: number[] = [];
  for (let i = 0; i < CARD_RUNS; i++) {
    const t = performance.now();
    await renderCard(card, CARD_SIZE_NAMES[i % CARD_SIZE_NAMES.length]!, identity);
    times.push(performance.now() - t);
  }
  ctx.log(`  infographic card: first ${coldMs.toFixed(0)} ms (fonts loaded), then ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  return { id: 'social.infographic_card_ms', value: round(percentile(times, 95), 0), unit: 'ms', target: '<= 300', note: `p95 of ${CARD_RUNS}: a four-figure card with emblem and Aksara Sunda letterhead, laid out, set as outlines (SVG) and drawn to PNG by sharp, rotating the five platform sizes (first card, loading the fonts: ${coldMs.toFixed(0)} ms)` };
}

export async function run(ctx: SuiteContext): Promise<BenchmarkFigure[]> {
  const figures: BenchmarkFigure[] = [];
  // 6000×4000 of noise: a photo's worth of detail for the decoder (a flat colour would flatter it).
  const width = 6000;
  const height = 4000;
  const photo = await sharp(crypto.randomBytes(width * height * 3), { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
  const times: number[] = [];
  for (let i = 0; i < VARIANT_RUNS; i++) {
    const t = performance.now();
    await makeVariants(photo, { name: 'bench.jpg', focal: { x: 0.6, y: 0.4 }, caption: 'Bench', credit: 'Humas' });
    times.push(performance.now() - t);
  }
  ctx.log(`  five variants of 24 MP: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  figures.push(await cardFigure(ctx));
  figures.push({ id: 'social.image_variants_24mp_ms', value: round(median(times), 0), unit: 'ms', target: '<= 1500', note: `median of ${VARIANT_RUNS}: five platform sizes of a 6000×4000 JPEG (${(photo.length / 2 ** 20).toFixed(1)} MB) around a focal point` });

  const core = createCore({ dataDir: ctx.workDir('social'), logger: createMemoryLogger() });
  try {
    const m = core.context.mutator;
    m.transaction(() => {
      const campaigns = Array.from({ length: 10 }, (_, i) => m.insert('campaigns', { name: `Kampanye ${i}`, recurrence: 'weekly', weekdays: [i % 7], hashtags: ['#Bench'] }));
      for (let i = 0; i < POSTS; i++)
        m.insert('campaign_posts', {
          title: `Unggahan ${i}`,
          platform: PLATFORMS[i % PLATFORMS.length]!,
          account: '@humas',
          date: `2027-03-${String((i % 31) + 1).padStart(2, '0')}`,
          zone: 'WIB',
          status: 'draft',
          campaign_id: campaigns[i % campaigns.length]!,
        });
    });
    const month: number[] = [];
    for (let i = 0; i < CALENDAR_RUNS; i++) {
      const t = performance.now();
      const cal = await core.invoke('campaigns.calendar', { from: '2027-02-22', to: '2027-04-04' });
      month.push(performance.now() - t);
      if (i === 0) ctx.log(`  month view: ${cal.days.reduce((n, d) => n + d.posts.length, 0)} posts, ${cal.days.reduce((n, d) => n + d.themes.length, 0)} themes`);
    }
    figures.push({ id: 'social.calendar_month_ms', value: round(percentile(month, 95), 1), unit: 'ms', target: '<= 50', note: `p95 of ${CALENDAR_RUNS} campaigns.calendar calls for a 6-week month view holding ${POSTS} posts and 10 weekly campaigns` });
  } finally {
    core.close();
  }
  figures.push(...(await newsroomFeeds(ctx)));
  return figures;
}
