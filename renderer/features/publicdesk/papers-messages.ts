import { featureMessages } from '../../i18n/feature-messages';

/** The words of the desk's papers panel (registers), in the desk's lazy chunk. */
const id = {
  'papers.open': 'Register PPID',
  'papers.title': 'Register PPID',
  'papers.intro': 'Register permohonan informasi publik dan register keberatan per tahun, sebagai XLSX atau PDF berkop surat; angka tahunan (diterima, selesai, median dan persentil ke-90 hari kerja, terlambat) per bulan, OPD, kategori dan saluran sebagai XLSX.',
  'papers.kind': 'Register',
  'papers.kind.info_request': 'Register permohonan informasi',
  'papers.kind.objection': 'Register keberatan',
  'papers.year': 'Tahun',
  'papers.xlsx': 'Unduh XLSX',
  'papers.pdf': 'Unduh PDF',
  'papers.numbers': 'Unduh angka tahunan (XLSX)',
  'papers.close': 'Tutup',
  'papers.notice.pdf': 'Pemberitahuan tertulis (PDF)',
  'papers.notice.docx': 'Pemberitahuan tertulis (DOCX)',
  'papers.done': 'Berkas {file} dibuat.',
} as const;

const en: Record<keyof typeof id, string> = {
  'papers.open': 'PPID registers',
  'papers.title': 'PPID registers',
  'papers.intro': 'The register of public-information requests and the register of objections per year, as XLSX or as PDF on the letterhead; the year’s numbers (received, closed, median and 90th-percentile working days, late) per month, agency, category and channel as XLSX.',
  'papers.kind': 'Register',
  'papers.kind.info_request': 'Information requests register',
  'papers.kind.objection': 'Objections register',
  'papers.year': 'Year',
  'papers.xlsx': 'Download XLSX',
  'papers.pdf': 'Download PDF',
  'papers.numbers': 'Download the year’s numbers (XLSX)',
  'papers.close': 'Close',
  'papers.notice.pdf': 'Written notice (PDF)',
  'papers.notice.docx': 'Written notice (DOCX)',
  'papers.done': 'File {file} made.',
};

export const { useFeatureT: usePapersT } = featureMessages(id, en);
