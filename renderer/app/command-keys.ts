import { useEffect } from 'react';
import { BRIDGE_GLOBAL } from '../../shared/contract/bridge';
import { useNavigation } from './navigation-store';

/**
 * The app menu's shortcuts for browser mode, which has no app menu (issue 17): Ctrl/⌘+P prints
 * and Ctrl/⌘+E exports the release open in the editor, Ctrl/⌘+, opens Pengaturan — the same
 * commands the desktop menu sends (electron/shell/policy/menu-template.ts). Rilis Baru keeps its
 * button: Chromium reserves Ctrl+N for a new window. In the desktop app the menu's accelerators
 * answer these keys, so nothing is added there.
 */
export function commandOfKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): 'print' | 'export' | 'settings' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return null;
  const key = e.key.toLowerCase();
  return key === 'p' ? 'print' : key === 'e' ? 'export' : key === ',' ? 'settings' : null;
}

export function useBrowserCommandKeys(): void {
  useEffect(() => {
    if ((window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL]) return;
    const onKey = (e: KeyboardEvent) => {
      const command = commandOfKey(e);
      if (!command) return;
      e.preventDefault();
      useNavigation.getState().runCommand(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
