import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, restoreBounds } from '../../../electron/shell/policy/window-bounds';

const laptop = { x: 0, y: 0, width: 1366, height: 728 };
const rightMonitor = { x: 1366, y: 0, width: 1920, height: 1040 };

describe('restoreBounds', () => {
  it('restores a window that is fully visible', () => {
    expect(restoreBounds({ x: 100, y: 50, width: 1000, height: 650 }, [laptop])).toEqual({ x: 100, y: 50, width: 1000, height: 650 });
  });

  it('falls back to a centred default when nothing was saved or the data is junk', () => {
    expect(restoreBounds(undefined, [rightMonitor])).toEqual(DEFAULT_SIZE);
    expect(restoreBounds({ x: 'a', y: 0, width: 10, height: 10 }, [rightMonitor])).toEqual(DEFAULT_SIZE);
    expect(restoreBounds({ x: Number.NaN, y: 0, width: 10, height: 10 }, [rightMonitor])).toEqual(DEFAULT_SIZE);
    // The default never exceeds a small screen.
    expect(restoreBounds(null, [laptop])).toEqual({ width: DEFAULT_SIZE.width, height: 728 });
  });

  it('does not restore onto a monitor that was unplugged', () => {
    const onRight = { x: 1500, y: 100, width: 1200, height: 800 };
    expect(restoreBounds(onRight, [laptop, rightMonitor])).toEqual(onRight);
    expect(restoreBounds(onRight, [laptop])).toEqual({ width: DEFAULT_SIZE.width, height: 728 });
  });

  it('pulls a partly off-screen window back and shrinks it to the display', () => {
    const r = restoreBounds({ x: 1000, y: -10, width: 1600, height: 900 }, [laptop]);
    expect(r).toEqual({ x: 0, y: 0, width: 1366, height: 728 });
  });

  it('refuses a window whose title bar is above every screen', () => {
    expect(restoreBounds({ x: 100, y: -900, width: 1000, height: 800 }, [laptop])).toEqual({ width: DEFAULT_SIZE.width, height: 728 });
  });

  it('never restores a window smaller than the minimum size', () => {
    const r = restoreBounds({ x: 10, y: 10, width: 50, height: 40 }, [rightMonitor, laptop]);
    expect(r).toMatchObject({ width: 900, height: 600 });
  });
});
