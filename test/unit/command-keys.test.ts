import { describe, expect, it } from 'vitest';
import { commandOfKey } from '../../renderer/app/command-keys';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = { ctrlKey: true }) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('browser mode shortcuts for the app menu commands', () => {
  it('Ctrl/⌘+P prints, Ctrl/⌘+E exports, Ctrl/⌘+, opens Pengaturan (as the desktop menu)', () => {
    expect(commandOfKey(key('p'))).toBe('print');
    expect(commandOfKey(key('P', { metaKey: true }))).toBe('print');
    expect(commandOfKey(key('e'))).toBe('export');
    expect(commandOfKey(key(','))).toBe('settings');
  });
  it('leaves every other key alone: plain letters, Shift/Alt combinations, Ctrl+N (the browser’s)', () => {
    expect(commandOfKey(key('p', {}))).toBeNull();
    expect(commandOfKey(key('e', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(commandOfKey(key('p', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(commandOfKey(key('n'))).toBeNull();
    expect(commandOfKey(key('z'))).toBeNull();
  });
});
