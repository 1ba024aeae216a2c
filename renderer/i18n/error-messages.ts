import type { ErrorCode } from '../../shared/contract/errors';
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
    clock_drift: 'Jam komputer ini tampaknya salah. Periksa tanggal dan jam, lalu coba lagi.',
    unauthorized: 'Anda belum masuk atau sesi sudah berakhir. Masuk kembali untuk melanjutkan.',
    too_many_attempts: 'Terlalu banyak percobaan masuk yang gagal. Tunggu sebentar, lalu coba lagi.',
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
    clock_drift: "This computer's clock seems wrong. Check the date and time, then try again.",
    unauthorized: 'You are not signed in, or your session has ended. Sign in again to continue.',
    too_many_attempts: 'Too many failed sign-in attempts. Wait a moment, then try again.',
    closed: 'The connection to Warta was lost or Warta is closing. Try again in a moment.',
    internal: 'Something went wrong inside Warta; this change was not saved. The details are in the log.',
  },
};
