import { useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { PLATFORM_LABELS, PLATFORMS, type CampaignSummary, type Platform, type PlannedPost, type PostStatus } from '../../../shared/campaigns/model';
import { canStep, isPostEditable, stepPermission } from '../../../shared/campaigns/post-workflow';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useSession } from '../people/session-store';
import { fieldErrors } from './field-errors';
import { useCampaignsT, type CampaignsKey } from './messages';
import { CardEditor } from './CardEditor';
import { CopyCaption, PackageActions } from './PackageActions';

const STEP_WORD: Partial<Record<`${PostStatus}>${PostStatus}`, CampaignsKey>> = {
  'idea>draft': 'campaigns.step.draft',
  'draft>idea': 'campaigns.step.idea',
  'draft>review': 'campaigns.step.review',
  'review>draft': 'campaigns.step.backToDraft',
  'review>approved': 'campaigns.step.approved',
  'approved>review': 'campaigns.step.backToReview',
};

function shiftDay(key: string, n: number): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The local time now as a datetime-local value. */
function localNow(): string {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

interface Props {
  post: PlannedPost | null;
  /** The day a new post is planned for (a clicked day). */
  date: string;
  campaigns: CampaignSummary[];
  onChanged(post: PlannedPost | null): void;
  /** Moves the post to another day (with undo), as a drag in the calendar does. */
  onMove(post: PlannedPost, date: string): void;
  onClose(): void;
}

/** One planned post: its plan while it is editable, its review steps (with the release's rights), and marking as posted. */
export function PostPanel({ post, date, campaigns, onChanged, onMove, onClose }: Props) {
  const { t, language } = useCampaignsT();
  const permissions = useSession((s) => s.info?.permissions ?? []);
  const [title, setTitle] = useState(post?.title ?? '');
  const [platform, setPlatform] = useState<Platform>(post?.platform ?? 'instagram');
  const [account, setAccount] = useState(post?.account ?? '');
  const [day, setDay] = useState(post?.date ?? date);
  const [time, setTime] = useState(post?.time ?? '');
  const [status, setStatus] = useState<'idea' | 'draft'>('idea');
  const [campaignId, setCampaignId] = useState(post?.campaignId ?? '');
  const [caption, setCaption] = useState(post?.caption ?? '');
  const [url, setUrl] = useState('');
  const [postedAt, setPostedAt] = useState(localNow());
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error, language);
  const editable = !post || isPostEditable(post.status);

  const run = async (work: () => ReturnType<typeof call<'campaigns.posts.save'>>) => {
    setBusy(true);
    const result = await work();
    setBusy(false);
    if (result.ok) {
      setError(null);
      onChanged(result.value);
    } else setError(result.error);
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(() =>
      call('campaigns.posts.save', {
        ...(post ? { id: post.id } : { status }),
        title,
        platform,
        account,
        date: day,
        time: time || null,
        campaignId: campaignId || null,
        releaseId: post?.releaseId ?? null,
        agendaEventId: post?.agendaEventId ?? null,
        caption,
      }),
    );
  };

  const steps = post ? (['idea', 'draft', 'review', 'approved'] as const).filter((to) => canStep(post.status, to) && STEP_WORD[`${post.status}>${to}`]) : [];
  const mayPost = post?.status === 'approved' && permissions.includes('releases.publish');

  return (
    <aside className="campaigns-panel" aria-label={post ? post.title : t('campaigns.newPost')}>
      <div className="campaigns-panel__head">
        <h2>{post ? post.title : t('campaigns.newPost')}</h2>
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          {t('campaigns.close')}
        </button>
      </div>
      {post ? (
        <p className={`campaigns-status campaigns-status--${post.status}`} data-testid="post-status">
          {t('campaigns.post.status')}: {t(`campaigns.status.${post.status}` as CampaignsKey)}
        </p>
      ) : null}
      <form onSubmit={save}>
        <fieldset disabled={!editable || busy} className="campaigns-plain">
          <TextField label={t('campaigns.post.title')} value={title} onChange={setTitle} required error={errors.title} maxLength={200} />
          <div className="campaigns-row">
            <SelectField<Platform> label={t('campaigns.post.platform')} value={platform} onChange={setPlatform} options={PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABELS[p] }))} />
            <TextField label={t('campaigns.post.account')} value={account} onChange={setAccount} error={errors.account} placeholder="@humaskota" />
          </div>
          <div className="campaigns-row">
            <TextField type="date" label={t('campaigns.post.date')} value={day} onChange={setDay} required error={errors.date} />
            <TextField type="time" label={t('campaigns.post.time')} value={time} onChange={setTime} error={errors.time} />
          </div>
          {!post ? (
            <SelectField<'idea' | 'draft'> label={t('campaigns.post.status')} value={status} onChange={setStatus} options={(['idea', 'draft'] as const).map((s) => ({ value: s, label: t(`campaigns.status.${s}`) }))} />
          ) : null}
          <SelectField
            label={t('campaigns.post.campaign')}
            value={campaignId}
            onChange={setCampaignId}
            options={[{ value: '', label: t('campaigns.post.noCampaign') }, ...campaigns.map((c) => ({ value: c.id, label: c.name }))]}
          />
          <TextField label={t('campaigns.post.caption')} value={caption} onChange={setCaption} multiline error={errors.caption} />
          {editable ? (
            <button type="submit" className="button button--primary">
              {t('campaigns.save')}
            </button>
          ) : null}
        </fieldset>
      </form>
      {post && post.status !== 'posted' && permissions.includes('releases.write') ? (
        <div className="campaigns-actions" role="group" aria-label={t('campaigns.post.date')}>
          <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => onMove(post, shiftDay(post.date, -1))}>
            {t('campaigns.move.earlier')}
          </button>
          <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => onMove(post, shiftDay(post.date, 1))}>
            {t('campaigns.move.later')}
          </button>
        </div>
      ) : null}
      {steps.length > 0 ? (
        <div className="campaigns-actions" role="group" aria-label={t('campaigns.post.status')}>
          {steps.map((to) => (
            <button
              key={to}
              type="button"
              className={`button ${to === 'approved' || to === 'review' ? 'button--primary' : 'button--secondary'}`}
              disabled={busy || !permissions.includes(stepPermission(post!.status, to))}
              onClick={() => void run(() => call('campaigns.posts.step', { id: post!.id, to }))}
            >
              {t(STEP_WORD[`${post!.status}>${to}`]!)}
            </button>
          ))}
        </div>
      ) : null}
      {mayPost ? (
        <form
          className="campaigns-posted"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => call('campaigns.posts.markPosted', { id: post.id, url, postedAt: new Date(postedAt).getTime() }));
          }}
        >
          <h3>{t('campaigns.posted.heading')}</h3>
          <TextField label={t('campaigns.posted.url')} value={url} onChange={setUrl} error={errors.url} placeholder="https://" required />
          <TextField type="datetime-local" label={t('campaigns.posted.at')} value={postedAt} onChange={setPostedAt} error={errors.postedAt ?? errors.posted_at} />
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('campaigns.posted.submit')}
          </button>
        </form>
      ) : null}
      {post ? <CardEditor key={post.id} post={post} editable={editable && permissions.includes('releases.write')} onChanged={onChanged} /> : null}
      {post && post.caption ? <CopyCaption text={post.caption} /> : null}
      {post?.releaseId && post.status !== 'idea' ? <PackageActions ids={[post.id]} /> : null}
      {post?.status === 'posted' && post.postedUrl ? (
        <p className="campaigns-done">{t('campaigns.posted.done', { at: new Date(post.postedAt ?? '').toLocaleString(language === 'id' ? 'id-ID' : 'en-GB'), url: post.postedUrl })}</p>
      ) : null}
      {error && !Object.keys(errors).some((f) => f !== '' && f in errors && ['title', 'account', 'date', 'time', 'caption', 'url', 'postedAt', 'posted_at'].includes(f)) ? <ErrorMessage error={error} /> : null}
    </aside>
  );
}
