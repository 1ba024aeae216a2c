import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Conflict } from '../../../shared/agenda/conflicts';
import type { Holiday } from '../../../shared/agenda/holidays';
import { DRESS_CODES, EVENT_KINDS, EVENT_STATUSES, LEADER_ROLES } from '../../../shared/agenda/event';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { SaveResult } from '../../../shared/contract/methods/agenda';
import type { ZoneLabel } from '../../../shared/office/time-zones';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FileInput } from '../../components/FileInput';
import { DateTimeInput } from '../../components/DateTimeInput';
import { useT } from '../../i18n/use-t';
import { useOpdStore } from '../settings/opd-store';
import { useAgendaStore } from './agenda-store';
import { ConflictList } from './ConflictList';
import { readFileBase64 } from './download';
import { toInput, type EventForm, type FormProblem } from './event-form-model';
import { saveFormDraft } from './form-draft';

interface Props {
  initial: EventForm;
  officeZone: ZoneLabel;
  onClose(saved?: SaveResult): void;
}

/** The agenda item form: every field of the protocol sheet, the conflict check as you type. */
export function EventFormDialog({ initial, officeZone, onClose }: Props) {
  const { t } = useT();
  const [f, setF] = useState<EventForm>(initial);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [saving, setSaving] = useState(false);
  const officials = useAgendaStore((s) => s.officials);
  const staff = useAgendaStore((s) => s.staff);
  const opds = useOpdStore((s) => s.items);
  const titleRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const otherZone = !['WIB', 'WITA', 'WIT'].includes(f.zone);

  useEffect(() => {
    titleRef.current?.focus();
    void useOpdStore.getState().load();
  }, []);

  // The conflict check runs in the core as the form changes (debounced).
  useEffect(() => {
    const built = toInput(f);
    if (!('input' in built)) return;
    const timer = setTimeout(() => {
      void call('agenda.events.check', built.input).then((r) => setConflicts(r.ok ? r.value : []));
    }, 250);
    return () => clearTimeout(timer);
  }, [f]);

  // Kept for a reload while the dialog is open (form-draft.ts); the page clears it on close.
  useEffect(() => saveFormDraft(f), [f]);

  // A national holiday or collective leave on the chosen date is said in the form, not only shaded in the calendar.
  const [holiday, setHoliday] = useState<Holiday | null>(null);
  const holidayYears = useRef(new Map<number, Holiday[]>());
  useEffect(() => {
    const year = Number(f.date.slice(0, 4));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date) || year < 2000 || year > 2100) return setHoliday(null);
    let live = true;
    const known = holidayYears.current.get(year);
    const pick = (list: Holiday[]) => live && setHoliday(list.find((h) => h.date === f.date) ?? null);
    if (known) pick(known);
    else
      void call('agenda.holidays.list', { year }).then((r) => {
        if (!r.ok) return;
        holidayYears.current.set(year, r.value);
        pick(r.value);
      });
    return () => {
      live = false;
    };
  }, [f.date]);

  const set = <K extends keyof EventForm>(k: K, v: EventForm[K]) => setF((old) => ({ ...old, [k]: v }));
  const toggle = (k: 'leaderIds' | 'companionIds', id: string) => setF((old) => ({ ...old, [k]: old[k].includes(id) ? old[k].filter((x) => x !== id) : [...old[k], id] }));

  async function save() {
    const built = toInput(f);
    if ('problems' in built) {
      setProblems(built.problems);
      return;
    }
    setProblems([]);
    setSaving(true);
    const r = await call('agenda.events.save', built.input);
    setSaving(false);
    if (!r.ok) return setError(r.error);
    onClose(r.value);
  }

  async function attach(file: File | undefined) {
    if (!file) return;
    const mime = file.type === 'application/pdf' || file.type === 'image/png' || file.type === 'image/jpeg' ? file.type : 'application/pdf';
    const r = await call('agenda.invitation.put', { mime, base64: await readFileBase64(file) });
    if (!r.ok) return setError(r.error);
    setF((old) => ({ ...old, invitationFileHash: r.value.hash, invitationFileName: file.name.slice(0, 200), invitationFileMime: mime }));
  }

  const problem = (p: Exclude<FormProblem, 'coords'>) => (problems.includes(p) ? (p === 'end' ? t('agenda.form.endBeforeStart') : t('agenda.form.required')) : undefined);
  const leaders = officials.filter((o) => o.isLeader && o.active);
  const staffFor = (duty: 'reporter' | 'photographer' | 'videographer') => staff.filter((s) => s.active && s.duties.includes(duty));

  return (
    <div className="agenda-dialog" role="dialog" aria-modal="true" aria-labelledby={headingId} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form
        className="agenda-dialog__body"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id={headingId}>{f.id ? t('agenda.form.editTitle') : t('agenda.form.newTitle')}</h2>
        {f.occurrence ? <p className="field__hint">{t('agenda.form.occurrenceNote')}</p> : null}
        <div className="grid grid--2">
          <Select label={t('agenda.form.kind')} value={f.kind} onChange={(v) => set('kind', v as EventForm['kind'])} options={EVENT_KINDS.map((k) => [k, t(`agenda.kind.${k}`)])} />
          <Select label={t('agenda.form.status')} value={f.status} onChange={(v) => set('status', v as EventForm['status'])} options={EVENT_STATUSES.map((k) => [k, t(`agenda.status.${k}`)])} />
        </div>
        <Field label={t('agenda.form.title')} error={problem('title')}>
          {(id, describedBy) => <input id={id} ref={titleRef} value={f.title} aria-describedby={describedBy} aria-invalid={!!problem('title')} maxLength={300} onChange={(e) => set('title', e.target.value)} />}
        </Field>
        {f.status === 'represented' ? <Text label={t('agenda.form.representedBy')} value={f.representedBy} onChange={(v) => set('representedBy', v)} /> : null}
        {f.status === 'postponed' ? <Text type="date" label={t('agenda.form.postponedTo')} value={f.postponedTo} onChange={(v) => set('postponedTo', v)} /> : null}
        <div className="grid agenda-grid-time">
          <Text type="date" label={t('agenda.form.date')} value={f.date} onChange={(v) => set('date', v)} error={problem('date')} />
          {!f.allDay ? <Text type="time" label={t('agenda.form.start')} value={f.start} onChange={(v) => set('start', v)} error={problem('start')} /> : null}
          {!f.allDay && !f.openEnd ? <Text type="time" label={t('agenda.form.end')} value={f.end} onChange={(v) => set('end', v)} error={problem('end')} /> : null}
          <Select
            label={t('agenda.form.zone')}
            value={otherZone ? 'other' : f.zone}
            onChange={(v) => set('zone', v === 'other' ? '' : v)}
            options={[['WIB', 'WIB (UTC+7)'], ['WITA', 'WITA (UTC+8)'], ['WIT', 'WIT (UTC+9)'], ['other', t('agenda.form.zoneOther')]]}
          />
        </div>
        {holiday ? (
          <p className="agenda-form__holiday" role="status" data-testid="agenda-form-holiday">
            {t(holiday.kind === 'cuti_bersama' ? 'agenda.form.holiday.leave' : 'agenda.form.holiday.national', { name: holiday.name })}
          </p>
        ) : null}
        {otherZone ? <Text label={t('agenda.form.zoneOther')} value={f.zone} onChange={(v) => set('zone', v)} /> : null}
        <div className="agenda-checks">
          <Check label={t('agenda.form.openEnd')} checked={f.openEnd} onChange={(v) => set('openEnd', v)} />
          <Check label={t('agenda.form.allDay')} checked={f.allDay} onChange={(v) => set('allDay', v)} />
          <Check label={t('agenda.form.pressOpen')} checked={f.pressOpen} onChange={(v) => set('pressOpen', v)} />
          <Check label={t('agenda.form.pressRoom')} checked={f.usesPressRoom} onChange={(v) => set('usesPressRoom', v)} />
        </div>
        {!f.occurrence ? (
          <div className="grid grid--2">
            <Select
              label={t('agenda.form.repeat')}
              value={f.repeat}
              onChange={(v) => set('repeat', v as EventForm['repeat'])}
              options={(['none', 'daily', 'weekly', 'monthly', 'custom'] as const).map((k) => [k, t(`agenda.form.repeat.${k}`)])}
            />
            {f.repeat !== 'none' ? <Text type="date" label={t('agenda.form.repeatUntil')} value={f.until} onChange={(v) => set('until', v)} /> : <span />}
            {f.repeat === 'custom' ? <Text label={t('agenda.form.rrule')} value={f.rrule} onChange={(v) => set('rrule', v)} placeholder="FREQ=WEEKLY;BYDAY=MO,TH" /> : null}
          </div>
        ) : null}
        <ConflictList conflicts={conflicts} zone={officeZone} />
        <div className="grid grid--2">
          <Text label={t('agenda.form.place')} value={f.placeName} onChange={(v) => set('placeName', v)} />
          <Text label={t('agenda.form.address')} value={f.placeAddress} onChange={(v) => set('placeAddress', v)} />
          <Text label={t('agenda.form.lat')} value={f.placeLat} onChange={(v) => set('placeLat', v)} error={problems.includes('coords') ? t('agenda.form.coordBad') : undefined} placeholder="-7.5695" />
          <Text label={t('agenda.form.lon')} value={f.placeLon} onChange={(v) => set('placeLon', v)} placeholder="110.8290" />
          <Select label={t('agenda.form.organiser')} value={f.organiserOpdId} onChange={(v) => set('organiserOpdId', v)} options={[['', t('agenda.form.noOrganiser')], ...opds.map((o): [string, string] => [o.id, o.abbreviation ? `${o.name} (${o.abbreviation})` : o.name])]} />
          <Field label={t('agenda.form.dressCode')}>
            {(id, describedBy) => (
              <>
                <input id={id} list={`${id}-list`} aria-describedby={describedBy} value={f.dressCode} maxLength={80} onChange={(e) => set('dressCode', e.target.value)} />
                <datalist id={`${id}-list`}>
                  {DRESS_CODES.map((d) => (
                    <option key={d} value={d} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Select label={t('agenda.form.role')} value={f.leaderRole} onChange={(v) => set('leaderRole', v as EventForm['leaderRole'])} options={[['', t('agenda.role.none')], ...LEADER_ROLES.map((r): [string, string] => [r, t(`agenda.role.${r}`)])]} />
        </div>
        <fieldset>
          <legend>{t('agenda.form.leaders')}</legend>
          <div className="agenda-checks">
            {leaders.length === 0 ? <p className="field__hint">{t('agenda.noLeaders')}</p> : null}
            {leaders.map((o) => (
              <Check key={o.id} label={`${o.position} – ${o.name}`} checked={f.leaderIds.includes(o.id)} onChange={() => toggle('leaderIds', o.id)} />
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('agenda.form.companions')}</legend>
          <div className="agenda-checks">
            {officials
              .filter((o) => o.active && !f.leaderIds.includes(o.id))
              .map((o) => (
                <Check key={o.id} label={`${o.position} – ${o.name}`} checked={f.companionIds.includes(o.id)} onChange={() => toggle('companionIds', o.id)} />
              ))}
          </div>
          <Text label={t('agenda.form.companionsText')} value={f.companionsText} onChange={(v) => set('companionsText', v)} />
        </fieldset>
        <fieldset>
          <legend>{t('agenda.form.coverage')}</legend>
          <div className="grid grid--3">
            {(['reporter', 'photographer', 'videographer'] as const).map((duty) => (
              <Select
                key={duty}
                label={t(`agenda.form.${duty}`)}
                value={f[`${duty}Id`]}
                onChange={(v) => set(`${duty}Id`, v)}
                options={[['', t('agenda.form.nobody')], ...staffFor(duty).map((s): [string, string] => [s.id, s.name])]}
              />
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('agenda.form.invitation')}</legend>
          <div className="grid grid--3">
            <Text label={t('agenda.form.invitationNumber')} value={f.invitationNumber} onChange={(v) => set('invitationNumber', v)} />
            <Text type="date" label={t('agenda.form.invitationDate')} value={f.invitationDate} onChange={(v) => set('invitationDate', v)} />
            <Field label={t('agenda.form.invitationFile')} hint={f.invitationFileName ? t('agenda.form.invitationAttached', { name: f.invitationFileName }) : undefined}>
              {(id, describedBy) => <FileInput id={id} accept="application/pdf,image/png,image/jpeg" describedBy={describedBy} onFile={(file) => void attach(file)} />}
            </Field>
          </div>
        </fieldset>
        <Text label={t('agenda.form.aideContact')} value={f.aideContact} onChange={(v) => set('aideContact', v)} />
        <Text multiline label={t('agenda.form.protocolNotes')} value={f.protocolNotes} onChange={(v) => set('protocolNotes', v)} />
        <Text multiline label={t('agenda.form.notes')} value={f.notes} onChange={(v) => set('notes', v)} />
        {error ? <ErrorMessage error={error} /> : null}
        <div className="agenda-dialog__actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {t('agenda.form.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => onClose()}>
            {t('agenda.form.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

function Field({ label, error, hint, children }: { label: string; error?: string | undefined; hint?: string | undefined; children: (id: string, describedBy: string | undefined) => ReactNode }) {
  const id = useId();
  const describedBy = [error ? `${id}-e` : '', hint ? `${id}-h` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children(id, describedBy)}
      {error ? (
        <p id={`${id}-e`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={`${id}-h`} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

function Text({ label, value, onChange, error, type = 'text', multiline, placeholder }: { label: string; value: string; onChange(v: string): void; error?: string | undefined; type?: 'text' | 'date' | 'time'; multiline?: boolean; placeholder?: string }) {
  return (
    <Field label={label} error={error}>
      {(id, d) =>
        multiline ? (
          <textarea id={id} rows={2} value={value} aria-describedby={d} onChange={(e) => onChange(e.target.value)} />
        ) : (
          type === 'date' || type === 'time' ? (
            <DateTimeInput id={id} kind={type} value={value} aria-describedby={d} aria-invalid={error ? true : undefined} onChange={onChange} />
          ) : (
            <input id={id} type={type} value={value} placeholder={placeholder} aria-describedby={d} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)} />
          )
        )
      }
    </Field>
  );
}

function Select({ label, value, onChange, options }: { label: string; value: string; onChange(v: string): void; options: readonly (readonly [string, string])[] }) {
  return (
    <Field label={label}>
      {(id, d) => (
        <select id={id} value={value} aria-describedby={d} onChange={(e) => onChange(e.target.value)}>
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <label className="agenda-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}
