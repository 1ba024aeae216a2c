import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../support/core-fixture';

/** The direct transport: what tests and the core's own callers use. Every bad call is answered, never thrown. */
let fx: CoreFixture;
beforeAll(() => {
  fx = openTestCore();
});
afterAll(() => fx.cleanup());

describe('malformed calls are refused with a typed error and the core keeps serving', () => {
  const cases: [string, unknown, unknown, string][] = [
    ['unknown method', 'releases.burnAll', {}, 'unknown_method'],
    ['method that is not a string', 42, {}, 'unknown_method'],
    ['prototype key as method', '__proto__', {}, 'unknown_method'],
    ['input of the wrong type', 'opd.save', 'Dinas Kesehatan', 'invalid_input'],
    ['missing required field', 'office.save', { institution: 'Pemkot' }, 'invalid_input'],
    ['wrong field type', 'opd.save', { name: 12 }, 'invalid_input'],
    ['unexpected extra field', 'opd.list', { includeDeleted: false, dropTable: true }, 'invalid_input'],
    ['oversized string', 'opd.save', { name: 'A'.repeat(100_000) }, 'invalid_input'],
    ['bad id', 'opd.delete', { id: "1' OR '1'='1" }, 'invalid_input'],
    ['unknown time zone', 'office.save', { ...SAMPLE_PROFILE, timeZone: 'UTC' }, 'invalid_input'],
    ['deleting what does not exist', 'opd.delete', { id: '01900000-0000-7000-8000-000000000000' }, 'not_found'],
  ];

  it.each(cases)('%s', async (_name, method, input, code) => {
    const result = await fx.core.call(method, input);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message.length).toBeGreaterThan(5);
    expect(await fx.core.call('app.info', {})).toMatchObject({ ok: true });
  });

  it('names the unknown placeholder of a release number pattern', async () => {
    const result = await fx.core.call('office.save', { ...SAMPLE_PROFILE, numberPattern: '{seq}/{bulan}/{year}' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('{bulan}'), details: { issues: [{ path: 'numberPattern', params: { placeholder: 'bulan' } }] } },
    });
    expect(await fx.core.invoke('office.get')).toBeNull();
  });

  it('gives each invalid field its path, a machine code and the limit', async () => {
    const result = await fx.core.call('opd.save', { name: 'A'.repeat(300), email: 'bukan-email' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        details: {
          issues: expect.arrayContaining([
            expect.objectContaining({ path: 'name', code: 'too_big', maximum: 200 }),
            expect.objectContaining({ path: 'email' }),
          ]),
        },
      },
    });
  });

  it('logs refused calls', async () => {
    await fx.core.call('no.such', {});
    expect(fx.logger.lines.some((l) => l.event === 'call.unknown_method')).toBe(true);
  });

  it('a closed core answers "closed" instead of crashing', async () => {
    const other = openTestCore();
    other.core.close();
    expect(await other.core.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'closed' } });
    other.cleanup();
  });
});
