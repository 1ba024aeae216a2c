/**
 * Words for replicated data where sync shows it (conflicts, refused changes, reviews): a table's
 * and a field's label in the person's language instead of `table.field` (issue 19 item 12). Every
 * declared field of every replicated table has one (test/unit/data-labels.test.ts checks).
 */
import type { Language } from '../../shared/contract/methods';

type Pair = readonly [id: string, en: string];
interface TableLabels {
  label: Pair;
  fields: Record<string, Pair>;
}

/** Fields every replicated row carries. */
const SYSTEM: Record<string, Pair> = { created_at: ['Waktu dibuat', 'Created'], deleted_at: ['Dihapus', 'Deleted'] };

const phone: Pair = ['Telepon', 'Phone'];
const email: Pair = ['Email', 'Email'];
const name: Pair = ['Nama', 'Name'];
const active: Pair = ['Aktif', 'Active'];
const notes: Pair = ['Catatan', 'Notes'];
const release: Pair = ['Rilis', 'Release'];
const author: Pair = ['Penulis', 'Author'];
const at: Pair = ['Waktu', 'Time'];
const status: Pair = ['Status', 'Status'];
const kind: Pair = ['Jenis', 'Kind'];
const title: Pair = ['Judul', 'Title'];
const outlet: Pair = ['Media', 'Outlet'];
const importBatch: Pair = ['Impor asal', 'Import batch'];
const erasedAt: Pair = ['Dihapus (UU PDP)', 'Erased (data protection)'];
const label: Pair = ['Label', 'Label'];
const request: Pair = ['Permohonan', 'Request'];
const opdField: Pair = ['Perangkat daerah (OPD)', 'Regional agency (OPD)'];

