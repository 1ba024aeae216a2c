import type { Core } from '../../electron/core/create-core';
import { officeSection } from './office';
import { agendaSection } from './agenda';
import { mediaSection } from './media';
import { releasesSection } from './releases';
import type { DemoSection } from './section';

export { DEMO_PROFILE } from './office';

/**
 * Fills a workspace with an invented, plausible office: no real person's personal data.
 * `size` scales every collection for benchmark workspaces. Each feature adds its section
 * (scripts/demo/<feature>.ts) to this list, after the sections it builds on.
 */
const SECTIONS: DemoSection[] = [officeSection, agendaSection, mediaSection, releasesSection];

export interface GenerateOptions {
  size?: number;
  seed?: number;
  onProgress?: (label: string, done: number, total: number) => void;
}

export async function generateWorkspace(core: Core, options: GenerateOptions = {}): Promise<Record<string, number>> {
  const ctx = {
    core,
    size: Math.max(1, Math.floor(options.size ?? 1)),
    seed: options.seed ?? 2026,
    progress: options.onProgress ?? (() => {}),
  };
  const counts: Record<string, number> = {};
  for (const section of SECTIONS) Object.assign(counts, await section.run(ctx));
  return counts;
}
