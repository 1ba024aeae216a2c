import type { mediaMethods } from '../../../../shared/contract/methods/media';

export type MediaMethodName = keyof typeof mediaMethods;
