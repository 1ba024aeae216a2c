import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { formatDateTime, formatTime, instantFromZoned, zonedParts, type ZonedParts } from '../../../shared/format/dates';
import { DateTimeInput } from '../../components/DateTimeInput';
import { ZONE_LABELS, type ZoneLabel } from '../../../shared/office/time-zones';
import { INFO_CATEGORIES, TITLE_MAX, readingMinutes, type Quote, type ReleaseDetail, type ReleaseStatus } from '../../../shared/releases/model';
import { canTransition, isEditable, transitionPermission } from '../../../shared/releases/workflow';
import { datelineOf } from '../../../shared/releases/compose';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeading } from '../../components/PageHeading';
import { useT } from '../../i18n/use-t';
import { useOfficeStore } from '../office/office-store';
import { useSession } from '../people/session-store';
import { useOpdStore } from '../settings/opd-store';
import { BodyEditor } from './BodyEditor';
import { ContactsEditor } from './ContactsEditor';
import { EventLink } from './EventLink';
import { StatusBadge } from './ReleaseList';
import { SidePanel } from './SidePanel';
import { SendToMediaButton } from '../distribution/SendToMediaButton';
import { useReleasesStore } from './releases-store';
import { useRelease, useSaveStatus } from './use-release';

type Step = { to: ReleaseStatus; key: 'releases.flow.in_review' | 'releases.flow.approved' | 'releases.flow.published' | 'releases.flow.draft' | 'releases.flow.reopen' | 'releases.flow.withdrawn'; primary?: boolean };

/**
 * The workflow steps offered on a release: the usual ones for its status, less any the core would
 * refuse this person (shared/releases/workflow.ts is the one table both read).
 */
function stepsFor(status: ReleaseStatus, permissions: readonly string[]): Step[] {
  return usualSteps(status).filter((s) => canTransition(status, s.to) && permissions.includes(transitionPermission(status, s.to)));
}

function usualSteps(status: ReleaseStatus): Step[] {
  switch (status) {
    case 'draft':
      return [{ to: 'in_review', key: 'releases.flow.in_review', primary: true }, { to: 'withdrawn', key: 'releases.flow.withdrawn' }];
    case 'in_review':
      return [{ to: 'approved', key: 'releases.flow.approved', primary: true }, { to: 'draft', key: 'releases.flow.draft' }, { to: 'withdrawn', key: 'releases.flow.withdrawn' }];
    case 'approved':
      return [{ to: 'published', key: 'releases.flow.published', primary: true }, { to: 'in_review', key: 'releases.flow.reopen' }, { to: 'withdrawn', key: 'releases.flow.withdrawn' }];
    case 'published':
      return [{ to: 'withdrawn', key: 'releases.flow.withdrawn' }];
    case 'withdrawn':
      return [{ to: 'draft', key: 'releases.flow.draft', primary: true }];
  }
}

