import type { EmailStatus, ExclusionReason } from '../../../shared/distribution/model';
import { formatDate, formatDateTime, formatTime } from '../../../shared/format/dates';
import type { MessageKey } from '../../i18n/messages-id';
import { useT } from '../../i18n/use-t';
import { asZone } from '../office/office-form-values';
import { useOfficeStore } from '../office/office-store';

export const STATUS_KEY: Record<EmailStatus | 'handed', MessageKey> = {
  queued: 'distribution.status.queued',
  waiting_embargo: 'distribution.status.waiting_embargo',
  sending: 'distribution.status.sending',
  sent: 'distribution.status.sent',
  retrying: 'distribution.status.retrying',
  refused: 'distribution.status.refused',
  uncertain: 'distribution.status.uncertain',
  held: 'distribution.status.held',
  cancelled: 'distribution.status.cancelled',
  handed: 'distribution.status.handed',
};

/** Colour family of a status badge: done, waiting, needs a look, stopped. */
export const STATUS_TONE: Record<EmailStatus | 'handed', 'ok' | 'wait' | 'warn' | 'bad' | 'off'> = {
  queued: 'wait',
  waiting_embargo: 'wait',
  sending: 'wait',
  sent: 'ok',
  handed: 'ok',
  retrying: 'warn',
  uncertain: 'warn',
  refused: 'bad',
  held: 'off',
  cancelled: 'off',
};

export const REASON_KEY: Record<ExclusionReason, MessageKey> = {
  do_not_send: 'distribution.reason.do_not_send',
  no_address: 'distribution.reason.no_address',
  invalid_email: 'distribution.reason.invalid_email',
  invalid_whatsapp: 'distribution.reason.invalid_whatsapp',
  not_mobile: 'distribution.reason.not_mobile',
  duplicate: 'distribution.reason.duplicate',
};

export function StatusBadge({ status }: { status: EmailStatus | 'handed' }) {
  const { t } = useT();
  return <span className={`dist-status dist-status--${STATUS_TONE[status]}`}>{t(STATUS_KEY[status])}</span>;
}

/**
 * Date and time in the office's zone: long ("Senin, 7 Desember 2026 pukul 10.00 WIB") for
 * sentences, short ("7 Desember 2026 10.00 WIB") for tables; "—" for none.
 */
export function useWhen(form: 'long' | 'short' = 'short'): (iso: string | null | undefined) => string {
  const { language } = useT();
  const zone = asZone(useOfficeStore((s) => s.profile?.timeZone) ?? 'WIB');
  return (iso) => {
    if (!iso) return '—';
    const at = Date.parse(iso);
    return form === 'long' ? formatDateTime(at, zone, language) : `${formatDate(at, zone, language)} ${formatTime(at, zone, language)}`;
  };
}

export function formatBytes(bytes: number): string {
  return bytes >= 1e6 ? `${Number((bytes / 1e6).toFixed(1))} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}
