import { PageHeading } from './PageHeading';
import { useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/messages-id';

interface PlaceholderPageProps {
  titleKey: MessageKey;
  summaryKey: MessageKey;
  itemKeys: readonly MessageKey[];
}

/** An honest page for a section later versions build: what it will hold, and that it is not here yet. */
export function PlaceholderPage({ titleKey, summaryKey, itemKeys }: PlaceholderPageProps) {
  const { t } = useT();
  return (
    <section className="page page--placeholder" aria-labelledby="page-title">
      <PageHeading>{t(titleKey)}</PageHeading>
      <p className="placeholder__notice">{t('placeholder.notAvailable')}</p>
      <p className="placeholder__summary">{t(summaryKey)}</p>
      <p className="placeholder__will-hold">{t('placeholder.willHold')}</p>
      <ul className="placeholder__list">
        {itemKeys.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
    </section>
  );
}