export function ReleaseEditor({ id }: { id: string }) {
  const { t, language } = useT();
  const open = useReleasesStore((s) => s.open);
  const profile = useOfficeStore((s) => s.profile);
  const opds = useOpdStore((s) => s.items);
  const { detail, loadError, doc, setFields, flushNow, reload, setDetail } = useRelease(id);
  const [stepError, setStepError] = useState<ErrorPayload | null>(null);
  /** What the last workflow step did, said once it is done (the badge alone is easy to miss). */
  const [stepDone, setStepDone] = useState<{ to: ReleaseStatus; number: string } | null>(null);
  const permissions = useSession((s) => s.info?.permissions ?? []);
  const [busy, setBusy] = useState(false);
  const [, setEditor] = useState<Editor | null>(null);
  const onEditor = useCallback((e: Editor | null) => setEditor(e), []);

  if (loadError) return <ErrorMessage error={loadError} />;
  if (!detail || !doc) return <p className="rel-note">{t('releases.loading')}</p>;
  const zone = (profile?.timeZone as ZoneLabel | undefined) ?? 'WIB';
  const canWrite = permissions.includes('releases.write');
  const editable = isEditable(detail.status) && canWrite;

  const step = async (to: ReleaseStatus) => {
    if (to === 'withdrawn' && !window.confirm(t('releases.flow.withdrawConfirm'))) return;
    setBusy(true);
    setStepError(null);
    setStepDone(null);
    await flushNow();
    const r = await call('releases.transition', { id, to, note: '' });
    setBusy(false);
    if (r.ok) {
      setDetail(r.value);
      setStepDone({ to, number: r.value.number ?? '' });
    } else setStepError(r.error);
  };
  const renumber = async () => {
    const r = await call('releases.renumber', { id });
    if (r.ok) setDetail(r.value);
    else setStepError(r.error);
  };

  const conflict = detail.numberConflict;
  // A step refused for the title ("isi judul dulu") is said under the title field, and goes when it is filled.
  const titleStepError = stepError?.details?.field === 'title' ? stepError : null;
  return (
    <section className="page rel-edit" aria-labelledby="page-title">
      <div className="rel-edit__bar">
        <button type="button" className="button button--quiet button--small" onClick={() => open(null)} aria-label={t('releases.back')} title={t('releases.back')}>
          ← {t('releases.title')}
        </button>
        <StatusBadge status={detail.status} />
        <span className="rel-edit__number">{detail.number ?? t('releases.noNumber')}</span>
        <SaveIndicator zone={zone} />
        <span className="rel-edit__spacer" />
        {stepsFor(detail.status, permissions).map((s) => (
          <button key={s.to + s.key} type="button" disabled={busy} className={`button button--small ${s.primary ? 'button--primary' : s.to === 'withdrawn' ? 'button--quiet' : 'button--secondary'}`} onClick={() => void step(s.to)}>
            {t(s.key)}
          </button>
        ))}
        <SendToMediaButton detail={detail} />
      </div>
      <SaveError />
      {stepError && !titleStepError ? <ErrorMessage error={stepError} /> : null}
      <p className="rel-step-done" role="status">
        {stepDone && stepDone.to === detail.status ? t(`releases.flow.done.${stepDone.to}` as const, { number: stepDone.number }) : ''}
      </p>
      {detail.embargoed && detail.embargoAt ? (
        <p className="rel-banner rel-banner--embargo">{t('releases.embargo.banner', { when: formatDateTime(Date.parse(detail.embargoAt), detail.embargoZone ?? zone, language) })}</p>
      ) : null}
      {conflict ? (
        <div className="rel-banner rel-banner--conflict" role="alert">
          {t(conflict.mustRenumber ? 'releases.conflict.must' : 'releases.conflict.keeps', { number: detail.number ?? '', other: conflict.others[0]?.title ?? '' })}
          {conflict.mustRenumber ? (
            <button type="button" className="button button--small button--primary" onClick={() => void renumber()}>
              {t('releases.conflict.renumber')}
            </button>
          ) : null}
        </div>
      ) : null}
      {detail.timeToRelease ? (
        <p className={`rel-banner ${detail.timeToRelease.met === false ? 'rel-banner--conflict' : 'rel-banner--info'}`}>
          {t(detail.timeToRelease.published ? (detail.timeToRelease.met ? 'releases.ttr.met' : 'releases.ttr.missed') : 'releases.ttr.running', {
            minutes: detail.timeToRelease.minutes,
            target: detail.timeToRelease.targetMinutes,
          })}
        </p>
      ) : null}
      {!isEditable(detail.status) ? (
        <p className="rel-note">{t('releases.readOnly', { status: t(`releases.status.${detail.status}`).toLowerCase() })}</p>
      ) : !canWrite ? (
        <p className="rel-note">{t('releases.readOnlyRole')}</p>
      ) : null}
      <div className="rel-edit__grid">
        <div className="rel-edit__main">
          <PageHeading focusOnMount={false}>{detail.title || t('releases.new')}</PageHeading>
          <Fields part="top" detail={detail} editable={editable} zone={zone} opds={[]} setFields={setFields} onEmbargo={setDetail} titleStepError={titleStepError ? t('releases.flow.titleFirst') : null} />
          <h2 className="rel-section">{t('releases.section.body')}</h2>
          <BodyEditor doc={doc} editable={editable} defaultCredit={profile ? `Foto: ${profile.unit}` : ''} onEditor={onEditor} datelineCity={detail.datelineCity} />
          <Quotes quotes={detail.quotes} editable={editable} onChange={(quotes) => setFields({ quotes })} />
          <Closing detail={detail} editable={editable} setFields={setFields} />
          <h2 className="rel-section">{t('releases.section.details')}</h2>
          <Fields part="meta" detail={detail} editable={editable} zone={zone} opds={opds.map((o) => ({ id: o.id, name: o.abbreviation || o.name }))} setFields={setFields} onEmbargo={setDetail} />
        </div>
        <SidePanel detail={detail} zone={zone} onChanged={(d) => (d ? setDetail(d) : void reload())} />
      </div>
    </section>
  );
}

