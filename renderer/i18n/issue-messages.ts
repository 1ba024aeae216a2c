import type { Translate } from './use-t';

/** One entry of `details.issues` of an `invalid_input` error, as the core sends it. */
export interface InputIssue {
  path: string;
  message: string;
  params?: Record<string, unknown>;
}

export function issuesOf(details: Record<string, unknown> | undefined): InputIssue[] {
  const raw = details?.issues;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item): InputIssue[] => {
    const i = item as { path?: unknown; message?: unknown; params?: unknown };
    if (typeof i.path !== 'string' || typeof i.message !== 'string') return [];
    return [{ path: i.path, message: i.message, ...(i.params && typeof i.params === 'object' ? { params: i.params as Record<string, unknown> } : {}) }];
  });
}

/**
 * The issue in the user's language. The number pattern issue carries machine-readable params;
 * the other issues carry only the core's Indonesian message, so the known ones are recognised
 * by their wording and anything else is shown as the core wrote it.
 */
export function describeIssue(issue: InputIssue, t: Translate): string {
  const placeholder = issue.params?.placeholder;
  if (typeof placeholder === 'string') return t('pattern.unknown', { placeholder: `{${placeholder}}` });
  const reason = issue.params?.reason;
  if (reason === 'unbalanced_brace') return t('pattern.unbalanced');
  if (reason === 'missing_seq') return t('pattern.missingSeq');
  const msg = issue.message.trim();
  if (msg === 'Wajib diisi') return t('field.required');
  const max = /^Maksimal (\d+) karakter$/.exec(msg);
  if (max?.[1]) return t('field.tooLong', { max: max[1] });
  if (msg === 'Alamat email tidak sah') return t('field.email');
  if (msg.startsWith('Nomor telepon hanya boleh')) return t('field.phone');
  if (msg.startsWith('Alamat situs harus')) return t('field.website');
  return issue.message;
}

/** Field path → message, first issue per field wins. */
export function fieldErrorsOf(issues: InputIssue[], t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) if (!(issue.path in out)) out[issue.path] = describeIssue(issue, t);
  return out;
}
