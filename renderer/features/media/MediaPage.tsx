import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { Journalist, OutletRow, SearchHit } from '../../../shared/media/types';
import { OUTLET_KINDS, PRESS_COUNCIL_STATUSES } from '../../../shared/media/vocabulary';
import { call, onEvent } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useT, type Translate } from '../../i18n/use-t';
import { ContractForm, ContractPanel, ContractsView } from './ContractsView';
import { saveFile } from './download';
import { ImportWizard } from './ImportWizard';
import { JournalistForm, JournalistPanel } from './JournalistPanel';
import { CONSENT_KEY, KIND_KEY, PRESS_KEY, UKW_KEY, shortDate, todayLocal } from './labels';
import { ImportHistory, ListsView } from './ListsView';
import { EMPTY_FILTER, useMediaStore, type MediaTab } from './media-store';
import { OutletForm } from './OutletForm';
import { OutletPanel } from './OutletPanel';
import { VirtualTable, type Column } from './VirtualTable';
import './media.css';
import { Notice } from '../../components/Notice';

const TABS: { id: MediaTab; key: 'media.tab.outlets' | 'media.tab.journalists' | 'media.tab.contracts' | 'media.tab.lists' | 'media.tab.imports' }[] = [
  { id: 'outlets', key: 'media.tab.outlets' },
  { id: 'journalists', key: 'media.tab.journalists' },
  { id: 'contracts', key: 'media.tab.contracts' },
  { id: 'lists', key: 'media.tab.lists' },
  { id: 'imports', key: 'media.tab.imports' },
];

