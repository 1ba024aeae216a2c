import { useEffect, useState } from 'react';
import { CARD_ENTRIES, CARD_SIZE_NAMES, CARD_SIZES, CARD_TEMPLATES, type CardEntry, type CardSize, type CardSpec, type CardTemplate } from '../../../shared/campaigns/cards';
import type { PlannedPost } from '../../../shared/campaigns/model';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { downloadBase64, downloadText } from '../agenda/download';
import { fieldErrors } from './field-errors';
import { useCampaignsT, type CampaignsKey } from './messages';

const blankEntries = (template: CardTemplate, keep: CardEntry[] = []): CardEntry[] =>
  Array.from({ length: Math.max(CARD_ENTRIES[template].min, Math.min(keep.length, CARD_ENTRIES[template].max)) }, (_, i) => keep[i] ?? { value: '', label: '' });

const EMPTY: CardSpec = { template: 'figure', title: '', entries: blankEntries('figure'), source: '' };

/** What the two boxes of an entry are called in each template. */
const ENTRY_WORDS: Record<CardTemplate, [CampaignsKey, CampaignsKey]> = {
  figure: ['campaigns.card.value', 'campaigns.card.label'],
  figures: ['campaigns.card.value', 'campaigns.card.label'],
  timeline: ['campaigns.card.when', 'campaigns.card.what'],
  quote: ['campaigns.card.quote', 'campaigns.card.speaker'],
};

/**
 * A post's infographic card: the template and the office's own figures or words, a live preview
 * drawn by the core (in the office identity, at the chosen platform size), PNG/SVG downloads, and
 * saving with the post (checked at every size its platform takes). Removing it can be undone.
 */
