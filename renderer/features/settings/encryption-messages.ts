export const encryptionId = {
  'encryption.title': 'Enkripsi basis data',
  'encryption.intro':
    'Enkripsi membuat berkas data Warta di komputer ini tidak dapat dibaca tanpa kuncinya, misalnya bila laptop hilang. Data tetap utuh saat enkripsi dinyalakan atau dimatikan.',
  'encryption.on': 'Basis data terenkripsi',
  'encryption.off': 'Basis data tidak terenkripsi',
  'encryption.kind.hex': 'Kuncinya disimpan di gudang kunci sistem operasi komputer ini.',
  'encryption.kind.passphrase': 'Dibuka dengan kata sandi basis data yang diketik setiap kali Warta dimulai.',
  'encryption.passphrase': 'Kata sandi basis data',
  'encryption.passphraseAgain': 'Ulangi kata sandi basis data',
  'encryption.passphraseHint': 'Minimal 12 karakter. Simpan di tempat aman: tanpa kata sandi ini data tidak dapat dibuka oleh siapa pun.',
  'encryption.mismatch': 'Kedua kata sandi tidak sama.',
  'encryption.enable': 'Nyalakan enkripsi',
  'encryption.disable': 'Matikan enkripsi',
  'encryption.confirmDisable': 'Matikan enkripsi? Berkas data akan tersimpan tanpa enkripsi di komputer ini.',
  'encryption.done.on': 'Enkripsi dinyalakan.',
  'encryption.done.off': 'Enkripsi dimatikan.',
  'encryption.secrets.passphrase':
    'Penyimpanan rahasia sistem ini lemah ({backend}). Kunci basis data, token sinkronisasi, dan kata sandi email kantor dilindungi kata sandi rahasia yang diketik setiap kali Warta dibuka.',
  'encryption.secrets.none':
    'Penyimpanan rahasia sistem ini lemah ({backend}) dan tidak ada kata sandi rahasia: token sinkronisasi dan kata sandi email kantor tersimpan tanpa enkripsi di folder data. Pasang keyring (GNOME Keyring atau KWallet) atau buat kata sandi rahasia saat Warta dibuka lagi.',
} as const;

export const encryptionEn: Record<keyof typeof encryptionId, string> = {
  'encryption.title': 'Database encryption',
  'encryption.intro':
    "Encryption makes Warta's data file on this computer unreadable without its key, for example if the laptop is lost. Data stays intact when encryption is turned on or off.",
  'encryption.on': 'The database is encrypted',
  'encryption.off': 'The database is not encrypted',
  'encryption.kind.hex': "Its key is kept in this computer's operating-system keychain.",
  'encryption.kind.passphrase': 'It opens with a database passphrase typed each time Warta starts.',
  'encryption.secrets.passphrase':
    "This system's secret store is weak ({backend}). The database key, sync token and office mail password are protected by a secrets passphrase typed each time Warta opens.",
  'encryption.secrets.none':
    "This system's secret store is weak ({backend}) and there is no secrets passphrase: the sync token and office mail password are kept unencrypted in the data folder. Install a keyring (GNOME Keyring or KWallet) or choose a secrets passphrase when Warta opens again.",
  'encryption.passphrase': 'Database passphrase',
  'encryption.passphraseAgain': 'Repeat the database passphrase',
  'encryption.passphraseHint': 'At least 12 characters. Keep it safe: without it nobody can open the data.',
  'encryption.mismatch': 'The two passphrases differ.',
  'encryption.enable': 'Turn encryption on',
  'encryption.disable': 'Turn encryption off',
  'encryption.confirmDisable': 'Turn encryption off? The data file will be stored unencrypted on this computer.',
  'encryption.done.on': 'Encryption is on.',
  'encryption.done.off': 'Encryption is off.',
};
