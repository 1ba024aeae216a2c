import { splitBilingual, type ErrorPayload } from '../../../shared/contract/errors';
import { issuesOf } from '../../i18n/issue-messages';

/**
 * An error from the core by the field it is about, so a form shows it next to its cause: the
 * input check's issues by path ("recurrence.weekdays"), or a handler's or rule's one field
 * (`details.field`, its English half in `details.en`). Whatever names no field goes under ''.
 */
export function fieldErrors(error: ErrorPayload | null, language: 'id' | 'en'): Record<string, string> {
  if (!error) return {};
  const issues = error.code === 'invalid_input' ? issuesOf(error.details) : [];
  if (issues.length > 0) return Object.fromEntries(issues.map((i) => [i.path, i.message]));
  const field = typeof error.details?.field === 'string' ? error.details.field : '';
  const parts = splitBilingual(error.message);
  const en = typeof error.details?.en === 'string' ? error.details.en : parts.en;
  return { [field]: language === 'en' && en ? en : parts.id };
}
