import { useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { Language } from '../../../shared/contract/methods';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';

const LANGUAGES: readonly Language[] = ['id', 'en'];

/** Two radio buttons; the choice applies at once and is stored for this machine (prefs.set). */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, language } = useT();
  const setLanguage = useLanguageStore((s) => s.setLanguage);
  const [error, setError] = useState<ErrorPayload | null>(null);
  return (
    <fieldset className={`language-switch${compact ? ' language-switch--compact' : ''}`}>
      <legend className={compact ? 'visually-hidden' : undefined}>{t('settings.language')}</legend>
      {!compact ? <p className="field__hint">{t('settings.language.hint')}</p> : null}
      <div className="segmented">
        {LANGUAGES.map((lang) => (
          <label key={lang} className="segmented__option">
            <input
              type="radio"
              name={compact ? 'language-compact' : 'language'}
              value={lang}
              checked={language === lang}
              onChange={() => void setLanguage(lang).then(setError)}
            />
            <span lang={lang}>{t(`settings.language.${lang}` as const)}</span>
          </label>
        ))}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
    </fieldset>
  );
}
