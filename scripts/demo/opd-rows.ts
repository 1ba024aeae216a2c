import { pick, seeded } from './random';

/** Invented regional agencies, named the way Indonesian local governments name theirs. */
export const OPD_NAMES: readonly [string, string][] = [
  ['Dinas Komunikasi dan Informatika', 'Diskominfo'],
  ['Dinas Kesehatan', 'Dinkes'],
  ['Dinas Pendidikan dan Kebudayaan', 'Disdikbud'],
  ['Dinas Pekerjaan Umum dan Penataan Ruang', 'DPUPR'],
  ['Dinas Perhubungan', 'Dishub'],
  ['Dinas Sosial', 'Dinsos'],
  ['Dinas Lingkungan Hidup', 'DLH'],
  ['Dinas Pariwisata', 'Dispar'],
  ['Dinas Koperasi, Usaha Kecil dan Menengah', 'Dinkop UKM'],
  ['Dinas Kependudukan dan Pencatatan Sipil', 'Disdukcapil'],
  ['Dinas Ketahanan Pangan', 'DKP'],
  ['Dinas Pemuda dan Olahraga', 'Dispora'],
  ['Badan Perencanaan Pembangunan Daerah', 'Bappeda'],
  ['Badan Pengelolaan Keuangan dan Aset Daerah', 'BPKAD'],
  ['Badan Kepegawaian dan Pengembangan SDM', 'BKPSDM'],
  ['Badan Penanggulangan Bencana Daerah', 'BPBD'],
  ['Badan Kesatuan Bangsa dan Politik', 'Kesbangpol'],
  ['Satuan Polisi Pamong Praja', 'Satpol PP'],
  ['Inspektorat Daerah', 'Inspektorat'],
  ['Rumah Sakit Umum Daerah', 'RSUD'],
];

export interface OpdRow {
  name: string;
  abbreviation: string;
  phone: string;
  email: string;
  active: boolean;
  sort_order: number;
}

/** `count` rows; beyond the real list, numbered branch offices keep names plausible. */
export function makeOpdRows(count: number, seed: number): OpdRow[] {
  const rand = seeded(seed);
  const rows: OpdRow[] = [];
  for (let i = 0; i < count; i++) {
    const [name, abbr] = i < OPD_NAMES.length ? (OPD_NAMES[i] as [string, string]) : pick(rand, OPD_NAMES);
    const suffix = i < OPD_NAMES.length ? '' : ` Wilayah ${Math.floor(i / OPD_NAMES.length)}`;
    rows.push({
      name: `${name}${suffix}`,
      abbreviation: abbr,
      phone: `(0271) 555-${String(1000 + Math.floor(rand() * 8999))}`,
      email: `${abbr.toLowerCase().replace(/[^a-z]/g, '')}${suffix ? i : ''}@sukamaju.example.go.id`,
      active: rand() > 0.05,
      sort_order: i,
    });
  }
  return rows;
}
