import { PASSWORD_MAX, PASSWORD_MIN } from '../../../shared/people/account';
import { describeIssue, type InputIssue } from '../../i18n/issue-messages';
import type { Translate } from '../../i18n/use-t';

const LOGIN = /^[a-z0-9._@-]{3,80}$/;

/** The login rule of shared/people/account.ts, checked before sending (the core checks again). */
export function localLoginProblem(login: string, t: Translate): string | null {
  const value = login.trim().toLowerCase();
  if (!value) return t('field.required');
  return LOGIN.test(value) ? null : t('people.login.invalid');
}

export function localPasswordProblem(password: string, t: Translate): string | null {
  if (!password) return t('field.required');
  if (password.length < PASSWORD_MIN) return t('people.password.tooShort', { min: PASSWORD_MIN });
  if (password.length > PASSWORD_MAX) return t('field.tooLong', { max: PASSWORD_MAX });
  return null;
}

/** An issue from the core on an account form, in the user's language. */
export function describePeopleIssue(issue: InputIssue, t: Translate): string {
  const field = issue.path.split('.').at(0);
  if (field === 'login' && (issue.code === 'invalid_format' || (issue.code === 'too_small' && issue.minimum !== 1))) return t('people.login.invalid');
  if ((field === 'password' || field === 'next') && issue.code === 'too_small') return t('people.password.tooShort', { min: PASSWORD_MIN });
  if (field === 'roles' && issue.code === 'too_small') return t('people.accounts.rolesHint');
  return describeIssue(issue, t);
}

/** Field path → message, first issue per field wins. */
export function peopleFieldErrors(issues: InputIssue[], t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.split('.').at(0) ?? issue.path;
    if (!(field in out)) out[field] = describePeopleIssue(issue, t);
  }
  return out;
}
