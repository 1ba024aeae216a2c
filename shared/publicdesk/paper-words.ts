/**
 * The words the desk's papers print (the PPID registers, the decision notice, the numbers
 * workbook) in Indonesian, the language of the office's documents whatever the screen's
 * language is. The same words the screen shows in Indonesian (renderer/features/publicdesk/messages).
 */
import type { Decision, DeskChannel, DeskKind } from './model';

export const RECEIVE_BY_WORDS: Record<string, string> = {
  see: 'Melihat',
  read: 'Membaca',
  listen: 'Mendengarkan',
  note: 'Mencatat',
  softcopy: 'Salinan elektronik (softcopy)',
  hardcopy: 'Salinan cetak (hardcopy)',
};

export const COPY_BY_WORDS: Record<string, string> = { pickup: 'Mengambil langsung', courier: 'Kurir', post: 'Pos', email: 'Email' };

export const DECISION_WORDS: Record<Decision, string> = { granted: 'Diberikan seluruhnya', partial: 'Diberikan sebagian', refused: 'Ditolak' };

export const KIND_WORDS: Record<DeskKind, string> = { complaint: 'Aduan', question: 'Pertanyaan', info_request: 'Permohonan informasi', objection: 'Keberatan' };

export const CHANNEL_WORDS: Record<DeskChannel, string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  x: 'X',
  tiktok: 'TikTok',
  whatsapp: 'WhatsApp',
  email: 'Email',
  phone: 'Telepon',
  letter: 'Surat',
  walk_in: 'Datang langsung',
  lapor: 'SP4N-LAPOR!',
};
