import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core';
import { canonicalDump } from '../support/canonical-dump';
import { readChangeLog } from '../support/change-log';
import { openTestCore, type CoreFixture } from '../support/core-fixture';
import { fakeClock } from '../support/fake-clock';

/**
 * The property sync stands on: the change log is the data. Replaying it into an empty
 * database gives the same rows; applying a set of changes twice, or in any order, gives the
 * same state; two devices that exchange their logs end equal.
 */
const fixtures: CoreFixture[] = [];
afterAll(() => fixtures.forEach((f) => f.cleanup()));

type Op =
  | { kind: 'insert'; name: string; abbreviation: string | null; active: boolean; order: number | null }
  | { kind: 'update'; pick: number; patch: { name?: string; phone?: string | null; active?: boolean; sort_order?: number } }
  | { kind: 'delete'; pick: number }
  | { kind: 'restore'; pick: number }
  | { kind: 'profile'; city: string; unit: string | null }
  | { kind: 'wait'; ms: number };

const text = fc.string({ minLength: 0, maxLength: 12 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), name: text, abbreviation: fc.option(text), active: fc.boolean(), order: fc.option(fc.integer({ min: -5, max: 500 })) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('update' as const),
      pick: fc.nat(),
      patch: fc.record({ name: text, phone: fc.option(fc.stringMatching(/^[0-9+ ]{0,12}$/)), active: fc.boolean(), sort_order: fc.integer({ min: 0, max: 99 }) }, { requiredKeys: [] }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('profile' as const), city: text, unit: fc.option(text) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 5_000 }) }) },
);

function run(core: Core, ops: Op[], clock: ReturnType<typeof fakeClock>): void {
  const m = core.context.mutator;
  const ids = (): string[] => (core.context.db.prepare('SELECT id FROM opd ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  for (const op of ops) {
    const all = ids();
    const target = all.length ? all[(op as { pick?: number }).pick !== undefined ? (op as { pick: number }).pick % all.length : 0] : undefined;
    try {
      switch (op.kind) {
        case 'insert':
          m.insert('opd', { name: op.name, abbreviation: op.abbreviation, active: op.active, sort_order: op.order });
          break;
        case 'update':
          if (target) m.update('opd', target, op.patch);
          break;
        case 'delete':
          if (target) m.remove('opd', target);
          break;
        case 'restore':
          if (target) m.restore('opd', target);
          break;
        case 'profile':
          m.write('office_profile', '00000000-0000-7000-8000-000000000001', { city: op.city, unit: op.unit });
          break;
        case 'wait':
          clock.advance(op.ms);
          break;
      }
    } catch (err) {
      // Updating or deleting a tombstoned row is refused by design; anything else is a bug.
      if ((err as { code?: string }).code !== 'not_found') throw err;
    }
  }
}

function shuffleWith<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('the change log rebuilds the data', () => {
  it('replaying, duplicating and reordering changes give the same rows', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 40 }), fc.integer(), (ops, seed) => {
        const clock = fakeClock();
        const source = openTestCore({ clock: clock.now });
        fixtures.push(source);
        run(source.core, ops, clock);
        const expected = canonicalDump(source.core.context.db);
        const changes = readChangeLog(source.core.context.db);

        const replay = openTestCore({ clock: clock.now });
        fixtures.push(replay);
        replay.core.context.mutator.applyChanges(changes);
        expect(canonicalDump(replay.core.context.db)).toEqual(expected);

        const shuffled = openTestCore({ clock: clock.now });
        fixtures.push(shuffled);
        const mixed = shuffleWith([...changes, ...changes.filter((_, i) => i % 3 === 0)], seed);
        const half = Math.floor(mixed.length / 2);
        shuffled.core.context.mutator.applyChanges(mixed.slice(0, half));
        shuffled.core.context.mutator.applyChanges(mixed.slice(half));
        shuffled.core.context.mutator.applyChanges(changes); // everything again: no effect
        expect(canonicalDump(shuffled.core.context.db)).toEqual(expected);

        for (const f of [source, replay, shuffled]) f.cleanup();
        fixtures.length = 0;
      }),
      { numRuns: 60 },
    );
    // Bounded by count (60 runs × 3 fresh databases, each migrated through every version);
    // the time it takes grows with the migrations and the machine's load, not with a fault.
  }, 240_000);

  it('two devices editing offline converge after exchanging their logs in any order', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), fc.array(opArb, { maxLength: 25 }), fc.array(opArb, { maxLength: 25 }), fc.integer(), (shared, onA, onB, seed) => {
        const clock = fakeClock();
        const a = openTestCore({ clock: clock.now });
        const b = openTestCore({ clock: clock.now });
        fixtures.push(a, b);
        run(a.core, shared, clock);
        b.core.context.mutator.applyChanges(readChangeLog(a.core.context.db)); // both start from the same data
        run(a.core, onA, clock);
        run(b.core, onB, clock);
        const fromA = readChangeLog(a.core.context.db);
        const fromB = readChangeLog(b.core.context.db);
        a.core.context.mutator.applyChanges(shuffleWith(fromB, seed));
        b.core.context.mutator.applyChanges(shuffleWith(fromA, seed + 1));
        expect(canonicalDump(a.core.context.db)).toEqual(canonicalDump(b.core.context.db));
        a.cleanup();
        b.cleanup();
        fixtures.length = 0;
      }),
      { numRuns: 40 },
    );
  }, 240_000);
});
