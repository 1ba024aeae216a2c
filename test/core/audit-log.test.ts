import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, type CoreFixture } from '../support/core-fixture';

let fx: CoreFixture;
afterEach(() => fx.cleanup());

const actor = { userId: 'u-1', name: 'Rina (editor)' };

describe('audit log', () => {
  it('chains entries and verifies an untouched log', () => {
    fx = openTestCore();
    const audit = fx.core.context.audit;
    const a = audit.record(actor, { action: 'release.approve', targetType: 'release', targetId: 'r1', details: { number: '001/Humas/2026' } });
    const b = audit.record(actor, { action: 'person.export', targetType: 'journalist', targetId: 'j1' });
    expect(b.prevHash).toBe(a.hash);
    expect(audit.verify()).toEqual({ ok: true, count: 2 });
  });

  it('detects a changed entry and a removed entry, even when the triggers are bypassed', () => {
    fx = openTestCore();
    const audit = fx.core.context.audit;
    for (let i = 0; i < 5; i++) audit.record(actor, { action: 'sign_in', details: { i } });
    const db = fx.core.context.db;
    // Someone with a raw SQLite tool drops the triggers and edits history.
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    db.prepare("UPDATE audit_log SET actor_name = 'Orang lain' WHERE seq = 3").run();
    expect(audit.verify()).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/changed/) });
    db.prepare("UPDATE audit_log SET actor_name = ? WHERE seq = 3").run(actor.name);
    expect(audit.verify()).toMatchObject({ ok: true });
    db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(audit.verify()).toMatchObject({ ok: false, brokenAt: 2, reason: expect.stringMatching(/missing/) });
  });
});

describe('audit viewer', () => {
  it('filters by action family, actor text (wildcards taken literally), and pages by sequence', async () => {
    fx = openTestCore();
    const audit = fx.core.context.audit;
    audit.record(actor, { action: 'release.approve' });
    audit.record(actor, { action: 'release.publish' });
    audit.record({ userId: 'u-2', name: 'Budi_100%' }, { action: 'sign_in' });
    audit.record({ userId: 'u-3', name: 'Budi X' }, { action: 'sign_in' });
    expect((await fx.core.invoke('audit.list', { action: 'release' })).map((e) => e.action)).toEqual(['release.publish', 'release.approve']);
    expect((await fx.core.invoke('audit.list', { actor: '_100%' })).map((e) => e.actorName)).toEqual(['Budi_100%']);
    const page = await fx.core.invoke('audit.list', { limit: 2 });
    expect(page.map((e) => e.seq)).toEqual([4, 3]);
    expect((await fx.core.invoke('audit.list', { beforeSeq: 3, limit: 2 })).map((e) => e.seq)).toEqual([2, 1]);
    const csv = await fx.core.invoke('audit.exportCsv', { limit: 100 });
    expect(csv.csv.split('\r\n')[0]).toContain('"Pelaku"');
    expect(csv.csv).toContain('"Budi_100%"');
  });
});
