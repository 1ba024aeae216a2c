import { useEffect, useRef, useState } from 'react';
import { CONTACTS_MAX, contactSchema, type Contact } from '../../../shared/releases/model';
import { TextField } from '../../components/TextField';
import { describeIssue } from '../../i18n/issue-messages';
import type { Translate } from '../../i18n/use-t';
import { useT } from '../../i18n/use-t';

/**
 * Narahubung (contact persons) of a release: add, edit, reorder and remove. Rows are kept
 * locally with a stable key, so an invalid entry stays on screen with its message while the
 * stored contacts keep their last valid value (nothing is sent until every row is valid).
 */
interface Row {
  key: number;
  contact: Contact;
}
type Errors = Partial<Record<keyof Contact, string>>;

const EMPTY: Contact = { name: '', position: '', phone: '', email: '' };
let nextKey = 1;
const rowsOf = (contacts: Contact[]): Row[] => contacts.map((contact) => ({ key: nextKey++, contact: { ...EMPTY, ...contact } }));

/** What the core will store (trimmed), to tell our own saved value from a change made elsewhere. */
const normalised = (contacts: Contact[]) => JSON.stringify(contacts.map((c) => contactSchema.safeParse(c).data ?? c));

function errorsOf(c: Contact, t: Translate): Errors {
  const r = contactSchema.safeParse(c);
  if (r.success) return {};
  const out: Errors = {};
  for (const issue of r.error.issues) {
    const field = issue.path[0] as keyof Contact;
    if (out[field]) continue;
    // The email union reports only "no branch matched": say what is wrong in words.
    if (field === 'email') out.email = t('field.email');
    else {
      const maximum = 'maximum' in issue ? Number(issue.maximum) : undefined;
      const format = 'format' in issue ? String(issue.format) : undefined;
      out[field] = describeIssue({ path: field, message: issue.message, code: issue.code, ...(maximum !== undefined ? { maximum } : {}), ...(format ? { format } : {}) }, t);
    }
  }
  return out;
}

interface Props {
  contacts: Contact[];
  editable: boolean;
  onChange: (contacts: Contact[]) => void;
}

export function ContactsEditor({ contacts, editable, onChange }: Props) {
  const { t } = useT();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(contacts));
  /** Values we sent (normalised): their echo from the core must not reset what is being typed. */
  const sent = useRef(new Set<string>([normalised(contacts)]));
  const focusNext = useRef<{ key: number; action: 'up' | 'down' | 'name' } | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  // A change from elsewhere (another device, a restored version, another release): take it.
  useEffect(() => {
    const incoming = normalised(contacts);
    if (sent.current.has(incoming)) return;
    sent.current = new Set([incoming]);
    setRows(rowsOf(contacts));
  }, [contacts]);

  // Keyboard users keep their place after moving, adding or removing a row.
  useEffect(() => {
    const f = focusNext.current;
    if (!f) return;
    focusNext.current = null;
    const row = list.current?.querySelector(`[data-contact-key="${f.key}"]`);
    if (!row) return addButton.current?.focus();
    const wanted = row.querySelector<HTMLElement>(f.action === 'name' ? 'input' : `[data-action="${f.action}"]:not(:disabled)`);
    (wanted ?? row.querySelector<HTMLElement>('[data-action]:not(:disabled)'))?.focus();
  }, [rows]);

  const errors = rows.map((r) => errorsOf(r.contact, t));
  const commit = (next: Row[]) => {
    setRows(next);
    const values = next.map((r) => r.contact);
    // Invalid input stays on screen only; the stored contacts keep their last valid value.
    if (next.some((r) => !contactSchema.safeParse(r.contact).success)) return;
    sent.current.add(normalised(values));
    onChange(values);
  };
  const edit = (key: number, patch: Partial<Contact>) => commit(rows.map((r) => (r.key === key ? { ...r, contact: { ...r.contact, ...patch } } : r)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(i, 1);
    if (!row) return;
    next.splice(i + by, 0, row);
    focusNext.current = { key: row.key, action: by < 0 ? 'up' : 'down' };
    commit(next);
  };
  const remove = (i: number) => {
    const following = rows[i + 1] ?? rows[i - 1];
    focusNext.current = following ? { key: following.key, action: 'name' } : { key: -1, action: 'name' };
    commit(rows.filter((_, j) => j !== i));
  };
  const add = () => {
    const row: Row = { key: nextKey++, contact: { ...EMPTY } };
    focusNext.current = { key: row.key, action: 'name' };
    commit([...rows, row]);
  };

  return (
    <div className="rel-contacts" ref={list}>
      {rows.length === 0 ? <p className="rel-note">{t('releases.contact.none')}</p> : null}
      {rows.map((r, i) => {
        const n = i + 1;
        const e = errors[i] ?? {};
        return (
          <fieldset key={r.key} className="rel-contact" data-contact-key={r.key} disabled={!editable}>
            <legend className="field__label">{t('releases.contact.legend', { n })}</legend>
            <TextField className="rel-field" label={t('releases.contact.name')} value={r.contact.name} error={e.name} onChange={(v) => edit(r.key, { name: v })} />
            <TextField className="rel-field" label={t('releases.contact.position')} value={r.contact.position} error={e.position} onChange={(v) => edit(r.key, { position: v })} />
            <TextField className="rel-field" label={t('releases.contact.phone')} type="tel" inputMode="tel" value={r.contact.phone} error={e.phone} onChange={(v) => edit(r.key, { phone: v })} />
            <TextField className="rel-field" label={t('releases.contact.email')} type="email" value={r.contact.email} error={e.email} onChange={(v) => edit(r.key, { email: v })} />
            <div className="rel-contact__actions">
              <button type="button" data-action="up" className="button button--quiet button--small" disabled={i === 0} aria-label={t('releases.contact.upLabel', { n })} onClick={() => move(i, -1)}>
                <span aria-hidden="true">↑ </span>
                {t('releases.contact.up')}
              </button>
              <button type="button" data-action="down" className="button button--quiet button--small" disabled={i === rows.length - 1} aria-label={t('releases.contact.downLabel', { n })} onClick={() => move(i, 1)}>
                <span aria-hidden="true">↓ </span>
                {t('releases.contact.down')}
              </button>
              <button type="button" data-action="remove" className="button button--quiet button--small" aria-label={t('releases.contact.removeLabel', { n })} onClick={() => remove(i)}>
                {t('releases.contact.remove')}
              </button>
            </div>
          </fieldset>
        );
      })}
      {errors.some((e) => Object.keys(e).length) ? (
        <p className="rel-note rel-contacts__unsaved" role="status">
          {t('releases.contact.unsaved')}
        </p>
      ) : null}
      <button ref={addButton} type="button" className="button button--secondary button--small" disabled={!editable || rows.length >= CONTACTS_MAX} onClick={add}>
        {t('releases.contact.add')}
      </button>
      {rows.length >= CONTACTS_MAX ? <p className="rel-note">{t('releases.contact.max', { max: CONTACTS_MAX })}</p> : null}
    </div>
  );
}
