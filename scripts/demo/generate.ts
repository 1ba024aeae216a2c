import type { Core } from '../../electron/core/create-core';
import { makeOpdRows } from './opd-rows';

/**
 * Fills a workspace with an invented, plausible office: no real person's personal data.
 * `size` scales every collection for benchmark workspaces; later features add their own
 * sections here (releases, agenda, media …) so that one generator builds demo and benchmark data.
 */
export interface GenerateOptions {
  /** 1 is a normal demo office; larger numbers multiply the collections. */
  size?: number;
  seed?: number;
  onProgress?: (label: string, done: number, total: number) => void;
}

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

export async function generateWorkspace(core: Core, options: GenerateOptions = {}): Promise<{ opd: number }> {
  const size = Math.max(1, Math.floor(options.size ?? 1));
  const seed = options.seed ?? 2026;
  await core.invoke('office.save', DEMO_PROFILE);

  const opdRows = makeOpdRows(20 * size, seed);
  const m = core.context.mutator;
  const chunk = 1000;
  for (let i = 0; i < opdRows.length; i += chunk) {
    // One transaction per chunk: a large workspace is built quickly and shows progress.
    m.transaction(() => {
      for (const row of opdRows.slice(i, i + chunk)) m.insert('opd', { ...row });
    });
    options.onProgress?.('OPD', Math.min(i + chunk, opdRows.length), opdRows.length);
  }
  return { opd: opdRows.length };
}
