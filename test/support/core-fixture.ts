import { createCore, type Core, type CoreOptions } from '../../electron/core/create-core';
import { createMemoryLogger } from '../../electron/core/log/logger';
import { removeDir, tempDir } from './temp-dir';

export interface CoreFixture {
  core: Core;
  dir: string;
  logger: ReturnType<typeof createMemoryLogger>;
  cleanup(): void;
}

/** A core on a real SQLite file in a fresh temp folder. */
export function openTestCore(options: Partial<CoreOptions> = {}, dir = tempDir('core')): CoreFixture {
  const logger = createMemoryLogger();
  const core = createCore({ dataDir: dir, logger, ...options });
  return {
    core,
    dir,
    logger,
    cleanup() {
      core.close();
      removeDir(dir);
    },
  };
}

export const SAMPLE_PROFILE = {
  institution: 'Pemerintah Kota Sukamaju',
  unit: 'Bagian Humas dan Protokol Setda',
  institutionCode: 'Pemkot-SKJ',
  unitCode: 'Humas',
  city: 'Sukamaju',
  province: 'Jawa Tengah',
  timeZone: 'WIB' as const,
  address: 'Jl. Merdeka No. 1, Sukamaju',
  phone: '(0271) 555-0101',
  email: 'humas@sukamaju.example.go.id',
  website: 'https://sukamaju.example.go.id',
};
