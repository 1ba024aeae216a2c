import { useEffect, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { captionLength, CAPTION_LIMITS } from '../../../shared/campaigns/caption';
import { PLATFORM_LABELS, PLATFORMS, type CampaignSummary, type Platform, type PlannedPost } from '../../../shared/campaigns/model';
import type { ReleaseSummary } from '../../../shared/releases/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { fieldErrors } from './field-errors';
import { useCampaignsT } from './messages';
import { CopyCaption, PackageActions } from './PackageActions';

/**
 * Posts from a release: choose an approved or published release and the official accounts; one
 * draft per account is made with its caption fitted to the platform. Then the posting package
 * and each caption to copy.
 */
export function FromReleaseForm({ date, campaigns, onClose }: { date: string; campaigns: CampaignSummary[]; onClose(): void }) {
  const { t, language } = useCampaignsT();
  const [releases, setReleases] = useState<ReleaseSummary[]>([]);
  const [releaseId, setReleaseId] = useState('');
  const [accounts, setAccounts] = useState<Partial<Record<Platform, string>>>({});
  const [campaignId, setCampaignId] = useState('');
  const [mentions, setMentions] = useState('');
  const [link, setLink] = useState('');
  const [day, setDay] = useState(date);
  const [time, setTime] = useState('');
  const [made, setMade] = useState<PlannedPost[] | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const errors = fieldErrors(error, language);

  useEffect(() => {
    void call('releases.list', { statuses: ['approved', 'published'], limit: 100 }).then((r) => {
      if (r.ok) {
        setReleases(r.value.items);
        setReleaseId((id) => id || r.value.items[0]?.id || '');
      }
    });
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const chosen = PLATFORMS.filter((p) => accounts[p] !== undefined).map((p) => ({ platform: p, account: accounts[p] ?? '' }));
    const r = await call('campaigns.posts.fromRelease', {
      releaseId,
      accounts: chosen,
      campaignId: campaignId || null,
      mentions: mentions.split(/[\s,]+/).filter(Boolean),
      link: link.trim() || null,
      date: day,
      time: time || null,
    });
    if (r.ok) {
      setError(null);
      setMade(r.value);
    } else setError(r.error);
  };

  return (
    <aside className="campaigns-panel" aria-label={t('campaigns.fromRelease')}>
      <div className="campaigns-panel__head">
        <h2>{t('campaigns.fromRelease')}</h2>
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          {t('campaigns.close')}
        </button>
      </div>
      {made ? (
        <div data-testid="from-release-result">
          <p>{t('campaigns.fromRelease.made', { n: made.length })}</p>
          <ul className="campaigns-made">
            {made.map((p) => (
              <li key={p.id}>
                <strong>
                  {PLATFORM_LABELS[p.platform]} {p.account}
                </strong>{' '}
                ({captionLength(p.caption, p.platform)}/{CAPTION_LIMITS[p.platform]}) <CopyCaption text={p.caption} />
                <pre className="campaigns-caption">{p.caption}</pre>
              </li>
            ))}
          </ul>
          <PackageActions ids={made.map((p) => p.id)} />
        </div>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <SelectField label={t('campaigns.release')} value={releaseId} onChange={setReleaseId} error={errors.releaseId} options={releases.map((r) => ({ value: r.id, label: `${r.number ?? ''} ${r.title}`.trim() }))} />
          {releases.length === 0 ? <p>{t('campaigns.release.none')}</p> : null}
          <fieldset className={`field${errors.accounts ? ' field--error' : ''}`}>
            <legend className="field__label">{t('campaigns.accounts')}</legend>
            {PLATFORMS.map((p) => (
              <div key={p} className="campaigns-account">
                <label>
                  <input
                    type="checkbox"
                    checked={accounts[p] !== undefined}
                    onChange={(e) => setAccounts((a) => {
                      const next = { ...a };
                      if (e.target.checked) next[p] = a[p] ?? '';
                      else delete next[p];
                      return next;
                    })}
                  />{' '}
                  {PLATFORM_LABELS[p]}
                </label>
                {accounts[p] !== undefined ? (
                  <input aria-label={`${t('campaigns.post.account')} ${PLATFORM_LABELS[p]}`} value={accounts[p]} placeholder="@humaskota" onChange={(e) => setAccounts((a) => ({ ...a, [p]: e.target.value }))} />
                ) : null}
              </div>
            ))}
            {errors.accounts ? (
              <p className="field__error" role="alert">
                {errors.accounts}
              </p>
            ) : null}
          </fieldset>
          <SelectField label={t('campaigns.post.campaign')} value={campaignId} onChange={setCampaignId} options={[{ value: '', label: t('campaigns.post.noCampaign') }, ...campaigns.map((c) => ({ value: c.id, label: c.name }))]} />
          <TextField label={t('campaigns.mentions')} value={mentions} onChange={setMentions} placeholder="@pemkot" error={Object.entries(errors).find(([k]) => k.startsWith('mentions'))?.[1]} />
          <TextField label={t('campaigns.link')} value={link} onChange={setLink} error={errors.link} hint={t('campaigns.link.hint')} />
          <div className="campaigns-row">
            <TextField type="date" label={t('campaigns.post.date')} value={day} onChange={setDay} required error={errors.date} />
            <TextField type="time" label={t('campaigns.post.time')} value={time} onChange={setTime} error={errors.time} />
          </div>
          {error && !['releaseId', 'accounts', 'link', 'date', 'time'].some((f) => f in errors) ? <ErrorMessage error={error} /> : null}
          <button type="submit" className="button button--primary" disabled={!releaseId}>
            {t('campaigns.fromRelease.submit')}
          </button>
        </form>
      )}
    </aside>
  );
}