/** "Tersimpan 13.42": subscribed alone, so autosave does not re-render the form. */
function SaveIndicator({ zone }: { zone: ZoneLabel }) {
  const { t, language } = useT();
  const save = useSaveStatus((s) => s.save);
  // Waiting and sending read the same ("Menyimpan…"): while someone types, autosave goes from one
  // to the other every fraction of a second, and each change of this text was a frame of its own
  // that made the next key's frame late (half of Warta's slow keys over bare tiptap's).
  const kind = save.kind === 'saving' ? 'pending' : save.kind;
  const text =
    save.kind === 'saved'
      ? t('releases.saved', { time: formatTime(save.at, zone, language).replace(` ${zone}`, '') })
      : save.kind === 'saving' || save.kind === 'pending'
        ? t('releases.saving')
        : t(save.retrying ? 'releases.saveFailed' : 'releases.notSaved');
  return (
    <>
      <span className={`rel-save rel-save--${kind}`} role="status" aria-live="polite">
        {text}
      </span>
      <WordCount />
    </>
  );
}

const wordNumber = new Intl.NumberFormat('id-ID');

/** Word count and reading time: re-rendered only when the core reports a new count after a save. */
function WordCount() {
  const { t } = useT();
  const words = useSaveStatus((s) => s.words);
  return <span className="rel-edit__words">{t('releases.words', { words: wordNumber.format(words), minutes: readingMinutes(words) })}</span>;
}

function SaveError() {
  const { t } = useT();
  const save = useSaveStatus((s) => s.save);
  return save.kind === 'failed' ? <ErrorMessage error={save.error} headline={t(save.retrying ? 'releases.saveFailed' : 'releases.notSaved')} /> : null;
}

interface FieldsProps {
  detail: ReleaseDetail;
  editable: boolean;
  zone: ZoneLabel;
  opds: { id: string; name: string }[];
  setFields: ReturnType<typeof useRelease>['setFields'];
  onEmbargo: (d: ReleaseDetail) => void;
  /** The workflow refused a step for want of a title: shown under the title while it is still empty. */
  titleStepError?: string | null;
}

