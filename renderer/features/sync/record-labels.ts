import type { Language } from '../../../shared/contract/methods';

/**
 * A synced table and field as a person calls them ("Profil kantor › Laman"), never the storage
 * names (`office_profile.website`). Fields without a word here are written out from their
 * storage name without underscores, which still reads better than the name itself.
 */
const TABLES: Record<string, [string, string]> = {
  office_profile: ['Profil kantor', 'Office profile'],
  opd: ['OPD', 'Agency (OPD)'],
  staff_accounts: ['Akun', 'Account'],
  guestbook_entries: ['Buku tamu', 'Guest book'],
  releases: ['Rilis', 'Release'],
  release_comments: ['Komentar rilis', 'Release comment'],
  release_settings: ['Pengaturan rilis', 'Release settings'],
  release_versions: ['Versi rilis', 'Release version'],
  release_transitions: ['Alur rilis', 'Release workflow'],
  release_body_updates: ['Isi rilis', 'Release text'],
  officials: ['Pejabat', 'Official'],
  coverage_staff: ['Staf liputan', 'Coverage staff'],
  agenda_events: ['Agenda', 'Agenda item'],
  agenda_holidays: ['Hari libur', 'Holiday'],
  agenda_settings: ['Pengaturan agenda', 'Agenda settings'],
  distributions: ['Pengiriman', 'Distribution'],
  distribution_recipients: ['Penerima pengiriman', 'Distribution recipient'],
  distribution_settings: ['Pengaturan pengiriman', 'Distribution settings'],
  media_outlet: ['Media', 'Outlet'],
  media_journalist: ['Wartawan', 'Journalist'],
  media_contract: ['Kontrak media', 'Media contract'],
  media_contract_quota: ['Kuota kontrak', 'Contract quota'],
  media_publication: ['Tayangan', 'Publication'],
  media_list: ['Daftar media', 'Media list'],
  media_list_member: ['Anggota daftar', 'List member'],
  media_import_batch: ['Impor media', 'Media import'],
  media_import_preset: ['Pola impor', 'Import preset'],
};

const FIELDS: Record<string, [string, string]> = {
  title: ['Judul', 'Title'],
  subtitle: ['Subjudul', 'Subtitle'],
  name: ['Nama', 'Name'],
  unit: ['Unit', 'Unit'],
  website: ['Laman', 'Website'],
  phone: ['Telepon', 'Phone'],
  email: ['Pos-el', 'Email'],
  address: ['Alamat', 'Address'],
  city: ['Kota', 'City'],
  status: ['Status', 'Status'],
  number: ['Nomor', 'Number'],
  notes: ['Catatan', 'Notes'],
  label: ['Label', 'Label'],
  position: ['Jabatan', 'Position'],
  roles: ['Peran', 'Roles'],
  active: ['Aktif', 'Active'],
  start_ms: ['Mulai', 'Start'],
  end_ms: ['Selesai', 'End'],
  place_name: ['Tempat', 'Place'],
  release_date: ['Tanggal rilis', 'Release date'],
  dateline_city: ['Kota dateline', 'Dateline city'],
  embargo_at: ['Waktu embargo', 'Embargo time'],
  urgency: ['Penyiaran', 'Release timing'],
  abbreviation: ['Singkatan', 'Abbreviation'],
  deleted_at: ['Dihapus', 'Deleted'],
  update_b64: ['Isi', 'Text'],
};

export function recordLabel(table: string, field: string | null, language: Language): string {
  const i = language === 'en' ? 1 : 0;
  const tableWord = TABLES[table]?.[i] ?? table.replace(/_/g, ' ');
  if (!field) return tableWord;
  const fieldWord = FIELDS[field]?.[i] ?? field.replace(/_/g, ' ');
  return `${tableWord} › ${fieldWord}`;
}
