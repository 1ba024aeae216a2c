import { featureMessages } from '../../i18n/feature-messages';

/** The words of the desk's numbers screen, in the desk's lazy chunk. */
const id = {
  'numbers.open': 'Angka',
  'numbers.title': 'Angka aduan dan permohonan informasi',
  'numbers.intro': 'Dihitung menurut bulan diterima: yang masuk, yang selesai, lama penyelesaian dalam hari kerja (median dan persentil ke-90) dan yang terlambat. Baris OPD menghitung disposisinya (dari disposisi sampai jawaban).',
  'numbers.year': 'Tahun',
  'numbers.view': 'Menurut',
  'numbers.view.months': 'Bulan',
  'numbers.view.byOpd': 'OPD',
  'numbers.view.byCategory': 'Kategori',
  'numbers.view.byChannel': 'Saluran',
  'numbers.col.received': 'Diterima',
  'numbers.col.closed': 'Selesai',
  'numbers.col.median': 'Median hari kerja',
  'numbers.col.p90': 'Persentil ke-90',
  'numbers.col.late': 'Terlambat',
  'numbers.total': 'Jumlah',
  'numbers.asOf': 'Data per {date}.',
  'numbers.holidays': 'Data hari libur tahun {years} belum ada: hitungan hari kerja bisa meleset.',
  'numbers.empty': 'Belum ada data untuk tahun ini.',
  'numbers.xlsx': 'Unduh XLSX',
  'numbers.done': 'Berkas {file} dibuat.',
  'numbers.close': 'Tutup',
} as const;

const en: Record<keyof typeof id, string> = {
  'numbers.open': 'Numbers',
  'numbers.title': 'Complaint and information request numbers',
  'numbers.intro': 'Counted by the month received: what came in, what is closed, working days to close (median and 90th percentile) and what was late. An agency’s row counts its dispositions (from disposition to answer).',
  'numbers.year': 'Year',
  'numbers.view': 'By',
  'numbers.view.months': 'Month',
  'numbers.view.byOpd': 'Agency',
  'numbers.view.byCategory': 'Category',
  'numbers.view.byChannel': 'Channel',
  'numbers.col.received': 'Received',
  'numbers.col.closed': 'Closed',
  'numbers.col.median': 'Median working days',
  'numbers.col.p90': '90th percentile',
  'numbers.col.late': 'Late',
  'numbers.total': 'Total',
  'numbers.asOf': 'As of {date}.',
  'numbers.holidays': 'Holiday data for {years} is missing: working-day counts may be off.',
  'numbers.empty': 'No data for this year yet.',
  'numbers.xlsx': 'Download XLSX',
  'numbers.done': 'File {file} made.',
  'numbers.close': 'Close',
};

export const { useFeatureT: useNumbersT } = featureMessages(id, en);
