import type { Core } from '../../electron/core/create-core';

/** What a part of the demo generator gets: the core to write through, scale, seed, progress. */
export interface DemoContext {
  core: Core;
  /** 1 is a normal demo office; larger numbers multiply the collections. */
  size: number;
  seed: number;
  progress: (label: string, done: number, total: number) => void;
}

/** One feature's part of the demo office; returns how many records of each kind it made. */
export interface DemoSection {
  name: string;
  run(ctx: DemoContext): Promise<Record<string, number>>;
}