/** Kerja Sama Media: the partner directory, contracts and proof of publication, lists, imports. */
export function MediaPage() {
  const { t } = useT();
  const s = useMediaStore();
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [notice, setNotice] = useState('');
  const [withPersonal, setWithPersonal] = useState(false);

  useEffect(() => {
    void useMediaStore.getState().load();
    // A long import commits a chunk every few tens of milliseconds: reload once things settle,
    // not after every chunk (each reload would fetch the whole directory again).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onEvent('data.changed', ({ tables }) => {
      if (!tables.some((x) => x.startsWith('media_'))) return;
      clearTimeout(timer);
      timer = setTimeout(() => useMediaStore.getState().changed(), 300);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => void useMediaStore.getState().search(), 200);
    return () => clearTimeout(timer);
  }, [s.query]);

  async function exportAs(format: 'csv' | 'xlsx') {
    const kind = s.tab === 'journalists' ? 'journalists' : 'outlets';
    const r = await call('media.export', { kind, format, ...(kind === 'outlets' ? { filter: s.filter } : { includePersonal: withPersonal }) });
    if (!r.ok) return setError(r.error);
    saveFile(r.value);
    setNotice(t('media.export.done', { rows: r.value.rows, file: r.value.fileName }));
  }

  async function saveFilterAsList(name: string): Promise<boolean> {
    const r = await call('media.lists.save', { name: name.trim(), kind: 'filter', filter: s.filter });
    if (r.ok) setNotice(t('media.lists.saved', { name: r.value.name }));
    else setError(r.error);
    return r.ok;
  }

  const sel = s.selection;
  const panel =
    sel?.kind === 'outlet' ? <OutletPanel id={sel.id} />
    : sel?.kind === 'journalist' ? <JournalistPanel id={sel.id} />
    : sel?.kind === 'contract' ? <ContractPanel id={sel.id} />
    : sel?.kind === 'newOutlet' ? <OutletForm outlet={null} onDone={(o) => s.select(o ? { kind: 'outlet', id: o.id } : null)} />
    : sel?.kind === 'newJournalist' ? <JournalistForm person={null} personal={null} onDone={() => undefined} />
    : sel?.kind === 'newContract' ? <ContractForm contract={null} onDone={() => undefined} />
    : null;
  const importing = sel?.kind === 'import';
  const filtered = JSON.stringify(s.filter) !== JSON.stringify(EMPTY_FILTER);

  return (
    <section className="page media-page" aria-labelledby="page-title">
      <PageHeading>{t('media.title')}</PageHeading>
      <p className="media-page__intro">{t('media.intro')}</p>
      <div className="media-tabs" role="tablist" aria-label={t('media.tabs.label')}>
        {TABS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`media-tab-${tab.id}`}
            aria-selected={s.tab === tab.id}
            aria-controls="media-tabpanel"
            tabIndex={s.tab === tab.id ? 0 : -1}
            onClick={() => s.setTab(tab.id)}
            onKeyDown={(e) => {
              // Arrow keys move between tabs (WAI-ARIA tabs pattern); Tab goes on into the panel.
              const i = TABS.findIndex((x) => x.id === tab.id);
              const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i - 1 + TABS.length) % TABS.length : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1;
              if (next < 0) return;
              e.preventDefault();
              const id = (TABS[next] as (typeof TABS)[number]).id;
              s.setTab(id);
              document.getElementById(`media-tab-${id}`)?.focus();
            }}
          >
            {t(tab.key)}
          </button>
        ))}
      </div>

      <div id="media-tabpanel" role="tabpanel" aria-labelledby={`media-tab-${s.tab}`}>
        {s.tab === 'outlets' || s.tab === 'journalists' ? (
          <>
            <div className="media-toolbar">
              <TextField label={t('media.search')} hint={t('media.search.hint')} type="search" value={s.query} onChange={s.setQuery} />
              <div className="media-toolbar__actions">
                <button type="button" className="button button--primary" onClick={() => s.select({ kind: s.tab === 'journalists' ? 'newJournalist' : 'newOutlet' })}>
                  {s.tab === 'journalists' ? t('media.addJournalist') : t('media.add')}
                </button>
                <button type="button" className="button button--secondary" onClick={() => s.select({ kind: 'import' })}>{t('media.import')}</button>
                <button type="button" className="button button--secondary" onClick={() => void exportAs('xlsx')}>{t('media.export.xlsx')}</button>
                <button type="button" className="button button--secondary" onClick={() => void exportAs('csv')}>{t('media.export.csv')}</button>
                {s.tab === 'journalists' ? (
                  <label className="checkbox">
                    <input type="checkbox" checked={withPersonal} onChange={(e) => setWithPersonal(e.target.checked)} /> {t('media.export.personal')}
                  </label>
                ) : null}
              </div>
            </div>
            {s.hits.length > 0 ? (
              <ul className="search-hits" aria-label={t('media.search.results')}>
                {s.hits.map((h) => (
                  <li key={h.id}>
                    <button type="button" onClick={() => s.select({ kind: h.kind, id: h.id })}>
                      {h.name}
                      <small>{h.detail}{h.fuzzy ? ` · ${t('media.search.fuzzy')}` : ''}</small>
                    </button>
                  </li>
                ))}
              </ul>
            ) : s.query.trim() ? <p className="media-count">{t('media.search.none', { query: s.query })}</p> : null}
          </>
        ) : null}

        {notice ? (
          <Notice dismiss={{ label: t('media.close'), onClick: () => setNotice('') }}>{notice}</Notice>
        ) : null}
        {s.lastDeleted ? (
          <Notice action={{ label: t('media.undo'), onClick: () => void s.restore() }} dismiss={{ label: t('media.close'), onClick: () => s.deleted(null) }}>
            {t('media.deleted', { name: s.lastDeleted.name })}
          </Notice>
        ) : null}
        {error ? <ErrorMessage error={error} /> : null}
        {importing ? <ImportWizard /> : null}

        {!importing ? (
          <div className={`media-layout${panel ? ' media-layout--with-panel' : ''}`}>
            <div>
              {s.tab === 'outlets' ? <OutletsTab filtered={filtered} onSaveList={saveFilterAsList} /> : null}
              {s.tab === 'journalists' ? <JournalistsTab /> : null}
              {s.tab === 'contracts' ? <ContractsView /> : null}
              {s.tab === 'lists' ? <ListsView /> : null}
              {s.tab === 'imports' ? <ImportHistory /> : null}
            </div>
            {panel ? (
              <aside className="media-panel" aria-labelledby="media-panel-title" onKeyDown={(e) => e.key === 'Escape' && s.select(null)}>
                {panel}
              </aside>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}

function OutletsTab({ filtered, onSaveList }: { filtered: boolean; onSaveList: (name: string) => Promise<boolean> }) {
  const { t } = useT();
  const s = useMediaStore();
  const [listName, setListName] = useState<string | null>(null);
  const columns: Column<OutletRow>[] = [
    { key: 'name', label: t('media.col.name'), sortKey: 'name', width: 'minmax(12rem, 2.2fr)', render: (o) => o.name },
    { key: 'kind', label: t('media.col.kind'), sortKey: 'kind', width: '7rem', render: (o) => (o.kind ? t(KIND_KEY[o.kind]) : '—') },
    { key: 'region', label: t('media.col.region'), sortKey: 'region', width: 'minmax(8rem, 1.2fr)', render: (o) => o.region },
    { key: 'press', label: t('media.col.press'), sortKey: 'pressCouncilStatus', width: '13rem', render: (o) => <span className={`badge badge--${o.pressCouncilStatus}`}>{t(PRESS_KEY[o.pressCouncilStatus])}</span> },
    { key: 'chief', label: t('media.col.chief'), width: 'minmax(8rem, 1.2fr)', render: (o) => o.editorInChief },
    { key: 'journalists', label: t('media.col.journalists'), sortKey: 'journalistCount', width: '6.5rem', render: (o) => o.journalistCount },
    { key: 'contract', label: t('media.col.contract'), width: '7rem', render: (o) => (o.contract === 'running' ? <span className="badge badge--running">{t('media.contract.running')}</span> : '—') },
  ];
  return (
    <>
      <div className="media-filters" aria-label={t('media.filters')} role="group">
        <SelectField label={t('media.filter.kind')} value={s.filter.kinds.join(',')} onChange={(v) => s.setFilter({ kinds: v ? (v.split(',') as typeof s.filter.kinds) : [] })}
          options={[{ value: '', label: t('media.filter.all') }, ...OUTLET_KINDS.map((k) => ({ value: k, label: t(KIND_KEY[k]) })), { value: 'tv,radio', label: `${t('media.kind.tv')} + ${t('media.kind.radio')}` }]} />
        <SelectField label={t('media.filter.press')} value={s.filter.pressCouncil.join(',')} onChange={(v) => s.setFilter({ pressCouncil: v ? (v.split(',') as typeof s.filter.pressCouncil) : [] })}
          options={[{ value: '', label: t('media.filter.all') }, { value: 'administrative,factual', label: `${t('media.press.administrative')} / ${t('media.press.factual')}` }, ...PRESS_COUNCIL_STATUSES.map((p) => ({ value: p, label: t(PRESS_KEY[p]) }))]} />
        <SelectField label={t('media.filter.region')} value={s.filter.region} onChange={(v) => s.setFilter({ region: v })} options={[{ value: '', label: t('media.filter.all') }, ...s.regions.map((r) => ({ value: r, label: r }))]} />
        <SelectField label={t('media.filter.contract')} value={s.filter.contract} onChange={(v) => s.setFilter({ contract: v })}
          options={[{ value: 'any', label: t('media.filter.all') }, { value: 'running', label: t('media.filter.contractRunning') }, { value: 'none', label: t('media.filter.contractNone') }]} />
        {filtered ? (
          <>
            <button type="button" className="button button--quiet button--small" onClick={() => s.setFilter(EMPTY_FILTER)}>{t('media.filter.reset')}</button>
            {listName === null ? (
              <button type="button" className="button button--secondary button--small" onClick={() => setListName('')}>{t('media.filter.saveAsList')}</button>
            ) : (
              <form className="media-filters" aria-label={t('media.filter.saveAsList')} onSubmit={(e) => { e.preventDefault(); if (listName.trim()) void onSaveList(listName).then((ok) => ok && setListName(null)); }}>
                <TextField label={t('media.lists.name')} value={listName} onChange={setListName} autoFocus />
                <button type="submit" className="button button--primary button--small">{t('media.save')}</button>
                <button type="button" className="button button--quiet button--small" onClick={() => setListName(null)}>{t('media.cancel')}</button>
              </form>
            )}
          </>
        ) : null}
      </div>
      {s.status === 'loading' || s.status === 'idle' ? <p>{t('media.loading')}</p> : null}
      {s.status === 'failed' && s.error ? <ErrorMessage error={s.error} /> : null}
      {s.status === 'ready' && s.total === 0 ? <p className="empty">{t('media.empty')}</p> : null}
      {s.status === 'ready' && s.total > 0 ? (
        <>
          <p className="media-count" role="status">
            {t('media.count', { shown: s.outlets.length, total: s.total })}
            {s.query.trim() && s.outlets.length === 0 ? ` ${otherMatches(t, 'journalist', s.query, s.hits)}` : ''}
          </p>
          {s.outlets.length === 0 ? <p className="empty">{t('media.emptyFiltered')}</p> : (
            <VirtualTable
              label={t('media.tab.outlets')}
              testId="outlet-table"
              rows={s.outlets}
              columns={columns}
              rowKey={(o) => o.id}
              rowLabel={(o) => o.name}
              onOpen={(o) => s.select({ kind: 'outlet', id: o.id })}
              sort={s.sort}
              dir={s.dir}
              onSort={(k) => s.setSort(k as typeof s.sort)}
            />
          )}
        </>
      ) : null}
    </>
  );
}

/**
 * What the search found when this tab shows nothing: "0 journalists" alone reads as "nothing
 * matches" while an outlet did (or the other way round). Says what matched instead.
 */
function otherMatches(t: Translate, kind: 'outlet' | 'journalist', query: string, hits: readonly SearchHit[]): string {
  const other = hits.filter((h) => h.kind === kind);
  if (!other.length) return '';
  const names = other.slice(0, 3).map((h) => h.name).join(', ') + (other.length > 3 ? ', …' : '');
  return kind === 'outlet' ? t('media.search.onlyOutlets', { query, count: other.length, names }) : t('media.search.onlyJournalists', { query, count: other.length, names });
}

function journalistCount(t: Translate, shown: number, query: string, hits: readonly SearchHit[]): string {
  if (shown > 0 || !query.trim()) return t('media.countJournalists', { shown });
  return otherMatches(t, 'outlet', query, hits) || t('media.countJournalists', { shown });
}

function JournalistsTab() {
  const { t } = useT();
  const s = useMediaStore();
  const today = todayLocal();
  const soon = todayLocal(60);
  const columns: Column<Journalist>[] = [
    { key: 'name', label: t('media.col.person'), sortKey: 'name', width: 'minmax(11rem, 1.6fr)', render: (j) => j.name },
    { key: 'outlet', label: t('media.col.outlet'), sortKey: 'outletName', width: 'minmax(10rem, 1.5fr)', render: (j) => j.outletName },
    { key: 'beat', label: t('media.col.beat'), sortKey: 'beat', width: 'minmax(7rem, 1fr)', render: (j) => j.beat },
    { key: 'ukw', label: t('media.col.ukw'), sortKey: 'ukwLevel', width: '7rem', render: (j) => (j.ukwLevel ? t(UKW_KEY[j.ukwLevel]) : '—') },
    {
      key: 'until', label: t('media.col.ukwUntil'), sortKey: 'ukwValidUntil', width: '10rem',
      render: (j) => (j.ukwValidUntil ? <>{shortDate(j.ukwValidUntil)} {j.ukwValidUntil <= soon ? <span className={`badge ${j.ukwValidUntil < today ? 'badge--danger' : 'badge--warn'}`}>{t('media.ukw.expiring')}</span> : null}</> : '—'),
    },
    { key: 'consent', label: t('media.col.consent'), width: '9rem', render: (j) => t(CONSENT_KEY[j.consent]) },
  ];
  return (
    <>
      <div className="media-filters" role="group" aria-label={t('media.filters')}>
        <TextField label={t('media.filter.ukw')} type="number" min={0} value={s.ukwDays === null ? '' : String(s.ukwDays)} onChange={(v) => s.setUkwDays(v === '' ? null : Math.max(0, Math.min(3650, Number(v) || 0)))} />
      </div>
      <p className="media-count" role="status">{journalistCount(t, s.journalists.length, s.query, s.hits)}</p>
      <VirtualTable
        label={t('media.tab.journalists')}
        testId="journalist-table"
        rows={s.journalists}
        columns={columns}
        rowKey={(j) => j.id}
        rowLabel={(j) => j.name}
        onOpen={(j) => s.select({ kind: 'journalist', id: j.id })}
        sort={s.jSort}
        dir={s.jDir}
        onSort={(k) => s.setJSort(k as typeof s.jSort)}
      />
    </>
  );
}
