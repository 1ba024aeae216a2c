import { fold } from './vocabulary';

/**
 * The columns of a media list, for import and export alike: an export's header row is the
 * first label of each field, so a file we wrote imports back without any mapping. The other
 * labels are what offices actually write in their sheets.
 */
export const IMPORT_KINDS = ['outlets', 'journalists'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ColumnDef {
  field: string;
  /** Header written on export, then the other headers recognised on import (folded). */
  labels: readonly string[];
  /** Personal data of a journalist: exported only with the media.personal permission. */
  personal?: boolean;
  required?: boolean;
}

export const OUTLET_COLUMNS: readonly ColumnDef[] = [
  { field: 'name', labels: ['Nama Media', 'nama perusahaan pers', 'media', 'nama media massa', 'perusahaan pers', 'nama outlet', 'outlet', 'media name', 'name'], required: true },
  { field: 'kind', labels: ['Jenis', 'jenis media', 'tipe', 'tipe media', 'kategori', 'type', 'kind'] },
  { field: 'legalEntity', labels: ['Badan Hukum', 'nama badan hukum', 'pt', 'perusahaan', 'legal entity'] },
  { field: 'pressCouncilStatus', labels: ['Status Dewan Pers', 'dewan pers', 'verifikasi dewan pers', 'status verifikasi', 'verifikasi', 'press council'] },
  { field: 'pressCouncilCertNo', labels: ['No Sertifikat Dewan Pers', 'nomor sertifikat', 'no sertifikat', 'sertifikat', 'certificate'] },
  { field: 'pressCouncilCertDate', labels: ['Tanggal Sertifikat', 'tgl sertifikat', 'tanggal verifikasi', 'certificate date'] },
  { field: 'editorInChief', labels: ['Pemimpin Redaksi', 'pemred', 'pimred', 'pimpinan redaksi', 'editor in chief', 'pemimpin redaksi pemred'] },
  { field: 'personInCharge', labels: ['Penanggung Jawab', 'pj', 'penanggungjawab', 'pimpinan perusahaan', 'contact person', 'narahubung'] },
  { field: 'region', labels: ['Wilayah', 'kabupaten kota', 'kab kota', 'kota', 'domisili', 'daerah', 'region'] },
  { field: 'address', labels: ['Alamat', 'alamat kantor', 'alamat redaksi', 'address'] },
  { field: 'phone', labels: ['Telepon', 'no telp', 'telp', 'no telepon', 'telepon kantor', 'no hp', 'hp', 'phone'] },
  { field: 'email', labels: ['Email', 'e mail', 'surel', 'alamat email', 'email redaksi'] },
  { field: 'website', labels: ['Situs', 'website', 'web', 'alamat website', 'url', 'link'] },
  { field: 'circulation', labels: ['Oplah', 'tiras', 'circulation'] },
  { field: 'monthlyTraffic', labels: ['Kunjungan per Bulan', 'traffic', 'trafik', 'pengunjung', 'page views', 'pageview'] },
  { field: 'broadcastLicence', labels: ['Izin Siaran (IPP)', 'ipp', 'izin siaran', 'izin penyelenggaraan penyiaran'] },
];

export const JOURNALIST_COLUMNS: readonly ColumnDef[] = [
  { field: 'name', labels: ['Nama Wartawan', 'nama', 'nama lengkap', 'nama jurnalis', 'jurnalis', 'wartawan', 'reporter', 'nama reporter', 'name'], required: true },
  { field: 'outletName', labels: ['Nama Media', 'media', 'nama perusahaan pers', 'perusahaan pers', 'asal media', 'outlet'] },
  { field: 'outletKind', labels: ['Jenis Media', 'jenis', 'tipe media', 'tipe'] },
  { field: 'role', labels: ['Jabatan', 'posisi', 'jabatan di media', 'role'] },
  { field: 'beat', labels: ['Desk', 'bidang liputan', 'liputan', 'pos liputan', 'rubrik', 'beat'] },
  { field: 'phone', labels: ['No HP', 'hp', 'no hp wa', 'nomor hp', 'no telp', 'telepon', 'telp', 'handphone', 'phone', 'no handphone'], personal: true },
  { field: 'whatsapp', labels: ['WhatsApp', 'wa', 'no wa', 'nomor wa', 'whatsapp'], personal: true },
  { field: 'email', labels: ['Email', 'e mail', 'surel', 'alamat email'], personal: true },
  { field: 'ukwLevel', labels: ['Jenjang UKW', 'ukw', 'tingkat ukw', 'kompetensi', 'level ukw', 'jenjang kompetensi'] },
  { field: 'ukwNumber', labels: ['No Sertifikat UKW', 'nomor ukw', 'no ukw', 'sertifikat ukw', 'no sertifikat kompetensi'], personal: true },
  { field: 'ukwValidUntil', labels: ['UKW Berlaku Sampai', 'masa berlaku ukw', 'berlaku sampai', 'ukw berlaku', 'masa berlaku', 'berlaku s d', 'berlaku hingga'] },
  { field: 'pressCardNo', labels: ['No Kartu Pers', 'kartu pers', 'id card', 'no id pers', 'nomor kartu pers'], personal: true },
  { field: 'dataSource', labels: ['Sumber Data', 'sumber', 'source'] },
  { field: 'consent', labels: ['Persetujuan', 'persetujuan data', 'consent', 'izin data'] },
];

export function columnsOf(kind: ImportKind): readonly ColumnDef[] {
  return kind === 'outlets' ? OUTLET_COLUMNS : JOURNALIST_COLUMNS;
}

/** column index → field (or null to ignore). */
export type ColumnMapping = (string | null)[];

/**
 * Guesses which field each header means: an exact label first, then a label contained in the
 * header ("No. HP / WA" contains "no hp"). A field is given to one column only, the first.
 */
export function guessMapping(headers: readonly string[], kind: ImportKind): ColumnMapping {
  const cols = columnsOf(kind);
  const taken = new Set<string>();
  const folded = headers.map((h) => fold(h));
  const out: ColumnMapping = headers.map(() => null);
  const passes: ((h: string, label: string) => boolean)[] = [
    (h, l) => h === l,
    (h, l) => l.length >= 3 && (` ${h} `.includes(` ${l} `)),
  ];
  for (const match of passes) {
    folded.forEach((h, i) => {
      if (out[i] !== null || !h) return;
      for (const c of cols) {
        if (taken.has(c.field)) continue;
        if (c.labels.some((l) => match(h, fold(l)))) {
          out[i] = c.field;
          taken.add(c.field);
          return;
        }
      }
    });
  }
  return out;
}

/** How many cells of a row look like headers of this kind: the header row scores highest. */
export function headerScore(cells: readonly string[], kind: ImportKind): number {
  const labels = new Set(columnsOf(kind).flatMap((c) => c.labels.map(fold)));
  let score = 0;
  for (const cell of cells) if (labels.has(fold(cell))) score += 1;
  return score;
}
