import { useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { OfficeProfile } from '../../../shared/office/profile';
import { issuesOf, type InputIssue } from '../../i18n/issue-messages';
import { formValuesOf, toProfileInput, type OfficeFormValues } from './office-form-values';
import { useOfficeStore } from './office-store';

export interface OfficeForm {
  values: OfficeFormValues;
  set<K extends keyof OfficeFormValues>(key: K, value: OfficeFormValues[K]): void;
  /** Issues the core returned for the last save, minus the fields edited since. */
  issues: InputIssue[];
  /** A failure that is not about one field (connection lost, disk full…). */
  error: ErrorPayload | null;
  saving: boolean;
  savedAt: number | null;
  submit(): Promise<OfficeProfile | null>;
}

export function useOfficeForm(initial: OfficeProfile | null): OfficeForm {
  const save = useOfficeStore((s) => s.save);
  const [values, setValues] = useState(() => formValuesOf(initial));
  const [issues, setIssues] = useState<InputIssue[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<number | null>(null);

  return {
    values,
    set(key, value) {
      setValues((v) => ({ ...v, [key]: value }));
      setIssues((list) => list.filter((i) => i.path !== key));
      setSavedAt(null);
    },
    issues,
    error,
    saving,
    savedAt,
    async submit() {
      setSaving(true);
      setError(null);
      setSavedAt(null);
      const result = await save(toProfileInput(values));
      setSaving(false);
      if (result.ok) {
        setIssues([]);
        setValues(formValuesOf(result.value));
        setSavedAt(Date.now());
        return result.value;
      }
      const fieldIssues = result.error.code === 'invalid_input' ? issuesOf(result.error.details) : [];
      const emblemMissing = result.error.code === 'not_found' && result.error.details?.field === 'emblemHash';
      setIssues(emblemMissing ? [{ path: 'emblemHash', message: result.error.message }] : fieldIssues);
      setError(result.error);
      return null;
    },
  };
}
