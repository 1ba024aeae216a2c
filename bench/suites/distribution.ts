import { performance } from 'node:perf_hooks';
import { median, round, type BenchmarkFigure } from '../results-format';
import type { SuiteContext } from './core';
import { startSmtpServer } from '../../test/support/smtp-test-server';
import { distributionCore, publishedRelease, useSmtp } from '../../test/core/distribution/support';

const RECIPIENTS = 1000;
const SEND = 300;
const ROUNDS = 5;

/**
 * Queueing 1,000 recipients (plan from the directory, one transaction of 1,001 rows through the
 * mutation path, audit entry) and sending to a real SMTP server on 127.0.0.1 with no rate limit
 * (a message per recipient, each recorded as sending and then sent, fsync'd).
 */
export async function run(ctx: SuiteContext): Promise<BenchmarkFigure[]> {
  const smtp = await startSmtpServer({ parse: false });
  const queueMs: number[] = [];
  const perSecond: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const fx = await distributionCore({ clock: Date.now }, ctx.workDir(`round${round}`));
      const { core } = fx;
      try {
        await useSmtp(core, smtp.port, { ratePerMinute: 0 });
        const releaseId = await publishedRelease(core);
        const outlet = await core.invoke('media.outlets.save', { name: 'Jaringan Uji', kind: 'online' });
        const insert = core.context.db.prepare("INSERT INTO media_journalist (id, outlet_id, name, email, consent, _hlc) VALUES (?, ?, ?, ?, 'given', '{}')");
        const ids: string[] = [];
        core.context.db.transaction(() => {
          for (let i = 0; i < RECIPIENTS; i++) {
            const id = `0191${String(i).padStart(4, '0')}-0000-7000-8000-${String(round).padStart(12, '0')}`;
            ids.push(id);
            insert.run(id, outlet.id, `Wartawan Uji ${i}`, `w${i}.r${round}@bench.example`);
          }
        })();
        const t0 = performance.now();
        const q = await core.invoke('distribution.queue', { releaseId, journalistIds: ids, channels: { email: true, whatsapp: false } });
        queueMs.push(performance.now() - t0);
        if (q.emails !== RECIPIENTS) throw new Error(`queued ${q.emails}`);
        // Send the first SEND of them: cancel the rest so the run measures a fixed count.
        const rest = (core.context.db.prepare("SELECT id FROM distribution_recipients WHERE distribution_id = ? ORDER BY created_at, id LIMIT -1 OFFSET ?").all(q.id, SEND) as { id: string }[]).map((r) => r.id);
        await core.invoke('distribution.recipients.cancel', { ids: rest });
        const before = smtp.received.length;
        const t1 = performance.now();
        const r = await fx.drain();
        const secs = (performance.now() - t1) / 1000;
        if (r.sent !== SEND || smtp.received.length - before !== SEND) throw new Error(`sent ${r.sent}, received ${smtp.received.length - before}`);
        perSecond.push(SEND / secs);
        ctx.log(`  round ${round + 1}: queue ${queueMs.at(-1)?.toFixed(0)} ms, send ${(SEND / secs).toFixed(0)} msg/s`);
      } finally {
        core.close();
      }
    }
  } finally {
    await smtp.close();
  }
  return [
    { id: 'distribution.queue_1000_ms', value: Math.round(median(queueMs)), unit: 'ms', target: '<= 1000', note: `distribution.queue of ${RECIPIENTS} journalists (plan, checks, one transaction); median of ${ROUNDS}` },
    { id: 'distribution.send_per_s', value: round(median(perSecond), 1), unit: 'msg/s', target: '>= 50', note: `${SEND} personal messages (greeting, HTML + text) to a real SMTP server on 127.0.0.1, no rate limit, each recorded sending → sent; median of ${ROUNDS}` },
  ];
}
