/**
 * An invented office for tests and README screenshots. The institution is a real city's name,
 * but the address, phone, email and website are made up (contoh = example).
 */
export const SURAKARTA = {
  institution: 'Pemerintah Kota Surakarta',
  unit: 'Bagian Humas dan Protokol Setda',
  institutionCode: 'PEMKOT-SKA',
  unitCode: 'HUMAS',
  city: 'Surakarta',
  province: 'Jawa Tengah',
  timeZone: 'WIB',
  address: 'Jl. Contoh Balai Kota No. 1, Surakarta 57100',
  phone: '(0271) 555-0140',
  email: 'humas@contoh-surakarta.go.id',
  website: 'https://humas.contoh-surakarta.go.id',
} as const;

export type OfficeData = { -readonly [K in keyof typeof SURAKARTA]: string };