function Input({ label, value, onChange, disabled, type = 'text', hint, error, wide }: { label: string; value: string; onChange: (v: string) => void; disabled?: boolean; type?: 'text' | 'date' | 'time'; hint?: string; error?: string | null; wide?: boolean }) {
  const id = useId();
  const note = error ?? hint;
  return (
    <div className={`rel-field${wide ? ' rel-field--wide' : ''}${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {type === 'date' || type === 'time' ? (
        <DateTimeInput id={id} kind={type} value={value} disabled={disabled} quiet={Boolean(hint)} onChange={onChange} aria-invalid={error ? true : undefined} aria-describedby={note ? `${id}-note` : undefined} />
      ) : (
        <input id={id} type={type} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={note ? `${id}-note` : undefined} />
      )}
      {error ? (
        <span id={`${id}-note`} className="field__error" role="alert">
          {error}
        </span>
      ) : hint ? (
        <span id={`${id}-note`} className="field__hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The event's end as a date and a time in the app's own fields; stored once both are readable, cleared with the date. */
function EventEndFields({ eventEnd, disabled, onChange }: { eventEnd: ZonedParts | null; disabled: boolean; onChange: (parts: Omit<ZonedParts, 'weekday'> | null) => void }) {
  const { t } = useT();
  const [date, setDate] = useState(eventEnd ? `${eventEnd.year}-${pad(eventEnd.month)}-${pad(eventEnd.day)}` : '');
  const [time, setTime] = useState(eventEnd ? `${pad(eventEnd.hour)}:${pad(eventEnd.minute)}` : '');
  const commit = (d: string, tm: string) => {
    if (d === '') return onChange(null);
    const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
    const tmm = /^(\d{2}):(\d{2})$/.exec(tm);
    if (dm && tmm) onChange({ year: +dm[1]!, month: +dm[2]!, day: +dm[3]!, hour: +tmm[1]!, minute: +tmm[2]! });
  };
  return (
    <>
      <Input label={t('releases.field.eventEnd')} hint={t('releases.field.eventEnd.hint')} type="date" disabled={disabled} value={date} onChange={(v) => { setDate(v); commit(v, time); }} />
      <Input label={t('releases.field.eventEndTime')} type="time" disabled={disabled} value={time} onChange={(v) => { setTime(v); commit(date, v); }} />
    </>
  );
}

function Fields({ detail, editable, zone, opds, setFields, onEmbargo, part, titleStepError = null }: FieldsProps & { part: 'top' | 'meta' }) {
  const { t, language } = useT();
  const [title, setTitle] = useState(detail.title);
  const [tags, setTags] = useState(detail.tags.join(', '));
  const initial = detail.embargoAt ? zonedParts(Date.parse(detail.embargoAt), detail.embargoZone ?? zone) : null;
  const [embDate, setEmbDate] = useState(initial ? `${initial.year}-${pad(initial.month)}-${pad(initial.day)}` : '');
  const [embTime, setEmbTime] = useState(initial ? `${pad(initial.hour)}:${pad(initial.minute)}` : '10:00');
  const [embZone, setEmbZone] = useState<ZoneLabel>(detail.embargoZone ?? zone);
  const [embError, setEmbError] = useState<ErrorPayload | null>(null);
  useEffect(() => setTitle(detail.title), [detail.id]);
  const titleError =
    title.length > TITLE_MAX ? `${t('releases.field.title')}: maks. ${TITLE_MAX} (${title.length.toLocaleString('id-ID')})`
    : titleStepError && !title.trim() ? titleStepError
    : null;
  const titleRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  // The refusal is next to the title, which may be off screen above a long body: bring it in and focus it.
  useEffect(() => {
    if (titleStepError) titleRef.current?.focus();
  }, [titleStepError]);

  const setEmbargo = async () => {
    setEmbError(null);
    const [y, m, d] = embDate.split('-').map(Number) as [number, number, number];
    const [hh, mm] = embTime.split(':').map(Number) as [number, number];
    // The fields report unreadable text as typed; they already say so next to themselves.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(embDate) || !/^\d{2}:\d{2}$/.test(embTime)) return;
    const at = new Date(instantFromZoned({ year: y, month: m, day: d, hour: hh, minute: mm ?? 0 }, embZone)).toISOString();
    const r = await call('releases.update', { id: detail.id, fields: { urgency: 'embargo', embargoAt: at, embargoZone: embZone } });
    if (!r.ok) setEmbError(r.error);
    else onEmbargo({ ...detail, ...r.value, embargoed: Date.parse(at) > Date.now() });
  };
  const eventEnd = detail.eventEndAt ? zonedParts(Date.parse(detail.eventEndAt), zone) : null;
  return (
    <div className="rel-fields">
      {part === 'top' ? (
        <>
      {/* The error describes the field (aria-describedby), it is not part of its name. */}
      <div className={`rel-field rel-field--wide${titleError ? ' field--error' : ''}`}>
        <label className="field__label" htmlFor={titleId}>
          {t('releases.field.title')}
        </label>
        <input
          id={titleId}
          ref={titleRef}
          className="rel-title-input"
          type="text"
          value={title}
          disabled={!editable}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? `${titleId}-error` : undefined}
          onChange={(e) => {
            setTitle(e.target.value);
            if (e.target.value.length <= TITLE_MAX) setFields({ title: e.target.value });
          }}
        />
        {titleError ? (
          <span id={`${titleId}-error`} className="field__error" role="alert">
            {titleError}
          </span>
        ) : null}
      </div>
      <Input wide label={t('releases.field.subtitle')} value={detail.subtitle} disabled={!editable} onChange={(v) => setFields({ subtitle: v })} />
      <Input label={t('releases.field.label')} value={detail.label} disabled={!editable} onChange={(v) => setFields({ label: v })} />
      <Input label={t('releases.field.datelineCity')} value={detail.datelineCity} disabled={!editable} onChange={(v) => setFields({ datelineCity: v })} />
      <Input
        label={t('releases.field.releaseDate')}
        type="date"
        value={detail.releaseDate}
        disabled={!editable}
        hint={datelineOf({ fields: detail, zone })}
        onChange={(v) => v && setFields({ releaseDate: v })}
      />
      <fieldset className="rel-field rel-field--wide rel-urgency" disabled={!editable}>
        <legend className="field__label">{t('releases.field.urgency')}</legend>
        <label>
          <input type="radio" name={`urgency-${detail.id}`} checked={detail.urgency === 'immediate'} onChange={() => setFields({ urgency: 'immediate', embargoAt: null })} /> {t('releases.field.urgency.immediate')}
        </label>
        <label>
          <input type="radio" name={`urgency-${detail.id}`} checked={detail.urgency === 'embargo'} onChange={() => onEmbargo({ ...detail, urgency: 'embargo' })} /> {t('releases.field.urgency.embargo')}
        </label>
        {detail.urgency === 'embargo' ? (
          <div className="rel-embargo">
            <Input label={t('releases.field.embargoDate')} type="date" value={embDate} onChange={setEmbDate} />
            <Input label={t('releases.field.embargoTime')} type="time" value={embTime} onChange={setEmbTime} />
            <label className="rel-field">
              <span className="field__label">{t('releases.field.embargoZone')}</span>
              <select value={embZone} onChange={(e) => setEmbZone(e.target.value as ZoneLabel)}>
                {ZONE_LABELS.map((z) => (
                  <option key={z}>{z}</option>
                ))}
              </select>
            </label>
            <button type="button" className="button button--secondary button--small" onClick={() => void setEmbargo()} disabled={!embDate}>
              {t('releases.field.embargoSet')}
            </button>
            {detail.embargoAt ? <p className="rel-note">{formatDateTime(Date.parse(detail.embargoAt), detail.embargoZone ?? zone, language)}</p> : null}
            {embError ? <ErrorMessage error={embError} /> : null}
          </div>
        ) : null}
      </fieldset>
        </>
      ) : null}
      {part === 'meta' ? (
        <>
      <label className="rel-field">
        <span className="field__label">{t('releases.field.opd')}</span>
        <select value={detail.opdId ?? ''} disabled={!editable} onChange={(e) => setFields({ opdId: e.target.value || null })}>
          <option value="">{t('releases.field.noOpd')}</option>
          {opds.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <label className="rel-field">
        <span className="field__label">{t('releases.field.infoCategory')}</span>
        <select value={detail.infoCategory} disabled={!editable} onChange={(e) => setFields({ infoCategory: e.target.value as ReleaseDetail['infoCategory'] })}>
          {INFO_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`releases.info.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <Input
        wide
        label={t('releases.field.tags')}
        hint={t('releases.field.tags.hint')}
        value={tags}
        disabled={!editable}
        onChange={(v) => {
          setTags(v);
          setFields({ tags: [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))].slice(0, 20) });
        }}
      />
      <EventLink eventId={detail.eventId} editable={editable} zone={zone} onUnlink={() => setFields({ eventId: null })} />
      <EventEndFields eventEnd={eventEnd} disabled={!editable} onChange={(parts) => setFields({ eventEndAt: parts ? new Date(instantFromZoned(parts, zone)).toISOString() : null })} />
        </>
      ) : null}
    </div>
  );
}