export function CardEditor({ post, editable, onChanged }: { post: PlannedPost; editable: boolean; onChanged(post: PlannedPost): void }) {
  const { t, language } = useCampaignsT();
  const [card, setCard] = useState<CardSpec>(post.card ?? EMPTY);
  const [open, setOpen] = useState(post.card !== null);
  const [size, setSize] = useState<CardSize>('square');
  const [preview, setPreview] = useState<{ png: string; svg: string; warnings: string[] } | null>(null);
  const [previewError, setPreviewError] = useState<ErrorPayload | null>(null);
  const [saveError, setSaveError] = useState<ErrorPayload | null>(null);
  const [removed, setRemoved] = useState<CardSpec | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(saveError ?? previewError, language);
  const dirty = JSON.stringify(card) !== JSON.stringify(post.card);

  // The preview follows the typing, a moment after it pauses; the core draws it (fonts, emblem).
  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(() => {
      void call('campaigns.cards.render', { card, size, handles: post.account ? [post.account] : [] }).then((r) => {
        if (!live) return;
        if (r.ok) {
          setPreview({ png: r.value.pngBase64, svg: r.value.svg, warnings: r.value.warnings });
          setPreviewError(null);
        } else setPreviewError(r.error);
      });
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [card, size, open, post.account]);

  const save = async (next: CardSpec | null) => {
    setBusy(true);
    const r = await call('campaigns.posts.card', { id: post.id, card: next });
    setBusy(false);
    if (!r.ok) return setSaveError(r.error);
    setSaveError(null);
    onChanged(r.value);
    return r.value;
  };

  const remove = async () => {
    const before = post.card;
    if ((await save(null)) && before) {
      setRemoved(before);
      setCard(EMPTY);
      setOpen(false);
    }
  };

  const undo = async () => {
    if (!removed) return;
    if (await save(removed)) {
      setCard(removed);
      setOpen(true);
      setRemoved(null);
    }
  };

  const setEntry = (i: number, part: keyof CardEntry, v: string) => setCard((c) => ({ ...c, entries: c.entries.map((e, j) => (j === i ? { ...e, [part]: v } : e)) }));
  const limits = CARD_ENTRIES[card.template];
  const [valueWord, labelWord] = ENTRY_WORDS[card.template];
  const fileBase = `kartu-${card.template}-${size}`;

  if (!open)
    return (
      <section className="campaigns-card" aria-label={t('campaigns.card.heading')}>
        <h3>{t('campaigns.card.heading')}</h3>
        {removed ? (
          <p className="notice" role="status">
            {t('campaigns.card.removed')}{' '}
            <button type="button" className="button button--quiet button--small" disabled={busy} onClick={() => void undo()}>
              {t('campaigns.undo')}
            </button>
          </p>
        ) : null}
        {editable ? (
          <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
            {t('campaigns.card.make')}
          </button>
        ) : (
          <p className="muted">{t('campaigns.card.none')}</p>
        )}
        {saveError ? <ErrorMessage error={saveError} /> : null}
      </section>
    );

  return (
    <section className="campaigns-card" aria-label={t('campaigns.card.heading')}>
      <h3>{t('campaigns.card.heading')}</h3>
      <fieldset disabled={!editable || busy} className="campaigns-plain">
        <SelectField<CardTemplate>
          label={t('campaigns.card.template')}
          value={card.template}
          onChange={(template) => setCard((c) => ({ ...c, template, entries: blankEntries(template, c.entries) }))}
          options={CARD_TEMPLATES.map((v) => ({ value: v, label: t(`campaigns.card.template.${v}` as CampaignsKey) }))}
        />
        <TextField label={t('campaigns.card.title')} value={card.title} onChange={(title) => setCard((c) => ({ ...c, title }))} error={errors['card.title']} maxLength={160} />
        {card.entries.map((e, i) => (
          <div className="campaigns-row" key={i}>
            <TextField
              label={`${t(valueWord)} ${card.entries.length > 1 ? i + 1 : ''}`.trim()}
              value={e.value}
              onChange={(v) => setEntry(i, 'value', v)}
              error={errors[`card.entries.${i}.value`]}
              multiline={card.template === 'quote'}
              maxLength={card.template === 'quote' ? 400 : 40}
            />
            <TextField label={t(labelWord)} value={e.label} onChange={(v) => setEntry(i, 'label', v)} error={errors[`card.entries.${i}.label`]} maxLength={160} />
          </div>
        ))}
        {limits.max > limits.min ? (
          <div className="campaigns-actions">
            <button type="button" className="button button--quiet button--small" disabled={card.entries.length >= limits.max} onClick={() => setCard((c) => ({ ...c, entries: [...c.entries, { value: '', label: '' }] }))}>
              {t('campaigns.card.addEntry')}
            </button>
            <button type="button" className="button button--quiet button--small" disabled={card.entries.length <= limits.min} onClick={() => setCard((c) => ({ ...c, entries: c.entries.slice(0, -1) }))}>
              {t('campaigns.card.dropEntry')}
            </button>
          </div>
        ) : null}
        {errors['card.entries'] ? <p className="field__error" role="alert">{errors['card.entries']}</p> : null}
        <TextField label={t('campaigns.card.source')} value={card.source} onChange={(source) => setCard((c) => ({ ...c, source }))} error={errors['card.source']} maxLength={160} placeholder="Sumber: …" />
      </fieldset>
      <SelectField<CardSize>
        label={t('campaigns.card.size')}
        value={size}
        onChange={setSize}
        options={CARD_SIZE_NAMES.map((s) => ({ value: s, label: `${t(`campaigns.card.size.${s}` as CampaignsKey)} (${CARD_SIZES[s].width}×${CARD_SIZES[s].height})` }))}
      />
      {preview ? (
        <figure className="campaigns-card__preview" data-testid="card-preview" aria-busy={busy}>
          <img src={`data:image/png;base64,${preview.png}`} alt={t('campaigns.card.previewAlt', { title: card.title || (card.entries[0]?.value ?? '') })} />
        </figure>
      ) : null}
      {preview?.warnings.map((w) => (
        <p key={w} className="notice" role="status">
          {w}
        </p>
      ))}
      {previewError && !Object.keys(errors).some((f) => f.startsWith('card.')) ? <ErrorMessage error={previewError} /> : null}
      <div className="campaigns-actions">
        {editable ? (
          <button type="button" className="button button--primary" disabled={busy || !dirty} onClick={() => void save(card)}>
            {t('campaigns.card.save')}
          </button>
        ) : null}
        <button type="button" className="button button--secondary button--small" disabled={!preview || previewError !== null} onClick={() => preview && downloadBase64(`${fileBase}.png`, 'image/png', preview.png)}>
          {t('campaigns.card.png')}
        </button>
        <button type="button" className="button button--secondary button--small" disabled={!preview || previewError !== null} onClick={() => preview && downloadText(`${fileBase}.svg`, 'image/svg+xml', preview.svg)}>
          {t('campaigns.card.svg')}
        </button>
        {editable && post.card ? (
          <button type="button" className="button button--quiet button--small" disabled={busy} onClick={() => void remove()}>
            {t('campaigns.card.remove')}
          </button>
        ) : null}
      </div>
      {saveError && !Object.keys(fieldErrors(saveError, language)).some((f) => f.startsWith('card.')) ? <ErrorMessage error={saveError} /> : null}
    </section>
  );
}
