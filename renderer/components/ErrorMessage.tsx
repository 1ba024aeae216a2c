import { errorReason, splitBilingual, type ErrorPayload } from '../../shared/contract/errors';
import { errorMessages, reasonMessages } from '../i18n/error-messages';
import { useT } from '../i18n/use-t';

interface ErrorMessageProps {
  error: ErrorPayload;
  /** Replaces the per-code headline when the context says more (e.g. "the profile was not saved"). */
  headline?: string;
  /** False when the specifics are already shown elsewhere, e.g. next to each field. */
  showCoreMessage?: boolean;
}

/**
 * An error from the core in the user's language. The core's own message is Indonesian and
 * often more specific ("lebih dari 2 MB"), so Indonesian readers also see it as the detail.
 */
export function ErrorMessage({ error, headline, showCoreMessage = true }: ErrorMessageProps) {
  const { t, language } = useT();
  const reason = errorReason(error);
  const text = headline ?? (reason ? reasonMessages[language][reason] : errorMessages[language][error.code]);
  // A server's "Indonesian. (English.)" message: the Indonesian half only, on an Indonesian screen.
  const detail = splitBilingual(error.message).id;
  const showDetail = showCoreMessage && language === 'id' && detail && detail !== text;
  return (
    <div className="error-message" role="alert">
      <p className="error-message__headline">{text}</p>
      {showDetail ? (
        <p className="error-message__detail">
          {t('error.detail')} {detail}
        </p>
      ) : null}
    </div>
  );
}
