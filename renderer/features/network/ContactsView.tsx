import { useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { CONSENT_STATES, type ConsentState } from '../../../shared/media/vocabulary';
import type { ContactSummary } from '../../../shared/network/model';
import { call } from '../../api/client';
import { useLoaded } from '../../api/use-loaded';
import { ErrorMessage } from '../../components/ErrorMessage';
import { saveFile } from '../media/download';
import { useCan } from '../people/session-store';
import { OpdSelect } from '../settings/OpdSelect';
import { useOpdStore } from '../settings/opd-store';
import { useNetworkT } from './messages';

interface Draft {
  id?: string;
  opdId: string;
  name: string;
  position: string;
  infoTeam: boolean;
  decreeNo: string;
  decreeDate: string;
  consent: ConsentState;
  notes: string;
  phone: string;
  whatsapp: string;
  email: string;
}

const EMPTY: Draft = { opdId: '', name: '', position: '', infoTeam: false, decreeNo: '', decreeDate: '', consent: 'unknown', notes: '', phone: '', whatsapp: '', email: '' };

/** The OPDs' PR contacts: a list by OPD, the form, and a person's rights (export, erasure). */
export function ContactsView({ version, canManage }: { version: number; canManage: boolean }) {
  const { t } = useNetworkT();
  const personal = useCan('media.personal');
  const [filter, setFilter] = useState({ opdId: null as string | null, query: '', infoTeamOnly: false });
  const [error, setError] = useState<ErrorPayload | null>(null);
  const items = useLoaded('network.contacts.list', filter, [version], setError, { clearsError: true });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState('');


  async function edit(c: ContactSummary) {
    setNotice('');
    const base: Draft = { ...EMPTY, id: c.id, opdId: c.opdId, name: c.name, position: c.position, infoTeam: c.infoTeam, decreeNo: c.decreeNo, decreeDate: c.decreeDate, consent: c.consent, notes: c.notes };
    if (!personal) return setDraft(base);
    // Opening the form reads the person's contact data: a logged viewing (UU 27/2022).
    const r = await call('network.contacts.personal', { id: c.id });
    if (r.ok) setDraft({ ...base, ...r.value });
    else setError(r.error);
  }

  async function exportPerson(c: ContactSummary) {
    const r = await call('network.contacts.exportPerson', { id: c.id });
    if (r.ok) saveFile({ ...r.value, rows: 1 });
    else setError(r.error);
  }

  async function erase(c: ContactSummary) {
    const reason = window.prompt(t('network.contact.eraseReason'));
    if (reason === null) return;
    if (!window.confirm(t('network.contact.eraseConfirm', { name: c.name }))) return;
    const r = await call('network.contacts.erase', { id: c.id, reason });
    if (r.ok) setNotice(t('network.contact.erased'));
    else setError(r.error);
  }

  if (draft) return <ContactForm draft={draft} personal={personal} onDone={() => (setDraft(null), setNotice(t('network.contact.saved')))} onCancel={() => setDraft(null)} />;

  return (
    <>
      {error ? <ErrorMessage error={error} /> : null}
      {notice ? (
        <p className="network-notice" role="status">
          {notice}
        </p>
      ) : null}
      <div className="network-toolbar" role="search">
        <OpdSelect label={t('network.filter.opd')} emptyLabel={t('network.filter.all')} value={filter.opdId ?? ''} onChange={(opdId) => setFilter({ ...filter, opdId: opdId || null })} />
        <input type="search" aria-label={t('network.filter.query')} placeholder={t('network.filter.query')} maxLength={200} value={filter.query} onChange={(e) => setFilter({ ...filter, query: e.target.value })} />
        <label>
          <input type="checkbox" checked={filter.infoTeamOnly} onChange={(e) => setFilter({ ...filter, infoTeamOnly: e.target.checked })} /> {t('network.filter.infoTeam')}
        </label>
        {canManage ? (
          <button type="button" className="button button--primary" onClick={() => (setNotice(''), setDraft({ ...EMPTY, opdId: filter.opdId ?? '' }))}>
            {t('network.contact.new')}
          </button>
        ) : null}
      </div>
      {items && items.length === 0 ? <p className="empty">{t('network.contacts.empty')}</p> : null}
      {items && items.length > 0 ? (
        <table className="table" data-testid="network-contacts">
          <thead>
            <tr>
              <th scope="col">{t('network.col.name')}</th>
              <th scope="col">{t('network.col.position')}</th>
              <th scope="col">{t('network.col.opd')}</th>
              <th scope="col">{t('network.col.team')}</th>
              {canManage ? <th scope="col">{t('network.col.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{c.position}</td>
                <td>{c.opdName}</td>
                <td>{c.infoTeam ? `SK ${c.decreeNo} (${c.decreeDate})` : ''}</td>
                {canManage ? (
                  <td className="network-row-actions">
                    <button type="button" className="link-button" onClick={() => void edit(c)} aria-label={`${t('network.edit')} ${c.name}`}>
                      {t('network.edit')}
                    </button>
                    {personal ? (
                      <>
                        <button type="button" className="link-button" onClick={() => void exportPerson(c)}>
                          {t('network.contact.export')}
                        </button>
                        <button type="button" className="link-button" onClick={() => void erase(c)}>
                          {t('network.contact.erase')}
                        </button>
                      </>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

function ContactForm({ draft, personal, onDone, onCancel }: { draft: Draft; personal: boolean; onDone: () => void; onCancel: () => void }) {
  const { t } = useNetworkT();
  const opds = useOpdStore((s) => s.items);
  const [d, setD] = useState(draft);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await call('network.contacts.save', {
      id: d.id,
      opdId: d.opdId,
      name: d.name,
      position: d.position,
      infoTeam: d.infoTeam,
      decreeNo: d.decreeNo,
      decreeDate: d.decreeDate,
      consent: d.consent,
      notes: d.notes,
      personal: personal ? { phone: d.phone, whatsapp: d.whatsapp, email: d.email } : undefined,
    });
    setBusy(false);
    if (r.ok) onDone();
    else setError(r.error);
  }

  return (
    <form className="network-form" onSubmit={(e) => void submit(e)} aria-labelledby="network-contact-form">
      <h2 id="network-contact-form">{d.id ? t('network.contact.edit') : t('network.contact.new')}</h2>
      {error ? <ErrorMessage error={error} /> : null}
      <label>
        {t('network.contact.opd')}
        <select required value={d.opdId} onChange={(e) => set('opdId', e.target.value)}>
          <option value="">{t('network.contact.choose')}</option>
          {opds.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('network.contact.name')}
        <input required maxLength={200} value={d.name} onChange={(e) => set('name', e.target.value)} />
      </label>
      <label>
        {t('network.contact.position')}
        <input maxLength={200} value={d.position} onChange={(e) => set('position', e.target.value)} />
      </label>
      {personal ? (
        <>
          <label>
            {t('network.contact.phone')}
            <input type="tel" maxLength={40} value={d.phone} onChange={(e) => set('phone', e.target.value)} />
          </label>
          <label>
            {t('network.contact.whatsapp')}
            <input type="tel" maxLength={40} value={d.whatsapp} onChange={(e) => set('whatsapp', e.target.value)} />
          </label>
          <label>
            {t('network.contact.email')}
            <input type="email" maxLength={160} value={d.email} onChange={(e) => set('email', e.target.value)} />
          </label>
        </>
      ) : (
        <p className="muted">{t('network.contact.personalHidden')}</p>
      )}
      <label className="network-check">
        <input type="checkbox" checked={d.infoTeam} onChange={(e) => set('infoTeam', e.target.checked)} /> {t('network.contact.infoTeam')}
      </label>
      {d.infoTeam ? (
        <div className="network-row">
          <label>
            {t('network.contact.decreeNo')}
            <input maxLength={100} value={d.decreeNo} onChange={(e) => set('decreeNo', e.target.value)} />
          </label>
          <label>
            {t('network.contact.decreeDate')}
            <input type="date" value={d.decreeDate} onChange={(e) => set('decreeDate', e.target.value)} />
          </label>
        </div>
      ) : null}
      <label>
        {t('network.contact.consent')}
        <select value={d.consent} onChange={(e) => set('consent', e.target.value as ConsentState)}>
          {CONSENT_STATES.map((c) => (
            <option key={c} value={c}>
              {t(`network.consent.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('network.contact.notes')}
        <textarea maxLength={2000} rows={2} value={d.notes} onChange={(e) => set('notes', e.target.value)} />
      </label>
      <div className="network-buttons">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('network.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('network.cancel')}
        </button>
      </div>
    </form>
  );
}
