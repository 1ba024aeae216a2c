import type { ErrorCode, ErrorReason } from '../../shared/contract/errors';
import type { Language } from '../../shared/contract/methods';

/** What the user reads for each error code; a code missing in either language is a type error. */
export const errorMessages: Record<Language, Record<ErrorCode, string>> = {
  id: {
    invalid_input: 'Ada isian yang tidak sah. Periksa kembali isian yang ditandai.',
    unknown_method: 'Perintah ini tidak dikenal oleh Warta; versi tampilan dan inti aplikasi mungkin tidak cocok.',
    not_found: 'Data yang dicari tidak ditemukan; mungkin sudah dihapus.',
    forbidden: 'Anda tidak berwenang melakukan tindakan ini.',
    conflict: 'Data ini baru saja diubah di tempat lain. Muat ulang, lalu coba lagi.',
    payload_too_large: 'Berkas atau data terlalu besar.',
    unsupported_file: 'Jenis berkas tidak didukung. Gunakan gambar PNG, JPEG, atau WebP.',
    invalid_number_pattern: 'Pola nomor rilis tidak sah.',
    db_not_sqlite: 'Berkas data ini bukan basis data Warta.',
    db_corrupt: 'Basis data rusak. Pulihkan dari cadangan atau sinkronkan ulang.',
    db_newer_version: 'Data ini dibuat oleh Warta versi yang lebih baru. Perbarui aplikasi ini dahulu.',
    data_dir_unwritable: 'Folder data tidak dapat ditulisi (mungkin disk penuh); perubahan tidak tersimpan.',
    data_dir_in_use: 'Folder data ini sedang dipakai oleh Warta lain. Tutup Warta itu dulu, lalu coba lagi.',
    disk_full: 'Disk penuh: perubahan ini tidak tersimpan. Data yang sudah tersimpan aman; kosongkan ruang disk, lalu ulangi.',
    clock_drift: 'Jam komputer ini tampaknya salah. Periksa tanggal dan jam, lalu coba lagi.',
    unauthorized: 'Anda belum masuk atau sesi sudah berakhir. Masuk kembali untuk melanjutkan.',
    too_many_attempts: 'Terlalu banyak percobaan yang gagal. Tunggu sebentar, lalu coba lagi.',
    unreachable: 'Server tidak dapat dihubungi atau menolak sambungan.',
    db_key_required: 'Basis data ini terenkripsi; kata sandi atau kuncinya diperlukan untuk membukanya.',
    db_key_invalid: 'Kata sandi basis data salah.',
    closed: 'Sambungan ke Warta terputus atau sedang ditutup. Coba lagi sebentar lagi.',
    internal: 'Terjadi kesalahan di dalam Warta; perubahan ini tidak disimpan. Rinciannya tercatat di log.',
  },
  en: {
    invalid_input: 'Some entries are not valid. Please check the marked fields.',
    unknown_method: 'Warta does not know this command; the user interface and the core may be different versions.',
    not_found: 'The item was not found; it may have been deleted.',
    forbidden: 'You are not allowed to do this.',
    conflict: 'This item was just changed elsewhere. Reload, then try again.',
    payload_too_large: 'The file or data is too large.',
    unsupported_file: 'This file type is not supported. Use a PNG, JPEG or WebP image.',
    invalid_number_pattern: 'The release number pattern is not valid.',
    db_not_sqlite: 'This data file is not a Warta database.',
    db_corrupt: 'The database is damaged. Restore it from a backup or sync it again.',
    db_newer_version: 'This data was made by a newer version of Warta. Update this application first.',
    data_dir_unwritable: 'The data folder cannot be written (the disk may be full); the change was not saved.',
    data_dir_in_use: 'This data folder is in use by another Warta. Close that one first, then try again.',
    disk_full: 'The disk is full: this change was not saved. What was saved before is safe; free some disk space, then try again.',
    clock_drift: "This computer's clock seems wrong. Check the date and time, then try again.",
    unauthorized: 'You are not signed in, or your session has ended. Sign in again to continue.',
    too_many_attempts: 'Too many failed attempts. Wait a moment, then try again.',
    unreachable: 'The server could not be reached or refused the connection.',
    db_key_required: 'This database is encrypted; its passphrase or key is needed to open it.',
    db_key_invalid: 'Wrong database passphrase.',
    closed: 'The connection to Warta was lost or Warta is closing. Try again in a moment.',
    internal: 'Something went wrong inside Warta; this change was not saved. The details are in the log.',
  },
};

/** Headlines for errors whose reason says more than their code (shared/contract/errors.ts). */
export const reasonMessages: Record<Language, Record<ErrorReason, string>> = {
  id: {
    press_room_booked: 'Ruang pers sudah dipesan pada waktu itu. Pilih waktu lain.',
    enrolment_refused: 'Server menolak kode pendaftaran ini.',
    enrolment_bad_request: 'Data pendaftaran tidak lengkap atau tidak sah.',
    enrolment_device_taken: 'Komputer ini sudah terdaftar di ruang kerja itu; kode biasa tidak cukup.',
    enrolment_device_revoked: 'Akses komputer ini telah dicabut administrator.',
  },
  en: {
    press_room_booked: 'The press room is already booked at that time. Choose another time.',
    enrolment_refused: 'The server refused this enrolment code.',
    enrolment_bad_request: 'The enrolment details are incomplete or not valid.',
    enrolment_device_taken: 'This computer is already enrolled in that workspace; a plain code is not enough.',
    enrolment_device_revoked: "This computer's access was revoked by the administrator.",
  },
};