export const DATA_LABELS: Record<string, TableLabels> = {
  office_profile: {
    label: ['Profil kantor', 'Office profile'],
    fields: {
      institution: ['Nama instansi', 'Institution'],
      unit: ['Nama unit', 'Unit'],
      institution_code: ['Kode instansi', 'Institution code'],
      unit_code: ['Kode unit', 'Unit code'],
      city: ['Kota', 'City'],
      province: ['Provinsi', 'Province'],
      time_zone: ['Zona waktu', 'Time zone'],
      address: ['Alamat kantor', 'Office address'],
      phone: ['Telepon kantor', 'Office phone'],
      email: ['Email kantor', 'Office email'],
      website: ['Situs web', 'Website'],
      emblem_hash: ['Lambang', 'Emblem'],
      number_pattern: ['Pola nomor rilis', 'Release number pattern'],
      script_line: ['Baris aksara daerah', 'Regional script line'],
      dateline_form: ['Bentuk baris tanggal', 'Dateline form'],
      end_mark: ['Tanda akhir rilis', 'Release end mark'],
    },
  },
  opd: {
    label: ['Perangkat daerah (OPD)', 'Regional agency (OPD)'],
    fields: { name, abbreviation: ['Singkatan', 'Abbreviation'], phone, email, active, sort_order: ['Urutan', 'Order'] },
  },
  releases: {
    label: ['Siaran pers', 'Press release'],
    fields: {
      request_id: request,
      status,
      number: ['Nomor', 'Number'],
      number_year: ['Tahun nomor', 'Number year'],
      number_seq: ['Nomor urut', 'Sequence number'],
      label,
      urgency: ['Tingkat segera', 'Urgency'],
      embargo_at: ['Embargo sampai', 'Embargo until'],
      embargo_zone: ['Zona waktu embargo', 'Embargo time zone'],
      title,
      subtitle: ['Subjudul', 'Subtitle'],
      dateline_city: ['Kota baris tanggal', 'Dateline city'],
      release_date: ['Tanggal rilis', 'Release date'],
      quotes: ['Kutipan', 'Quotes'],
      boilerplate: ['Tentang kami (boilerplate)', 'Boilerplate'],
      source: ['Sumber', 'Source'],
      writer: ['Penulis', 'Writer'],
      photographer: ['Fotografer', 'Photographer'],
      editor: ['Penyunting', 'Editor'],
      contacts: ['Narahubung', 'Contacts'],
      opd_id: ['OPD', 'Agency'],
      tags: ['Tag', 'Tags'],
      event_id: ['Acara agenda', 'Agenda event'],
      event_end_at: ['Acara selesai', 'Event ends'],
      info_category: ['Kategori informasi publik', 'Public information category'],
      approved_at: ['Disetujui pada', 'Approved at'],
      approved_by: ['Disetujui oleh', 'Approved by'],
      published_at: ['Diterbitkan pada', 'Published at'],
      published_by: ['Diterbitkan oleh', 'Published by'],
    },
  },
  release_body_updates: { label: ['Isi rilis', 'Release body'], fields: { release_id: release, update_b64: ['Perubahan isi', 'Body change'] } },
  release_transitions: {
    label: ['Riwayat status rilis', 'Release status history'],
    fields: { release_id: release, from_status: ['Dari status', 'From status'], to_status: ['Ke status', 'To status'], actor: ['Oleh', 'By'], at, note: ['Catatan', 'Note'] },
  },
  release_comments: { label: ['Komentar rilis', 'Release comment'], fields: { release_id: release, author, body: ['Komentar', 'Comment'], at } },
  release_versions: {
    label: ['Versi rilis', 'Release version'],
    fields: { release_id: release, reason: ['Alasan', 'Reason'], label, author, at, state_b64: ['Isi versi', 'Version content'], fields: ['Isian versi', 'Version fields'] },
  },
  release_settings: { label: ['Pengaturan rilis', 'Release settings'], fields: { target_minutes: ['Target waktu terbit (menit)', 'Target time to publish (minutes)'] } },
  staff_accounts: {
    label: ['Akun staf', 'Staff account'],
    fields: {
      name,
      login: ['Nama masuk', 'Login'],
      position: ['Jabatan', 'Position'],
      unit: ['Unit', 'Unit'],
      phone,
      email,
      roles: ['Peran', 'Roles'],
      active,
      password_hash: ['Kata sandi', 'Password'],
      password_changed_at: ['Kata sandi diganti', 'Password changed'],
    },
  },
  guestbook_entries: {
    label: ['Buku tamu', 'Guest book'],
    fields: {
      name,
      outlet,
      purpose: ['Keperluan', 'Purpose'],
      time_in: ['Jam masuk', 'Time in'],
      time_out: ['Jam keluar', 'Time out'],
      consent_at: ['Persetujuan pada', 'Consent at'],
      notice_version: ['Versi pemberitahuan', 'Notice version'],
      device_id: ['Komputer', 'Computer'],
      erased_at: erasedAt,
    },
  },
  officials: {
    label: ['Pejabat', 'Official'],
    fields: { name, position: ['Jabatan', 'Position'], institution: ['Instansi', 'Institution'], precedence_rank: ['Urutan protokol', 'Order of precedence'], is_leader: ['Pimpinan', 'Leader'], active },
  },
  coverage_staff: { label: ['Tim liputan', 'Coverage staff'], fields: { name, duties: ['Tugas', 'Duties'], phone, active, account_id: ['Akun', 'Account'] } },
  agenda_events: {
    label: ['Agenda', 'Agenda event'],
    fields: {
      request_id: request,
      kind,
      title,
      start_ms: ['Mulai', 'Starts'],
      end_ms: ['Selesai', 'Ends'],
      all_day: ['Sepanjang hari', 'All day'],
      zone: ['Zona waktu', 'Time zone'],
      place_name: ['Tempat', 'Place'],
      place_address: ['Alamat tempat', 'Place address'],
      place_lat: ['Lintang tempat', 'Place latitude'],
      place_lon: ['Bujur tempat', 'Place longitude'],
      uses_press_room: ['Memakai ruang pers', 'Uses the press room'],
      organiser_opd_id: ['OPD penyelenggara', 'Organising agency'],
      invitation_number: ['Nomor undangan', 'Invitation number'],
      invitation_date: ['Tanggal undangan', 'Invitation date'],
      invitation_file_hash: ['Berkas undangan', 'Invitation file'],
      invitation_file_name: ['Nama berkas undangan', 'Invitation file name'],
      invitation_file_mime: ['Jenis berkas undangan', 'Invitation file type'],
      dress_code: ['Pakaian', 'Dress code'],
      leader_role: ['Peran pimpinan', 'Leader role'],
      status,
      represented_by: ['Diwakili oleh', 'Represented by'],
      postponed_to_ms: ['Ditunda ke', 'Postponed to'],
      leader_ids: ['Pimpinan hadir', 'Leaders attending'],
      companion_ids: ['Pendamping', 'Companions'],
      companions_text: ['Pendamping lain', 'Other companions'],
      protocol_notes: ['Catatan protokol', 'Protocol notes'],
      press_open: ['Terbuka untuk media', 'Open to the press'],
      reporter_id: ['Peliput', 'Reporter'],
      photographer_id: ['Fotografer', 'Photographer'],
      videographer_id: ['Videografer', 'Videographer'],
      notes,
      rrule: ['Pengulangan', 'Recurrence'],
      series_end_ms: ['Pengulangan berakhir', 'Series ends'],
      series_id: ['Seri', 'Series'],
      original_start_ms: ['Mulai semula', 'Original start'],
      ics_uid: ['UID kalender', 'Calendar UID'],
      aide_contact: ['Kontak ajudan', 'Aide contact'],
      rrule_extra: ['Pengulangan tambahan', 'Extra recurrence'],
      ics_tzid: ['Zona waktu kalender', 'Calendar time zone'],
      ics_vtimezone: ['Definisi zona waktu kalender', 'Calendar time zone definition'],
    },
  },
  agenda_holidays: { label: ['Hari libur', 'Holiday'], fields: { date: ['Tanggal', 'Date'], name, kind, source: ['Sumber', 'Source'] } },
  agenda_settings: {
    label: ['Pengaturan agenda', 'Agenda settings'],
    fields: { travel_minutes: ['Waktu perjalanan (menit)', 'Travel time (minutes)'], open_end_minutes: ['Lama acara tanpa jam selesai (menit)', 'Open-ended event length (minutes)'] },
  },
  media_outlet: {
    label: ['Media', 'Media outlet'],
    fields: {
      name,
      kind,
      legal_entity: ['Badan hukum', 'Legal entity'],
      address: ['Alamat', 'Address'],
      region: ['Wilayah', 'Region'],
      latitude: ['Lintang', 'Latitude'],
      longitude: ['Bujur', 'Longitude'],
      website: ['Situs web', 'Website'],
      social: ['Media sosial', 'Social media'],
      phone,
      email,
      editor_in_chief: ['Pemimpin redaksi', 'Editor in chief'],
      person_in_charge: ['Penanggung jawab', 'Person in charge'],
      press_council_status: ['Status Dewan Pers', 'Press Council status'],
      press_council_cert_no: ['Nomor sertifikat Dewan Pers', 'Press Council certificate no.'],
      press_council_cert_date: ['Tanggal sertifikat Dewan Pers', 'Press Council certificate date'],
      circulation: ['Oplah', 'Circulation'],
      monthly_traffic: ['Kunjungan per bulan', 'Monthly traffic'],
      broadcast_licence: ['Izin siaran', 'Broadcast licence'],
      notes,
      import_batch_id: importBatch,
    },
  },
  media_journalist: {
    label: ['Wartawan', 'Journalist'],
    fields: {
      outlet_id: outlet,
      name,
      beat: ['Bidang liputan', 'Beat'],
      role: ['Peran', 'Role'],
      phone,
      whatsapp: ['WhatsApp', 'WhatsApp'],
      email,
      ukw_level: ['Jenjang UKW', 'Competency (UKW) level'],
      ukw_number: ['Nomor UKW', 'UKW number'],
      ukw_valid_until: ['UKW berlaku sampai', 'UKW valid until'],
      press_card_no: ['Nomor kartu pers', 'Press card no.'],
      data_source: ['Sumber data', 'Data source'],
      consent: ['Persetujuan', 'Consent'],
      consent_at: ['Persetujuan pada', 'Consent at'],
      erased_at: erasedAt,
      notes,
      import_batch_id: importBatch,
      do_not_send: ['Jangan dikirimi', 'Do not send'],
      embargo_trusted: ['Dipercaya embargo', 'Trusted with embargoes'],
    },
  },
  media_contract: {
    label: ['Kontrak media', 'Media contract'],
    fields: { outlet_id: outlet, number: ['Nomor', 'Number'], title, period_start: ['Mulai berlaku', 'Period start'], period_end: ['Akhir berlaku', 'Period end'], value: ['Nilai', 'Value'], status, notes },
  },
  media_contract_quota: { label: ['Kuota kontrak', 'Contract quota'], fields: { contract_id: ['Kontrak', 'Contract'], product: ['Produk', 'Product'], quota: ['Kuota', 'Quota'] } },
  media_publication: {
    label: ['Bukti tayang', 'Publication proof'],
    fields: {
      outlet_id: outlet,
      contract_id: ['Kontrak', 'Contract'],
      product: ['Produk', 'Product'],
      release_id: release,
      title,
      url: ['Tautan', 'Link'],
      page: ['Halaman', 'Page'],
      published_on: ['Tanggal tayang', 'Published on'],
      attachment_hash: ['Lampiran', 'Attachment'],
      attachment_mime: ['Jenis lampiran', 'Attachment type'],
      notes,
      tone: ['Nada pemberitaan', 'Tone'],
    },
  },
  media_list: { label: ['Daftar kirim', 'Mailing list'], fields: { name, kind, filter: ['Saringan', 'Filter'], description: ['Keterangan', 'Description'] } },
  media_list_member: { label: ['Anggota daftar kirim', 'Mailing list member'], fields: { list_id: ['Daftar', 'List'], outlet_id: outlet, journalist_id: ['Wartawan', 'Journalist'] } },
  media_import_batch: {
    label: ['Impor data media', 'Media import'],
    fields: {
      file_name: ['Nama berkas', 'File name'],
      kind,
      status,
      row_count: ['Jumlah baris', 'Rows'],
      created_count: ['Dibuat', 'Created'],
      merged_count: ['Digabung', 'Merged'],
      skipped_count: ['Dilewati', 'Skipped'],
      committed_at: ['Disimpan pada', 'Committed at'],
      undone_at: ['Dibatalkan pada', 'Undone at'],
    },
  },
  media_import_preset: { label: ['Pola impor', 'Import preset'], fields: { name, kind, mapping: ['Pemetaan kolom', 'Column mapping'] } },
  distributions: {
    label: ['Pengiriman rilis', 'Release distribution'],
    fields: {
      release_id: release,
      release_title: ['Judul rilis', 'Release title'],
      channel_email: ['Lewat email', 'By email'],
      channel_whatsapp: ['Lewat WhatsApp', 'By WhatsApp'],
      greeting: ['Salam pembuka', 'Greeting'],
      attachments: ['Lampiran', 'Attachments'],
      list_ids: ['Daftar kirim', 'Mailing lists'],
      created_by: ['Dibuat oleh', 'Created by'],
      sender_device: ['Komputer pengirim', 'Sending computer'],
    },
  },
  distribution_recipients: {
    label: ['Penerima rilis', 'Release recipient'],
    fields: {
      distribution_id: ['Pengiriman', 'Distribution'],
      release_id: release,
      journalist_id: ['Wartawan', 'Journalist'],
      outlet_id: outlet,
      name,
      outlet_name: ['Nama media', 'Outlet name'],
      email,
      whatsapp: ['WhatsApp', 'WhatsApp'],
      embargo_trusted: ['Dipercaya embargo', 'Trusted with embargoes'],
      email_status: ['Status email', 'Email status'],
      attempts: ['Percobaan', 'Attempts'],
      last_error: ['Galat terakhir', 'Last error'],
      next_attempt_at: ['Percobaan berikutnya', 'Next attempt'],
      sent_at: ['Terkirim pada', 'Sent at'],
      message_id: ['ID pesan', 'Message id'],
      whatsapp_handed_at: ['Diserahkan ke WhatsApp pada', 'Handed to WhatsApp at'],
      whatsapp_handed_by: ['Diserahkan ke WhatsApp oleh', 'Handed to WhatsApp by'],
      erased_at: erasedAt,
    },
  },
  distribution_settings: {
    label: ['Pengaturan pengiriman', 'Distribution settings'],
    fields: {
      smtp_host: ['Server SMTP', 'SMTP server'],
      smtp_port: ['Port SMTP', 'SMTP port'],
      smtp_security: ['Keamanan SMTP', 'SMTP security'],
      smtp_user: ['Pengguna SMTP', 'SMTP user'],
      from_address: ['Alamat pengirim', 'From address'],
      from_name: ['Nama pengirim', 'From name'],
      reply_to: ['Alamat balasan', 'Reply-to'],
      rate_per_minute: ['Kiriman per menit', 'Messages per minute'],
      attachment_limit_mb: ['Batas lampiran (MB)', 'Attachment limit (MB)'],
      photo_max_px: ['Ukuran foto terbesar (px)', 'Largest photo size (px)'],
    },
  },
  requests: {
    label: ['Permohonan OPD', 'Agency request'],
    fields: {
      opd_id: opdField,
      kind,
      channel: ['Saluran', 'Channel'],
      title,
      description: ['Uraian', 'Description'],
      place: ['Tempat', 'Place'],
      start_ms: ['Mulai', 'Starts'],
      end_ms: ['Selesai', 'Ends'],
      zone: ['Zona waktu', 'Time zone'],
      attendees: ['Yang hadir', 'Attendees'],
      contact_name: ['Narahubung', 'Contact person'],
      contact_phone: ['Telepon narahubung', 'Contact phone'],
      material: ['Bahan', 'Material'],
      status,
      submitted_at: ['Waktu dikirim', 'Submitted'],
      submitted_by: ['Dikirim oleh', 'Submitted by'],
      year: ['Tahun', 'Year'],
      seq: ['Nomor urut', 'Sequence number'],
      assignee_id: ['Penanggung jawab', 'Assignee'],
      due_ms: ['Tenggat', 'Due'],
      answer: ['Jawaban', 'Answer'],
      answered_at: ['Waktu dijawab', 'Answered'],
      agenda_event_id: ['Agenda', 'Agenda event'],
      release_id: release,
      inviter: ['Pengundang', 'Inviter'],
      invitation_number: ['Nomor surat undangan', 'Invitation letter number'],
      invitation_date: ['Tanggal surat undangan', 'Invitation letter date'],
      proposed_disposition: ['Usulan disposisi', 'Proposed disposition'],
      proposed_representative: ['Usulan wakil', 'Proposed representative'],
      proposed_note: ['Catatan usulan', 'Proposal note'],
      proposed_by: ['Diusulkan oleh', 'Proposed by'],
      proposed_at: ['Waktu usulan', 'Proposed'],
      disposition: ['Disposisi', 'Disposition'],
      representative: ['Diwakilkan kepada', 'Represented by'],
      disposition_note: ['Catatan disposisi', 'Disposition note'],
      decided_by: ['Diputuskan oleh', 'Decided by'],
      decided_at: ['Waktu diputuskan', 'Decided'],
    },
  },
  request_attachments: {
    label: ['Lampiran permohonan', 'Request attachment'],
    fields: {
      request_id: request,
      opd_id: opdField,
      file_hash: ['Berkas', 'File'],
      file_name: ['Nama berkas', 'File name'],
      file_mime: ['Jenis berkas', 'File type'],
      file_size: ['Ukuran berkas', 'File size'],
      added_by: ['Ditambahkan oleh', 'Added by'],
      added_at: ['Waktu ditambahkan', 'Added'],
    },
  },
  request_history: {
    label: ['Riwayat permohonan', 'Request history'],
    fields: { request_id: request, opd_id: opdField, action: ['Tindakan', 'Action'], status, actor: ['Oleh', 'By'], at, note: ['Catatan', 'Note'] },
  },
};

const pick = (pair: Pair, language: Language) => (language === 'en' ? pair[1] : pair[0]);

/** The table's label; the raw name only for a table this version does not know. */
export function tableLabel(table: string, language: Language): string {
  const t = DATA_LABELS[table];
  return t ? pick(t.label, language) : table;
}

/** The field's label; the raw name only for a field this version does not know. */
export function fieldLabel(table: string, field: string, language: Language): string {
  const pair = DATA_LABELS[table]?.fields[field] ?? SYSTEM[field];
  return pair ? pick(pair, language) : field;
}
