/** Invented staff for tests and README screenshots. */
export const ADMIN = { name: 'Rina Kusumawati', login: 'rina', password: 'kopi-tubruk-pagi-2026' } as const;
export const WRITER = {
  name: 'Bayu Pratama',
  login: 'bayu.p',
  password: 'liputan-pasar-gede-7',
  position: 'Pranata Humas Ahli Pertama',
  unit: 'Subbagian Peliputan',
  phone: '0812-555-0199',
  email: 'bayu@contoh-surakarta.go.id',
} as const;

export type StaffCredentials = { name: string; login: string; password: string };
