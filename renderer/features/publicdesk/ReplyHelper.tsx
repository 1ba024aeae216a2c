import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { whatsappLink } from '../../../shared/distribution/message';
import { whatsappDigits } from '../../../shared/media/phone';
import type { DeskItem } from '../../../shared/publicdesk/model';
import { platformsExceeded, type DeskTemplate } from '../../../shared/publicdesk/templates';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { useRepliesT } from './replies-messages';

const PLATFORM_NAMES = { x: 'X', instagram: 'Instagram', facebook: 'Facebook', tiktok: 'TikTok', whatsapp: 'WhatsApp' } as const;

/**
 * Beside the reply: fill it from one of the office's templates, see which platforms it is too long
 * for, and open WhatsApp's click-to-chat with it (wa.me, the officer presses send) when the
 * reporter gave a mobile number and consent. The link opens through the app's external-link path.
 */
export function ReplyHelper({ item, text, onFill }: { item: DeskItem; text: string; onFill: (text: string) => void }) {
  const { t } = useRepliesT();
  const [templates, setTemplates] = useState<DeskTemplate[]>([]);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);

  useEffect(() => {
    void call('publicdesk.templates.list', {}).then((r) => r.ok && setTemplates(r.value));
  }, []);

  async function fill() {
    setError(null);
    const r = await call('publicdesk.templates.fill', { templateId: chosen, itemId: item.id });
    if (r.ok) onFill(r.value.text);
    else setError(r.error);
  }

  const exceeded = platformsExceeded(text);
  const reachable = !item.anonymous && item.consent;
  const digits = reachable ? whatsappDigits(item.personPhone) : null;
  return (
    <div className="desk-reply-helper">
      {templates.length ? (
        <div className="desk-actions">
          <SelectField label={t('replies.use')} value={chosen} options={[{ value: '', label: t('replies.none') }, ...templates.map((x) => ({ value: x.id, label: x.name }))]} onChange={setChosen} />
          <button type="button" className="button" disabled={!chosen} onClick={() => void fill()}>
            {t('replies.fill')}
          </button>
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {exceeded.length ? <p className="field__error">{t('replies.exceeded', { platforms: exceeded.map((p) => PLATFORM_NAMES[p]).join(', ') })}</p> : null}
      {digits && text.trim() ? (
        <a className="button button--quiet" href={whatsappLink(digits, text)} target="_blank" rel="noopener noreferrer" data-testid="desk-whatsapp">
          {t('replies.whatsapp')}
        </a>
      ) : item.personPhone && reachable && !digits ? (
        <p className="field__hint">{t('replies.whatsapp.none')}</p>
      ) : item.personPhone && !reachable ? (
        <p className="field__hint">{t('replies.whatsapp.anonymous')}</p>
      ) : null}
    </div>
  );
}
