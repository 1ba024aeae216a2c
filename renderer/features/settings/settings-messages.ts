export const settingsId = {
  'settings.officeReadOnly': 'Profil kantor hanya dapat diubah oleh administrator. Yang tersimpan sekarang tampil di Beranda.',
} as const;

export const settingsEn: Record<keyof typeof settingsId, string> = {
  'settings.officeReadOnly': 'Only an administrator can change the office profile. The current one is shown on the home page.',
};
