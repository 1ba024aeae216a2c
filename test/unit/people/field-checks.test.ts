import { describe, expect, it } from 'vitest';
import { login, password } from '../../../shared/people/account';
import { describePeopleIssue, localLoginProblem, localPasswordProblem } from '../../../renderer/features/people/field-checks';
import { translate } from '../../../renderer/i18n/use-t';

const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate('id', key, values);

describe('the sign-up checks in the window agree with the core schemas', () => {
  const logins = ['rina', 'bayu.p', 'humas@kota', 'a_b-c', 'ab', '', 'Rina', ' rina ', 'rina kusuma', 'rína', 'x'.repeat(80), 'x'.repeat(81), 'admin#1'];
  it.each(logins)('login %j', (value) => {
    expect(localLoginProblem(value, t) === null).toBe(login.safeParse(value).success);
  });

  const passwords = ['', 'pendek', '123456789', '1234567890', 'kalimat panjang yang mudah diingat', 'x'.repeat(200), 'x'.repeat(201)];
  it.each(passwords)('password of %#', (value) => {
    expect(localPasswordProblem(value, t) === null).toBe(password.safeParse(value).success);
  });
});

describe('issues from the core are worded for people', () => {
  it('a login with a forbidden character', () => {
    expect(describePeopleIssue({ path: 'login', code: 'invalid_format', format: 'regex', message: 'x' }, t)).toMatch(/hanya boleh berisi/);
  });
  it('a short password, in the account form and in the change-password dialog', () => {
    expect(describePeopleIssue({ path: 'password', code: 'too_small', minimum: 10, message: 'x' }, t)).toBe('Kata sandi minimal 10 karakter.');
    expect(describePeopleIssue({ path: 'next', code: 'too_small', minimum: 10, message: 'x' }, t)).toBe('Kata sandi minimal 10 karakter.');
  });
  it('no role chosen', () => {
    expect(describePeopleIssue({ path: 'roles', code: 'too_small', minimum: 1, message: 'x' }, t)).toBe('Pilih paling sedikit satu peran.');
  });
  it('anything else falls back to the shared wording', () => {
    expect(describePeopleIssue({ path: 'email', code: 'invalid_format', format: 'email', message: 'x' }, t)).toBe('Alamat email tidak sah.');
  });
});
