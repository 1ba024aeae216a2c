/**
 * Campaigns and social media (issue 15, `social.` figures): the five platform sizes of a
 * 24-megapixel photo, the content calendar's month view with 5,000 planned posts in the core,
 * and the public newsroom's feeds over 20,000 published releases (bench/support/newsroom-feeds.ts).
 */
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { createCore } from '../../electron/core/create-core';
import { makeVariants } from '../../electron/core/features/campaigns/image-variants';
import { createMemoryLogger } from '../../electron/core/log/logger';
import { PLATFORMS } from '../../shared/campaigns/model';
import { newsroomFeeds } from '../support/newsroom-feeds';
import { median, percentile, round, type BenchmarkFigure } from '../results-format';
import type { SuiteContext } from './core';

const VARIANT_RUNS = 3;
const POSTS = 5000;
const CALENDAR_RUNS = 30;

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
