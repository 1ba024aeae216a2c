import { useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { formatDate, formatTime } from '../../../shared/format/dates';
import type { GuestbookEntry } from '../../../shared/people/guestbook';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/use-t';
import { asZone } from '../office/office-form-values';
import { useOfficeStore } from '../office/office-store';
import { useCan } from './session-store';
import './people.css';

/**
 * Settings › Buku tamu (people.manage). Visitors' personal data: the list loads only when asked
 * for, because every look is written to the audit log (UU 27/2022).
 */
export function GuestbookSection() {
  const { t, language } = useT();
  const allowed = useCan('people.manage');
  const canRecord = useCan('pressroom.guestbook');
  const zone = asZone(useOfficeStore((s) => s.profile?.timeZone) ?? 'WIB');
  const [entries, setEntries] = useState<GuestbookEntry[] | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [loading, setLoading] = useState(false);

  if (!allowed) return null;

  async function load() {
    setLoading(true);
    const result = await call('guestbook.list', { limit: 200 });
    setLoading(false);
    if (result.ok) {
      setEntries(result.value);
      setError(null);
    } else setError(result.error);
  }

  /** A visitor who left without using the kiosk's "Keluar" (or after its list was reset) is signed out here. */
  async function recordOut(entry: GuestbookEntry) {
    const result = await call('guestbook.signOut', { id: entry.id });
    if (!result.ok) return setError(result.error);
    setError(null);
    setEntries((list) => list?.map((e) => (e.id === entry.id ? result.value : e)) ?? null);
  }

  const when = (iso: string) => {
    const at = Date.parse(iso);
    return `${formatDate(at, zone, language)}, ${formatTime(at, zone, language)}`;
  };

  return (
    <section className="settings-section" aria-labelledby="guestbook-title" id="settings-guestbook">
      <div className="settings-section__head">
        <div>
          <h2 id="guestbook-title">{t('people.guestbook.title')}</h2>
          <p className="settings-section__intro">{t('people.guestbook.intro')}</p>
        </div>
        <button type="button" className="button button--secondary" onClick={() => void load()} disabled={loading}>
          {entries ? t('people.guestbook.refresh') : t('people.guestbook.show')}
        </button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {entries && entries.length === 0 ? <p className="empty">{t('people.guestbook.empty')}</p> : null}
      {entries && entries.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="guestbook-table">
            <thead>
              <tr>
                <th scope="col">{t('people.guestbook.name')}</th>
                <th scope="col">{t('people.guestbook.outlet')}</th>
                <th scope="col">{t('people.guestbook.purpose')}</th>
                <th scope="col">{t('people.guestbook.in')}</th>
                <th scope="col">{t('people.guestbook.out')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{e.name}</th>
                  <td>{e.outlet}</td>
                  <td>{e.purpose}</td>
                  <td className="nowrap">{e.timeIn ? when(e.timeIn) : ''}</td>
                  <td className="nowrap">
                    {e.timeOut ? (
                      when(e.timeOut)
                    ) : (
                      <>
                        <span className="field__hint">{t('people.guestbook.stillIn')}</span>{' '}
                        {canRecord ? (
                          <button type="button" className="button button--small button--secondary" aria-label={t('people.guestbook.recordOutLabel', { name: e.name })} onClick={() => void recordOut(e)}>
                            {t('people.guestbook.recordOut')}
                          </button>
                        ) : null}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
