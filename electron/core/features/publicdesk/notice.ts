/**
 * The written notice of the PPID's decision (*pemberitahuan tertulis*, UU 14/2008 pasal 22 ayat 7;
 * form of Perki 1/2021) for one information request: to the requester, what was asked and for
 * what, the decision with the exemption's legal basis when refused in whole or in part, how the
 * information is received and a copy delivered, the fee, and the right to object. Only a decided
 * request has a notice. Printed by notice-paper.ts.
 */
import { dateKey } from '../../../../shared/agenda/zones';
import { WartaError } from '../../../../shared/contract/errors';
import { formatDateKey } from '../../../../shared/format/dates';
import type { Decision } from '../../../../shared/publicdesk/model';
import { COPY_BY_WORDS, DECISION_WORDS, RECEIVE_BY_WORDS } from '../../../../shared/publicdesk/paper-words';
import type { CoreContext } from '../../rpc/handler-types';
import { officeZone } from '../agenda/settings';
import { readOfficeProfile } from '../office/handlers';
import { numberOf, readItemRow } from './rows';

export interface DecisionNotice {
  title: string;
  number: string;
  intro: string;
  /** Label and value, in the order the form gives them. */
  fields: [string, string][];
  closing: string[];
  /** "Sukamaju, 21 Desember 2026". */
  placeDate: string;
  signerTitle: string;
}

const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;

export function decisionNotice(ctx: CoreContext, id: string): DecisionNotice {
  const r = readItemRow(ctx, id);
  const number = numberOf(r);
  if (r.kind !== 'info_request')
    throw new WartaError('conflict', `Pemberitahuan tertulis hanya untuk permohonan informasi; ${number || 'item ini'} bukan permohonan informasi. (A written notice is only for an information request.)`, { id });
  if (!r.decision || !r.decided_at)
    throw new WartaError('conflict', `Permohonan ${number} belum diputuskan: simpan keputusan PPID dahulu. (The request has no decision yet.)`, { id, field: 'decision' });
  const zone = officeZone(ctx);
  const decision = r.decision as Decision;
  const decidedKey = dateKey(Date.parse(r.decided_at), zone);
  const contact = [r.person_phone, r.person_email].filter((s) => s && s.trim() !== '').join(', ');
  const fields: [string, string][] = [
    ['Nomor pendaftaran', number],
    ['Tanggal permohonan', r.received_date ? formatDateKey(r.received_date) : ''],
    ['Nama pemohon', r.person_name ?? ''],
    ['Alamat', r.person_address ?? ''],
    ['Nomor telepon / email', contact],
    ['Informasi yang diminta', r.body ?? ''],
    ['Tujuan penggunaan informasi', r.purpose ?? ''],
    ['Keputusan', DECISION_WORDS[decision] ?? decision],
  ];
  if (decision !== 'granted') fields.push(['Dasar hukum pengecualian', r.exemption_basis ?? '']);
  if (decision !== 'refused') {
    fields.push(['Cara memperoleh informasi', RECEIVE_BY_WORDS[r.receive_by ?? ''] ?? '-']);
    fields.push(['Cara mendapatkan salinan', COPY_BY_WORDS[r.copy_by ?? ''] ?? '-']);
    fields.push(['Biaya', r.fee ? rupiah(r.fee) : 'Tanpa biaya']);
  }
  fields.push(['Tanggal keputusan', formatDateKey(decidedKey)]);
  const closing =
    decision === 'granted'
      ? []
      : [
          'Apabila Saudara keberatan atas keputusan ini, Saudara dapat mengajukan keberatan secara tertulis kepada atasan PPID paling lambat 30 (tiga puluh) hari kerja sejak diterimanya pemberitahuan ini (UU 14/2008 pasal 35 dan pasal 36 ayat 1).',
        ];
  const city = readOfficeProfile(ctx)?.city ?? '';
  return {
    title: 'PEMBERITAHUAN TERTULIS',
    number,
    intro: `Berdasarkan permohonan informasi publik yang Saudara sampaikan pada tanggal ${r.received_date ? formatDateKey(r.received_date) : '-'} dengan nomor pendaftaran ${number}, Pejabat Pengelola Informasi dan Dokumentasi (PPID) menyampaikan keputusan sebagai berikut:`,
    fields,
    closing: [...closing, 'Demikian pemberitahuan ini disampaikan untuk dipergunakan sebagaimana mestinya.'],
    placeDate: `${city ? `${city}, ` : ''}${formatDateKey(decidedKey)}`,
    signerTitle: 'Pejabat Pengelola Informasi dan Dokumentasi (PPID)',
  };
}
