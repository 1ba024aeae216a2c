import { useId, type InputHTMLAttributes, type Ref } from 'react';
import { useT } from '../i18n/use-t';
import { DateTimeInput } from './DateTimeInput';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  multiline?: boolean;
  /** The input (a form moves the focus to a field it refuses). */
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input whose hint and error are announced with it (aria-describedby). */
export function TextField({ label, value, onChange, hint, error, required, multiline, className, type, ...rest }: TextFieldProps) {
  const { t } = useT();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': required ? true : undefined,
  } as const;
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {required ? <span className="field__required"> ({t('office.required')})</span> : null}
      </label>
      {multiline ? (
        <textarea {...common} rows={2} onChange={(e) => onChange(e.target.value)} />
      ) : type === 'date' || type === 'time' ? (
        // The app's own field: the browser's follows its UI language, not the app's.
        <DateTimeInput {...rest} {...common} kind={type === 'date' ? 'date' : 'time'} onChange={onChange} />
      ) : (
        <input type={type ?? 'text'} {...rest} {...common} onChange={(e) => onChange(e.target.value)} />
      )}
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
