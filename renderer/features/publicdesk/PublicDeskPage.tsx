import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { DeskBoard, DeskPartBoard } from '../../../shared/publicdesk/model';
import { call, onEvent } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeading } from '../../components/PageHeading';
import { useCan } from '../people/session-store';
import { DaysLeft } from './DaysLeft';
import { DeskForm } from './DeskForm';
import { DeadlineSettingsForm } from './DeadlineSettingsForm';
import { DeskItemView } from './DeskItemView';
import { DeskPapers } from './DeskPapers';
import { DeskNumbers } from './DeskNumbers';
import { ReplyTemplates } from './ReplyTemplates';
import { useRepliesT } from './replies-messages';
import { useNumbersT } from './numbers-messages';
import { useNavigation } from '../../app/navigation-store';
import { useDeskT } from './messages';
import { OpdParts } from './OpdParts';
import { usePapersT } from './papers-messages';
import './publicdesk.css';

const TABLES = ['publicdesk_items', 'publicdesk_parts', 'publicdesk_history', 'publicdesk_files'];
type Due = 'all' | 'today' | 'late';

/**
 * Aduan & Permohonan Informasi: at the office, the desk's inbox with the deadline board (due
 * today, late); on an OPD contributor's computer, its own OPD's dispositions to answer.
 */
export function PublicDeskPage() {
  const { t } = useDeskT();
  const { t: tp } = usePapersT();
  const manage = useCan('publicdesk.manage');
  const [version, setVersion] = useState(0);
  const [parts, setParts] = useState<DeskPartBoard | null>(null);
  const [board, setBoard] = useState<DeskBoard | null>(null);
  const [filter, setFilter] = useState<{ due: Due; query: string }>({ due: 'all', query: '' });
  const { t: tr } = useRepliesT();
  const { t: tn } = useNumbersT();
  const [view, setView] = useState<{ kind: 'list' } | { kind: 'new' } | { kind: 'settings' } | { kind: 'papers' } | { kind: 'templates' } | { kind: 'numbers' } | { kind: 'open'; id: string }>({ kind: 'list' });
  // A clicked deadline reminder (an OS notification) opens its item.
  const target = useNavigation((s) => s.target);
  useEffect(() => {
    if (target?.section !== 'publicdesk') return;
    if (manage) setView({ kind: 'open', id: target.id });
    useNavigation.getState().clearTarget();
  }, [target, manage]);
  const [error, setError] = useState<ErrorPayload | null>(null);

  useEffect(() => onEvent('data.changed', ({ tables }) => tables.some((x) => TABLES.includes(x)) && setVersion((n) => n + 1)), []);
  useEffect(() => {
    void call('publicdesk.parts', { status: 'all' }).then((r) => (r.ok ? setParts(r.value) : setError(r.error)));
  }, [version]);
  const desk = manage && parts !== null && parts.boundOpd === null;
  // What is past its deadline is marked once when the desk opens (the board and the audit log show it).
  useEffect(() => {
    if (desk) void call('publicdesk.escalate', {});
  }, [desk]);
  useEffect(() => {
    if (!desk) return;
    let live = true;
    void call('publicdesk.list', { due: filter.due, query: filter.query }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setBoard(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [desk, filter, version]);

  return (
    <section className="page publicdesk" aria-labelledby="page-title">
      <PageHeading>{t('desk.title')}</PageHeading>
      <p className="settings-section__intro">{parts?.boundOpd ? t('desk.intro.opd', { opd: parts.boundOpd.name || parts.boundOpd.id }) : t('desk.intro')}</p>
      {error ? <ErrorMessage error={error} /> : null}
      {parts && !desk ? <OpdParts board={parts} onChanged={() => setVersion((n) => n + 1)} /> : null}
      {desk && view.kind === 'new' ? <DeskForm onDone={(item) => setView({ kind: 'open', id: item.id })} onCancel={() => setView({ kind: 'list' })} /> : null}
      {desk && view.kind === 'settings' ? <DeadlineSettingsForm onClose={() => setView({ kind: 'list' })} /> : null}
      {desk && view.kind === 'papers' ? <DeskPapers onClose={() => setView({ kind: 'list' })} /> : null}
      {desk && view.kind === 'templates' ? <ReplyTemplates onClose={() => setView({ kind: 'list' })} /> : null}
      {desk && view.kind === 'numbers' ? <DeskNumbers onClose={() => setView({ kind: 'list' })} /> : null}
      {desk && view.kind === 'open' ? <DeskItemView id={view.id} version={version} onBack={() => setView({ kind: 'list' })} onOpen={(id) => setView({ kind: 'open', id })} /> : null}
      {desk && view.kind === 'list' && board ? (
        <>
          <div className="desk-board" role="search">
            {(
              [
                ['all', t('desk.board.all', { n: board.total })],
                ['today', t('desk.board.today', { n: board.dueToday })],
                ['late', t('desk.board.late', { n: board.late })],
              ] as const
            ).map(([due, label]) => (
              <button key={due} type="button" className="button" aria-pressed={filter.due === due} onClick={() => setFilter({ ...filter, due })}>
                {label}
              </button>
            ))}
            <input type="search" aria-label={t('desk.search')} placeholder={t('desk.search')} maxLength={200} value={filter.query} onChange={(e) => setFilter({ ...filter, query: e.target.value })} />
            <button type="button" className="button button--primary" onClick={() => setView({ kind: 'new' })}>
              {t('desk.new')}
            </button>
            <button type="button" className="button" onClick={() => setView({ kind: 'settings' })}>
              {t('desk.settings.open')}
            </button>
            <button type="button" className="button" onClick={() => setView({ kind: 'papers' })}>
              {tp('papers.open')}
            </button>
            <button type="button" className="button" onClick={() => setView({ kind: 'templates' })}>
              {tr('replies.open')}
            </button>
            <button type="button" className="button" onClick={() => setView({ kind: 'numbers' })}>
              {tn('numbers.open')}
            </button>
          </div>
          {board.items.length === 0 ? (
            <p className="empty">{t('desk.empty')}</p>
          ) : (
            <table className="table" data-testid="desk-table">
              <thead>
                <tr>
                  <th scope="col">{t('desk.col.number')}</th>
                  <th scope="col">{t('desk.col.kind')}</th>
                  <th scope="col">{t('desk.col.channel')}</th>
                  <th scope="col">{t('desk.col.text')}</th>
                  <th scope="col">{t('desk.col.person')}</th>
                  <th scope="col">{t('desk.col.status')}</th>
                  <th scope="col">{t('desk.col.due')}</th>
                </tr>
              </thead>
              <tbody>
                {board.items.map((i) => (
                  <tr key={i.id}>
                    <td>{i.number}</td>
                    <td>{t(`desk.kind.${i.kind}`)}</td>
                    <td>{t(`desk.channel.${i.channel}`)}</td>
                    <td>
                      <button type="button" className="link-button" onClick={() => setView({ kind: 'open', id: i.id })}>
                        {i.excerpt || i.number}
                      </button>
                    </td>
                    <td>{i.personLabel === 'Anonim' ? t('desk.anonymous') : i.personLabel}</td>
                    <td>
                      {t(`desk.status.${i.status}`)}
                      {i.escalatedAt ? ` · ${t('desk.escalated')}` : ''}
                    </td>
                    <td>
                      <DaysLeft view={i} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
    </section>
  );
}
