import { makeOpdRows } from './opd-rows';
import type { DemoSection } from './section';

export const DEMO_PROFILE = {
  institution: 'Pemerintah Kota Sukamaju',
  unit: 'Bagian Hubungan Masyarakat dan Protokol Sekretariat Daerah',
  institutionCode: 'Pemkot-SKJ',
  unitCode: 'Humas',
  city: 'Sukamaju',
  province: 'Jawa Tengah',
  timeZone: 'WIB' as const,
  address: 'Jl. Jenderal Sudirman No. 2, Sukamaju 57111',
  phone: '(0271) 555-0100',
  email: 'humas@sukamajukota.example.id',
  website: 'https://sukamajukota.example.id',
  numberPattern: '{seq3}/{unit}/{institution}/{month-roman}/{year}',
};

/** The office profile and its regional agencies (OPD). */
export const officeSection: DemoSection = {
  name: 'office',
  async run({ core, size, seed, progress }) {
    await core.invoke('office.save', DEMO_PROFILE);
    const rows = makeOpdRows(20 * size, seed);
    const m = core.context.mutator;
    const chunk = 1000;
    for (let i = 0; i < rows.length; i += chunk) {
      // One transaction per chunk: a large workspace is built quickly and shows progress.
      m.transaction(() => {
        for (const row of rows.slice(i, i + chunk)) m.insert('opd', { ...row });
      });
      progress('OPD', Math.min(i + chunk, rows.length), rows.length);
    }
    return { opd: rows.length };
  },
};
