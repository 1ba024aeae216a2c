/** The `.warta-enrol` file: read whole and checked; garbage, tampered, foreign or oversized files get a typed error naming what is wrong. */
import { describe, expect, it } from 'vitest';
import { enrolmentFileText, ENROLMENT_FILE_MAX_BYTES, parseEnrolmentFile } from '../../../shared/sync/enrolment-file';

const GOOD = { serverUrl: 'http://127.0.0.1:8787', workspace: 'ws-abc', workspaceName: 'Humas Sukamaju', code: 'KODE-123456', role: 'writer' as const, issuedAt: '2026-12-03T14:00:00.000Z' };

const reasonOf = (text: string) => {
  try {
    parseEnrolmentFile(text);
    return 'accepted';
  } catch (err) {
    expect(err).toMatchObject({ code: 'invalid_input' });
    expect((err as Error).message).toMatch(/\(.+\)$/); // Indonesian first, English in brackets
    return (err as { details: { reason: string } }).details.reason;
  }
};

describe('enrolment file', () => {
  it('reads back what the administrator’s download wrote (a byte-order mark too)', () => {
    expect(parseEnrolmentFile(enrolmentFileText(GOOD))).toEqual({ format: 'warta-enrol', version: 1, ...GOOD });
    expect(parseEnrolmentFile(`\uFEFF${enrolmentFileText(GOOD)}`).code).toBe(GOOD.code);
  });

  it('refuses garbage, HTML, other JSON and empty files as not an enrolment file', () => {
    expect(reasonOf('')).toBe('not_json');
    expect(reasonOf('\u0000\u0001PK\u0003\u0004')).toBe('not_json');
    expect(reasonOf('<!doctype html><html></html>')).toBe('not_json');
    expect(reasonOf('null')).toBe('not_enrolment_file');
    expect(reasonOf('[1,2]')).toBe('not_enrolment_file');
    expect(reasonOf(JSON.stringify({ name: 'package', version: '1.0.0' }))).toBe('not_enrolment_file');
  });

  it('refuses a tampered file, naming the damaged fields', () => {
    const good = JSON.parse(enrolmentFileText(GOOD)) as Record<string, unknown>;
    expect(reasonOf(JSON.stringify({ ...good, role: 'superuser' }))).toBe('invalid');
    expect(reasonOf(JSON.stringify({ ...good, serverUrl: 'file:///etc/passwd' }))).toBe('invalid');
    expect(reasonOf(JSON.stringify({ ...good, code: 'x' }))).toBe('invalid');
    expect(reasonOf(JSON.stringify({ ...good, token: 'secret' }))).toBe('invalid');
    const { workspace: _omitted, ...noWorkspace } = good;
    expect(reasonOf(JSON.stringify(noWorkspace))).toBe('invalid');
    try {
      parseEnrolmentFile(JSON.stringify({ ...good, role: 'superuser' }));
    } catch (err) {
      expect((err as { details: { fields: string[] } }).details.fields).toEqual(['role']);
    }
  });

  it('refuses a newer format and oversized files', () => {
    expect(reasonOf(JSON.stringify({ ...JSON.parse(enrolmentFileText(GOOD)), version: 2 }))).toBe('newer_version');
    expect(reasonOf(' '.repeat(ENROLMENT_FILE_MAX_BYTES + 1))).toBe('too_large');
  });
});
