import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { DeskStaff } from '../../../shared/contract/methods/publicdesk-replies';
import { TEMPLATE_LIMITS, type DeskTemplate } from '../../../shared/publicdesk/templates';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useRepliesT } from './replies-messages';

const NOBODY = '';

/**
 * The office's reply templates (add, edit, delete with undo) and the head of the desk, who is
 * reminded of every late item.
 */
export function ReplyTemplates({ onClose }: { onClose: () => void }) {
  const { t } = useRepliesT();
  const [templates, setTemplates] = useState<DeskTemplate[]>([]);
  const [draft, setDraft] = useState<{ id: string | null; name: string; body: string }>({ id: null, name: '', body: '' });
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [status, setStatus] = useState('');
  const [removed, setRemoved] = useState<DeskTemplate | null>(null);
  const [staff, setStaff] = useState<DeskStaff | null>(null);

  const load = () => void call('publicdesk.templates.list', {}).then((r) => (r.ok ? setTemplates(r.value) : setError(r.error)));
  useEffect(() => {
    load();
    void call('publicdesk.staff', {}).then((r) => r.ok && setStaff(r.value));
  }, []);

  async function save(input: { id: string | null; name: string; body: string }) {
    setError(null);
    const r = await call('publicdesk.templates.save', input);
    if (!r.ok) return setError(r.error);
    setStatus(t('replies.saved', { name: r.value.name }));
    setDraft({ id: null, name: '', body: '' });
    setRemoved(null);
    load();
  }

  async function remove(tpl: DeskTemplate) {
    setError(null);
    const r = await call('publicdesk.templates.delete', { id: tpl.id });
    if (!r.ok) return setError(r.error);
    setRemoved(tpl);
    setStatus(t('replies.deleted', { name: tpl.name }));
    load();
  }

  async function saveHead(headId: string) {
    const r = await call('publicdesk.head.save', { headId: headId || null });
    if (!r.ok) return setError(r.error);
    setStaff(r.value);
    setStatus(t('head.saved'));
  }

  return (
    <section className="desk-form" aria-labelledby="desk-replies-title" data-testid="desk-templates">
      <h2 id="desk-replies-title">{t('replies.title')}</h2>
      <p className="settings-section__intro">{t('replies.intro')}</p>
      {staff ? (
        <SelectField
          label={t('head.label')}
          value={staff.headId ?? NOBODY}
          options={[{ value: NOBODY, label: t('head.nobody') }, ...staff.staff.map((s) => ({ value: s.id, label: s.name }))]}
          onChange={(v) => void saveHead(v)}
        />
      ) : null}
      {templates.length === 0 ? <p className="empty">{t('replies.empty')}</p> : null}
      <ul className="desk-templates">
        {templates.map((tpl) => (
          <li key={tpl.id}>
            <strong>{tpl.name}</strong>
            <p className="desk-body">{tpl.body}</p>
            <div className="desk-actions">
              <button type="button" className="button button--small" onClick={() => setDraft({ id: tpl.id, name: tpl.name, body: tpl.body })}>
                {t('replies.edit')}
              </button>
              <button type="button" className="button button--small" onClick={() => void remove(tpl)}>
                {t('replies.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {status ? (
        <p role="status">
          {status}{' '}
          {removed ? (
            <button type="button" className="link-button" onClick={() => void save({ id: null, name: removed.name, body: removed.body })}>
              {t('replies.undo')}
            </button>
          ) : null}
        </p>
      ) : null}
      <h3>{draft.id ? t('replies.edit') : t('replies.new')}</h3>
      <TextField label={t('replies.name')} value={draft.name} maxLength={TEMPLATE_LIMITS.name} onChange={(name) => setDraft((d) => ({ ...d, name }))} />
      <TextField label={t('replies.body')} value={draft.body} multiline onChange={(body) => setDraft((d) => ({ ...d, body }))} hint={`${draft.body.length} / ${TEMPLATE_LIMITS.body}`} />
      {error ? <ErrorMessage error={error} /> : null}
      <div className="desk-actions">
        <button type="button" className="button button--primary" onClick={() => void save(draft)}>
          {t('replies.save')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('replies.close')}
        </button>
      </div>
    </section>
  );
}
