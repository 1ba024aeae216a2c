import type { Translate } from './use-t';

/** One entry of `details.issues` of an `invalid_input` error, as the core sends it. */
export interface InputIssue {
  path: string;
  message: string;
  /** zod's issue code (too_small, too_big, invalid_format, …) and its limits. */
  code?: string;
  minimum?: number;
  maximum?: number;
  format?: string;
  params?: Record<string, unknown>;
}

export function issuesOf(details: Record<string, unknown> | undefined): InputIssue[] {
  const raw = details?.issues;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item): InputIssue[] => {
    const i = item as { path?: unknown; message?: unknown; code?: unknown; minimum?: unknown; maximum?: unknown; format?: unknown; params?: unknown };
    if (typeof i.path !== 'string' || typeof i.message !== 'string') return [];
    return [
      {
        path: i.path,
        message: i.message,
        ...(typeof i.code === 'string' ? { code: i.code } : {}),
        ...(typeof i.minimum === 'number' ? { minimum: i.minimum } : {}),
        ...(typeof i.maximum === 'number' ? { maximum: i.maximum } : {}),
        ...(typeof i.format === 'string' ? { format: i.format } : {}),
        ...(i.params && typeof i.params === 'object' ? { params: i.params as Record<string, unknown> } : {}),
      },
    ];
  });
}

/**
 * The issue in the user's language, from its machine code and limits (the number pattern
 * issue carries its own params). Anything not recognised is shown as the core wrote it.
 */
export function describeIssue(issue: InputIssue, t: Translate): string {
  const placeholder = issue.params?.placeholder;
  if (typeof placeholder === 'string') return t('pattern.unknown', { placeholder: `{${placeholder}}` });
  const reason = issue.params?.reason;
  if (reason === 'unbalanced_brace') return t('pattern.unbalanced');
  if (reason === 'missing_seq') return t('pattern.missingSeq');
  const field = issue.path.split('.').at(-1);
  if (issue.code === 'too_small' && issue.minimum === 1) return t('field.required');
  if (issue.code === 'too_big' && issue.maximum !== undefined) return t('field.tooLong', { max: String(issue.maximum) });
  if (issue.code === 'invalid_format' && issue.format === 'email') return t('field.email');
  if (issue.code === 'invalid_format' && field === 'phone') return t('field.phone');
  if (issue.code === 'invalid_format' && field === 'website') return t('field.website');
  // Older cores sent only the Indonesian wording.
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
