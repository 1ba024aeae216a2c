import type { ContractState } from '../../../shared/media/types';
import type { ConsentState, OutletKind, PressCouncilStatus, Product, UkwLevel } from '../../../shared/media/vocabulary';
import type { MessageKey } from '../../i18n/messages-id';

export const KIND_KEY: Record<OutletKind, MessageKey> = {
  print: 'media.kind.print',
  online: 'media.kind.online',
  tv: 'media.kind.tv',
  radio: 'media.kind.radio',
  social: 'media.kind.social',
};
export const PRESS_KEY: Record<PressCouncilStatus, MessageKey> = {
  none: 'media.press.none',
  registered: 'media.press.registered',
  administrative: 'media.press.administrative',
  factual: 'media.press.factual',
};
export const UKW_KEY: Record<UkwLevel, MessageKey> = { muda: 'media.ukw.muda', madya: 'media.ukw.madya', utama: 'media.ukw.utama' };
export const CONSENT_KEY: Record<ConsentState, MessageKey> = { given: 'media.consent.given', withdrawn: 'media.consent.withdrawn', unknown: 'media.consent.unknown' };
export const PRODUCT_KEY: Record<Product, MessageKey> = {
  news: 'media.product.news',
  advertorial: 'media.product.advertorial',
  infotorial: 'media.product.infotorial',
  photo_gallery: 'media.product.photo_gallery',
  psa: 'media.product.psa',
  live: 'media.product.live',
};
export const STATE_KEY: Record<ContractState, MessageKey> = {
  running: 'media.contract.state.running',
  ended: 'media.contract.state.ended',
  upcoming: 'media.contract.state.upcoming',
  cancelled: 'media.contract.state.cancelled',
};

/** 2026-12-07 → 7/12/2026, the short Indonesian form. */
export function shortDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
}

export const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;

/** Today on this machine's calendar (not UTC's), as YYYY-MM-DD for date inputs. */
export function todayLocal(offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86400000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
