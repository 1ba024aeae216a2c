import { checkNumberPattern, NUMBER_PLACEHOLDERS } from '../../../shared/office/number-pattern';
import type { ZoneLabel } from '../../../shared/office/time-zones';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/use-t';
import { useNow } from '../status/use-now';
import { EXAMPLE_SEQ, patternProblem, previewReleaseNumber } from './number-preview';

interface NumberPatternFieldProps {
  value: string;
  onChange: (value: string) => void;
  unitCode: string;
  institutionCode: string;
  zone: ZoneLabel;
  /** The core's message from the last save; the live check below takes precedence while typing. */
  serverError?: string | undefined;
}

/** The release number pattern, checked as it is typed, with the number it would produce today. */
export function NumberPatternField({ value, onChange, unitCode, institutionCode, zone, serverError }: NumberPatternFieldProps) {
  const { t } = useT();
  const now = useNow();
  const liveError = patternProblem(checkNumberPattern(value), t);
  const preview = previewReleaseNumber({ pattern: value, unitCode, institutionCode, zone, now });
  return (
    <div className="number-pattern">
      <TextField
        label={t('office.numberPattern')}
        value={value}
        onChange={onChange}
        error={liveError ?? serverError}
        className="field--mono"
        spellCheck={false}
        autoComplete="off"
      />
      <p className="number-pattern__preview" aria-live="polite">
        <span className="number-pattern__preview-label">{t('office.numberPattern.preview')}:</span>{' '}
        {preview !== null ? (
          <>
            <output className="number-pattern__preview-value" data-testid="number-preview">
              {preview}
            </output>{' '}
            <span className="number-pattern__preview-hint">({t('office.numberPattern.previewHint', { seq: EXAMPLE_SEQ })})</span>
          </>
        ) : (
          <span className="number-pattern__preview-hint">—</span>
        )}
      </p>
      <details className="number-pattern__help">
        <summary>{t('office.numberPattern.placeholders')}</summary>
        <dl className="number-pattern__placeholders">
          {NUMBER_PLACEHOLDERS.map((name) => (
            <div key={name}>
              <dt>
                <code>{`{${name}}`}</code>
              </dt>
              <dd>{t(`placeholderName.${name}` as const)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
