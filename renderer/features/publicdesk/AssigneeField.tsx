import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { DeskStaff } from '../../../shared/contract/methods/publicdesk-replies';
import type { DeskItem } from '../../../shared/publicdesk/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { useRepliesT } from './replies-messages';

/** Who works the item: its deadline reminders go to them. */
export function AssigneeField({ item, onChanged }: { item: DeskItem; onChanged: (item: DeskItem) => void }) {
  const { t } = useRepliesT();
  const [staff, setStaff] = useState<DeskStaff | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  useEffect(() => {
    void call('publicdesk.staff', {}).then((r) => r.ok && setStaff(r.value));
  }, []);
  if (!staff) return null;

  async function assign(assigneeId: string) {
    setError(null);
    const r = await call('publicdesk.assign', { id: item.id, assigneeId: assigneeId || null });
    if (r.ok) onChanged(r.value);
    else setError(r.error);
  }
  return (
    <>
      <SelectField
        label={t('assign.label')}
        value={item.assigneeId ?? ''}
        options={[{ value: '', label: t('assign.nobody') }, ...staff.staff.map((s) => ({ value: s.id, label: s.name }))]}
        onChange={(v) => void assign(v)}
      />
      {error ? <ErrorMessage error={error} /> : null}
    </>
  );
}
