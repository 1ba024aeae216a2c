import { useEffect, useId, useState } from 'react';
import type { DistributionList, Journalist } from '../../../shared/media/types';
import { call } from '../../api/client';
import { useT } from '../../i18n/use-t';
import type { ChosenPerson, ComposeChoice } from './compose-choice';

interface Props {
  choice: ComposeChoice;
  onChange: (patch: Partial<ComposeChoice>) => void;
}

/** Distribution lists as checkboxes, and individual journalists found by search. */
export function RecipientPicker({ choice, onChange }: Props) {
  const { t } = useT();
  const [lists, setLists] = useState<DistributionList[] | null>(null);
  useEffect(() => {
    void call('media.lists.list', {}).then((r) => setLists(r.ok ? r.value : []));
  }, []);

  function toggleList(id: string, on: boolean) {
    onChange({ listIds: on ? [...choice.listIds, id] : choice.listIds.filter((x) => x !== id) });
  }

  return (
    <>
      <fieldset className="dist-fieldset">
        <legend>{t('distribution.compose.lists')}</legend>
        {lists && lists.length === 0 ? <p className="dist-note">{t('distribution.compose.noLists')}</p> : null}
        <div className="dist-checks">
          {(lists ?? []).map((l) => (
            <label key={l.id}>
              <input type="checkbox" checked={choice.listIds.includes(l.id)} onChange={(e) => toggleList(l.id, e.target.checked)} /> {l.name}
            </label>
          ))}
        </div>
      </fieldset>
      <PeopleSearch people={choice.people} onChange={(people) => onChange({ people })} />
    </>
  );
}

function PeopleSearch({ people, onChange }: { people: ChosenPerson[]; onChange: (people: ChosenPerson[]) => void }) {
  const { t } = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Journalist[] | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setFound(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void call('media.journalists.list', { query: q }).then((r) => live && setFound(r.ok ? r.value.filter((j) => !j.erasedAt).slice(0, 8) : []));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  const chosen = new Set(people.map((p) => p.id));
  return (
    <fieldset className="dist-fieldset">
      <legend>{t('distribution.compose.people')}</legend>
      <div className="field">
        <label htmlFor={id} className="field__label">
          {t('distribution.compose.search')}
        </label>
        <input id={id} type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby={`${id}-hint`} autoComplete="off" />
        <p id={`${id}-hint`} className="field__hint">
          {t('distribution.compose.search.hint')}
        </p>
      </div>
      {found ? (
        found.length === 0 ? (
          <p className="dist-note">{t('distribution.compose.search.none')}</p>
        ) : (
          <ul className="dist-found" aria-label={t('distribution.compose.search')}>
            {found.map((j) => (
              <li key={j.id}>
                <span>
                  {j.name} <span className="dist-faint">· {j.outletName || '—'}</span>
                </span>
                <button
                  type="button"
                  className="button button--small button--secondary"
                  disabled={chosen.has(j.id)}
                  aria-label={`${t('distribution.compose.add')} ${j.name}`}
                  onClick={() => onChange([...people, { id: j.id, name: j.name, outletName: j.outletName }])}
                >
                  {t('distribution.compose.add')}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {people.length ? (
        <p className="dist-chips">
          <span>{t('distribution.compose.chosen')}</span>
          {people.map((p) => (
            <span key={p.id} className="dist-chip">
              {p.name}
              <button type="button" aria-label={t('distribution.compose.remove', { name: p.name })} onClick={() => onChange(people.filter((x) => x.id !== p.id))}>
                ×
              </button>
            </span>
          ))}
        </p>
      ) : null}
    </fieldset>
  );
}
