import { useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { CampaignSummary } from '../../../shared/campaigns/model';
import { describeRecurrence } from '../../../shared/campaigns/recurrence';
import { call } from '../../api/client';
import { CampaignForm } from './CampaignForm';
import { useCampaignsT } from './messages';

/** The themed campaigns: when each runs, its hashtags, its next day; new, edit, delete. */
export function CampaignList({ campaigns, canWrite, onError }: { campaigns: CampaignSummary[]; canWrite: boolean; onError(e: ErrorPayload | null): void }) {
  const { t, language } = useCampaignsT();
  const [editing, setEditing] = useState<CampaignSummary | 'new' | null>(null);

  if (editing) return <CampaignForm campaign={editing === 'new' ? null : editing} onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />;

  const remove = async (c: CampaignSummary) => {
    if (!window.confirm(t('campaigns.confirmRemove', { name: c.name }))) return;
    const r = await call('campaigns.remove', { id: c.id });
    onError(r.ok ? null : r.error);
  };

  return (
    <div className="campaigns-list">
      {canWrite ? (
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          {t('campaigns.new')}
        </button>
      ) : null}
      {campaigns.length === 0 ? (
        <p>{t('campaigns.empty')}</p>
      ) : (
        <table className="campaigns-table">
          <thead>
            <tr>
              <th scope="col">{t('campaigns.col.name')}</th>
              <th scope="col">{t('campaigns.col.recurrence')}</th>
              <th scope="col">{t('campaigns.col.hashtags')}</th>
              <th scope="col">{t('campaigns.col.next')}</th>
              <th scope="col">{t('campaigns.col.owner')}</th>
              {canWrite ? <th scope="col" aria-label={t('campaigns.edit')} /> : null}
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  {c.name}
                  {c.theme ? <div className="campaigns-theme-text">{c.theme}</div> : null}
                </th>
                <td>{describeRecurrence(c.recurrence, language)}</td>
                <td className="campaigns-tags">{c.hashtags.join(' ')}</td>
                <td>{c.nextDate ?? t('campaigns.ended')}</td>
                <td>{c.owner}</td>
                {canWrite ? (
                  <td className="campaigns-actions">
                    <button type="button" className="button button--secondary button--small" onClick={() => setEditing(c)}>
                      {t('campaigns.edit')}
                    </button>
                    <button type="button" className="button button--quiet button--small" onClick={() => void remove(c)}>
                      {t('campaigns.remove')}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
