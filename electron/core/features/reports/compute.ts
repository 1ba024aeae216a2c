/**
 * The monthly (or any period's) performance report, computed in one read transaction so that
 * sync writing meanwhile cannot split it: every number comes from the same snapshot, which the
 * report names (the time and the change-log position it reflects).
 */
import { formatDateKey } from '../../../../shared/format/dates';
import type { Report } from '../../../../shared/reports/model';
import { periodTitle, type Period } from '../../../../shared/reports/period';
import type { Caller } from '../../caller';
import type { CoreContext } from '../../rpc/handler-types';
import { officeZone } from '../agenda/settings';
import { readOfficeProfile } from '../office/handlers';
import { readTargetMinutes } from '../releases/handlers';
import { agendaSection } from './agenda-section';
import { comparisonSection } from './comparison-section';
import { campaignsSection, mayReadDesk, publicdeskSection } from './desk-social-sections';
import { coverageSection, distributionSection, partnershipsSection } from './network-sections';
import { releasesSection } from './releases-section';
import { requestsSection } from './requests-section';
import { reportScope } from './scope';

export function computeReport(ctx: CoreContext, caller: Caller, period: Period): Report {
  const read = ctx.db.transaction(() => {
    const profile = readOfficeProfile(ctx);
    const s = reportScope(ctx, caller, period, officeZone(ctx), readTargetMinutes(ctx));
    const seq = (ctx.db.prepare('SELECT coalesce(max(seq), 0) AS n FROM change_log').get() as { n: number }).n;
    const sections = [releasesSection(s), coverageSection(s), partnershipsSection(s), distributionSection(s), agendaSection(s), requestsSection(s)];
    // The desk's complaints only for those who may run the desk; the campaigns for every reader.
    if (mayReadDesk(s)) sections.push(publicdeskSection(s));
    sections.push(campaignsSection(s));
    // A year is compared with the year before, read in the same transaction (same snapshot).
    if (period.kind === 'year') {
      const year = period.from.slice(0, 4);
      const before = String(Number(year) - 1);
      const p = reportScope(ctx, caller, { kind: 'year', from: `${before}-01-01`, to: `${before}-12-31` }, s.zone, s.targetMinutes);
      const previous = [releasesSection(p), coverageSection(p), distributionSection(p), agendaSection(p), requestsSection(p), campaignsSection(p)];
      if (mayReadDesk(p)) previous.push(publicdeskSection(p));
      sections.push(comparisonSection(sections, previous, year, before));
    }
    return { profile, s, seq, sections };
  });
  // deferred: a read transaction; WAL gives it one consistent view until it ends.
  const { profile, s, seq, sections } = read.deferred();
  const asOfMs = ctx.now();
  const title = periodTitle(period, (k) => formatDateKey(k));
  // The comparison carries the year before: a year with no data of its own is still empty.
  // A campaign's theme days are its plan, not activity: a period with nothing else is still empty.
  const empty = sections.filter((x) => x.id !== 'comparison').every((x) => x.tables.every((t) => t.id === 'campaigns_themes' || t.rows.every((r) => r.slice(1).every((v) => v === 0 || typeof v === 'string'))));
  return {
    title: `Laporan Kinerja Kehumasan ${title}`,
    period,
    periodTitle: title,
    office: { institution: profile?.institution ?? '', unit: profile?.unit ?? '', city: profile?.city ?? '' },
    asOfMs,
    snapshot: `posisi data #${seq}`,
    targetMinutes: s.targetMinutes,
    empty,
    sections,
  };
}