function Quotes({ quotes, editable, onChange }: { quotes: Quote[]; editable: boolean; onChange: (q: Quote[]) => void }) {
  const { t } = useT();
  const set = (i: number, patch: Partial<Quote>) => onChange(quotes.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  return (
    <section className="rel-quotes">
      <h2 className="rel-section">{t('releases.section.quotes')}</h2>
      {quotes.map((q, i) => (
        <div className="rel-quote" key={i}>
          <label className="rel-field rel-field--wide">
            <span className="field__label">{t('releases.quote.text', { n: i + 1 })}</span>
            <textarea rows={2} value={q.text} disabled={!editable} onChange={(e) => set(i, { text: e.target.value })} />
          </label>
          <Input label={t('releases.quote.speaker')} value={q.speaker} disabled={!editable} onChange={(v) => set(i, { speaker: v })} />
          <Input label={t('releases.quote.role')} value={q.role} disabled={!editable} onChange={(v) => set(i, { role: v })} />
          <button type="button" className="button button--quiet button--small" disabled={!editable} onClick={() => onChange(quotes.filter((_, j) => j !== i))}>
            {t('releases.quote.remove', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" className="button button--secondary button--small" disabled={!editable || quotes.length >= 20} onClick={() => onChange([...quotes, { text: '', speaker: '', role: '' }])}>
        {t('releases.quote.add')}
      </button>
    </section>
  );
}

function Closing({ detail, editable, setFields }: { detail: ReleaseDetail; editable: boolean; setFields: FieldsProps['setFields'] }) {
  const { t } = useT();
  return (
    <>
      <h2 className="rel-section">{t('releases.section.closing')}</h2>
      <div className="rel-fields">
        <Input label={t('releases.field.source')} value={detail.source} disabled={!editable} onChange={(v) => setFields({ source: v })} />
        <Input label={t('releases.field.writer')} value={detail.writer} disabled={!editable} onChange={(v) => setFields({ writer: v })} />
        <Input label={t('releases.field.photographer')} value={detail.photographer} disabled={!editable} onChange={(v) => setFields({ photographer: v })} />
        <Input label={t('releases.field.editor')} value={detail.editor} disabled={!editable} onChange={(v) => setFields({ editor: v })} />
      </div>
      <h2 className="rel-section">{t('releases.section.contact')}</h2>
      <ContactsEditor key={detail.id} contacts={detail.contacts} editable={editable} onChange={(contacts) => setFields({ contacts })} />
      <label className="rel-field rel-field--wide">
        <span className="field__label">{t('releases.field.boilerplate')}</span>
        <textarea rows={3} value={detail.boilerplate} disabled={!editable} onChange={(e) => setFields({ boilerplate: e.target.value })} />
      </label>
    </>
  );
}
