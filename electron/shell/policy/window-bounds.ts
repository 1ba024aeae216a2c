export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 900, height: 600 } as const;

/** How much of the saved window must still be on a screen before we trust its position. */
const MIN_VISIBLE_PX = 120;

function isRect(value: unknown): value is Rect {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]));
}

function overlap(a: Rect, b: Rect): { w: number; h: number } {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { w: Math.max(0, w), h: Math.max(0, h) };
}

/**
 * Where to open the window: the saved bounds when enough of their title bar area is on one of
 * the current displays (a monitor may have been unplugged since), shrunk to fit that display;
 * otherwise a default size centred on the primary display. Returns only a size (no x/y) when
 * the window should be centred by the OS.
 */
export function restoreBounds(saved: unknown, workAreas: readonly Rect[]): Rect | { width: number; height: number } {
  const primary = workAreas[0];
  const fallback = primary
    ? { width: Math.min(DEFAULT_SIZE.width, primary.width), height: Math.min(DEFAULT_SIZE.height, primary.height) }
    : { ...DEFAULT_SIZE };
  if (!isRect(saved)) return fallback;

  // The top strip is what a person grabs to move the window: it must be reachable.
  const titleStrip: Rect = { x: saved.x, y: saved.y, width: saved.width, height: Math.min(40, saved.height) };
  const host = workAreas.find((area) => {
    const o = overlap(titleStrip, area);
    return o.w >= Math.min(MIN_VISIBLE_PX, saved.width) && o.h > 0;
  });
  if (!host) return fallback;

  const width = Math.max(Math.min(saved.width, host.width), Math.min(MIN_SIZE.width, host.width));
  const height = Math.max(Math.min(saved.height, host.height), Math.min(MIN_SIZE.height, host.height));
  const x = Math.min(Math.max(saved.x, host.x), host.x + host.width - width);
  const y = Math.min(Math.max(saved.y, host.y), host.y + host.height - height);
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
}
