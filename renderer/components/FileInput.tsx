import { useRef, useState } from 'react';
import { useT } from '../i18n/use-t';

interface FileInputProps {
  id: string;
  accept: string;
  onFile(file: File | undefined): void;
  describedBy?: string;
  disabled?: boolean;
}

/**
 * A file field in the app's language. The browser's own button reads in its UI language
 * ("Choose File", "No file chosen") whatever the page says; here the native input stays for the
 * keyboard, the label and assistive technology (visually hidden, still focusable), and a
 * "Pilih berkas" button with the chosen name is what the eye sees. The button is not a second
 * label, so the field keeps the one name its label gives.
 */
export function FileInput({ id, accept, onFile, describedBy, disabled }: FileInputProps) {
  const { t } = useT();
  const ref = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  return (
    <span className="file-input">
      <input
        ref={ref}
        id={id}
        type="file"
        className="visually-hidden-input"
        accept={accept}
        aria-describedby={describedBy}
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          setName(file?.name ?? '');
          // Emptied, so choosing the same file again (after fixing it) is a change too.
          e.target.value = '';
          onFile(file);
        }}
      />
      <button type="button" className="button button--secondary button--small file-input__button" tabIndex={-1} aria-hidden="true" disabled={disabled} onClick={() => ref.current?.click()}>
        {t('file.choose')}
      </button>
      <span className="file-input__name" aria-hidden="true">
        {name || t('file.none')}
      </span>
    </span>
  );
}
