import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { formatDate } from '../../../shared/format/dates';
import type { ZoneLabel } from '../../../shared/office/time-zones';
import { bodyPlainText, type PmNode } from '../../../shared/releases/body-text';
import type { ReleaseDetail, ReleaseSummary } from '../../../shared/releases/model';
import { call, onEvent } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/use-t';
import { useIdleReset } from './use-idle-reset';

const LATEST = 10;

/** A yyyy-mm-dd date as the office writes it, without a time-zone shift (it is a calendar date). */
function calendarDate(date: string, zone: ZoneLabel, language: 'id' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  // Noon in the office's zone is the same calendar day in every Indonesian zone.
  return m ? formatDate(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 5), zone, language) : date;
}

/** Body paragraphs; the dateline ("SURAKARTA –") opens the first one, as in print. */
function paragraphsOf(text: string): string[] {
  const blocks = text.split(/\n{2,}/).filter((b) => b.trim());
  if (blocks.length > 1 && /[–-]\s*$/.test(blocks[0] ?? '') && (blocks[0] ?? '').length < 60) return [`${blocks[0]} ${blocks[1]}`, ...blocks.slice(2)];
  return blocks;
}

/** The file the core built, handed to the journalist as a download they choose to keep. */
function saveFile(file: { fileName: string; mime: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Published releases for journalists (releases.read.public: the core returns only published,
 * embargo-passed ones to this caller): search, read, download the press kit or the PDF.
 */
export function ReleasesPanel({ zone, idleMinutes }: { zone: ZoneLabel; idleMinutes: number }) {
  const { t, language } = useT();
  const [query, setQuery] = useState('');
  const [asked, setAsked] = useState('');
  const [items, setItems] = useState<ReleaseSummary[] | null>(null);
  const [open, setOpen] = useState<ReleaseDetail | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  // The next visitor starts at the list, not in what the last one searched or read.
  useIdleReset(idleMinutes, () => {
    setOpen(null);
    setQuery('');
    setAsked('');
    setDownloaded(null);
  });

  const load = useCallback(async (q: string) => {
    const result = await call('releases.list', { query: q, limit: LATEST });
    if (result.ok) {
      setItems(result.value.items);
      setError(null);
    } else setError(result.error);
  }, []);

  useEffect(() => {
    void load(asked);
    return onEvent('data.changed', ({ tables }) => {
      if (tables.some((name) => name.startsWith('release'))) void load(asked);
    });
  }, [asked, load]);

  useEffect(() => {
    if (open) headingRef.current?.focus();
  }, [open]);

  async function read(id: string) {
    setDownloaded(null);
    const result = await call('releases.get', { id });
    if (result.ok) setOpen(result.value);
    else setError(result.error);
  }

  async function download(format: 'zip' | 'pdf') {
    if (!open) return;
    setBusy(format);
    setDownloaded(null);
    const result = await call('releases.export', { id: open.id, format, paper: 'A4' });
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    saveFile(result.value);
    setDownloaded(result.value.fileName);
  }

  function search(event: FormEvent) {
    event.preventDefault();
    setOpen(null);
    setAsked(query.trim());
  }

  function back() {
    setOpen(null);
    setDownloaded(null);
    setTimeout(() => listRef.current?.querySelector<HTMLButtonElement>('button')?.focus(), 0);
  }

  const body = open ? bodyPlainText((open.bodyJson ?? { type: 'doc' }) as PmNode) : '';

  return (
    <section className="kiosk-panel" aria-labelledby="kiosk-releases-title">
      <h2 id="kiosk-releases-title">{t('kiosk.releases.title')}</h2>
      <p className="kiosk-panel__intro">{t('kiosk.releases.intro')}</p>
      {error ? <ErrorMessage error={error} /> : null}

      {open ? (
        <article className="kiosk-release" aria-labelledby="kiosk-release-title">
          <button type="button" className="button button--quiet" onClick={back}>
            ← {t('kiosk.releases.back')}
          </button>
          <h3 id="kiosk-release-title" tabIndex={-1} ref={headingRef} className="kiosk-release__title">
            {open.title}
          </h3>
          {open.subtitle ? <p className="kiosk-release__subtitle">{open.subtitle}</p> : null}
          <p className="kiosk-release__meta">
            {open.number ? `${t('kiosk.releases.number')} ${open.number} · ` : ''}
            {open.datelineCity ? `${open.datelineCity}, ` : ''}
            {calendarDate(open.releaseDate, zone, language)}
          </p>
          <div className="kiosk-release__actions">
            <button type="button" className="button button--primary button--large" onClick={() => void download('zip')} disabled={busy !== null}>
              {busy === 'zip' ? t('kiosk.releases.downloading') : t('kiosk.releases.pressKit')}
            </button>
            <button type="button" className="button button--secondary button--large" onClick={() => void download('pdf')} disabled={busy !== null}>
              {busy === 'pdf' ? t('kiosk.releases.downloading') : t('kiosk.releases.pdf')}
            </button>
          </div>
          {downloaded ? (
            <p className="ok-message" role="status">
              {t('kiosk.releases.downloaded', { file: downloaded })}
            </p>
          ) : null}
          <div className="kiosk-release__body" data-testid="kiosk-release-body">
            {paragraphsOf(body).map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          </div>
          {open.contacts.length > 0 ? (
            <p className="kiosk-release__meta">
              {t('kiosk.releases.contact')}: {open.contacts.map((c) => [c.name, c.phone, c.email].filter(Boolean).join(', ')).join(' · ')}
            </p>
          ) : null}
        </article>
      ) : (
        <>
          <form className="kiosk-search" role="search" onSubmit={search} aria-label={t('kiosk.releases.search')}>
            <label htmlFor="kiosk-release-search" className="visually-hidden">
              {t('kiosk.releases.search')}
            </label>
            <input id="kiosk-release-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('kiosk.releases.search')} maxLength={200} />
            <button type="submit" className="button button--secondary button--large">
              {t('kiosk.releases.searchButton')}
            </button>
          </form>
          {items && items.length === 0 ? <p className="empty">{asked ? t('kiosk.releases.noMatch', { query: asked }) : t('kiosk.releases.empty')}</p> : null}
          {items && items.length > 0 ? (
            <div ref={listRef}>
              <ul className="kiosk-list" data-testid="kiosk-releases">
                {items.map((r) => (
                  <li key={r.id}>
                    <div>
                      <p className="kiosk-list__title">{r.title}</p>
                      <p className="kiosk-list__meta">
                        {calendarDate(r.releaseDate, zone, language)}
                        {r.number ? ` · ${r.number}` : ''}
                        {r.opdName ? ` · ${r.opdName}` : ''}
                      </p>
                      {r.snippet ? <p className="kiosk-list__snippet">{r.snippet.replace(/[«»]/g, '')}</p> : null}
                    </div>
                    <button type="button" className="button button--secondary" aria-label={t('kiosk.releases.readLabel', { title: r.title })} onClick={() => void read(r.id)}>
                      {t('kiosk.releases.read')}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
