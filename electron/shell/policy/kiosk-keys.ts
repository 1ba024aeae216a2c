/**
 * Keys a locked press-room kiosk swallows before the page or Electron sees them: the ones that
 * reload, open developer tools, quit, close or hide the window, leave full screen or print. The
 * menu that would carry these accelerators is removed too; this list covers the shortcuts that
 * work without a menu (Electron's default reload and devtools keys, Alt+F4, F11).
 * Ctrl+Alt+Del, Alt+Tab and the Windows key belong to the OS and cannot be taken by an app:
 * a press-room PC pairs the kiosk with a restricted Windows account (README, "Aplikasi desktop").
 */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

export function isKioskBlockedKey(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const command = input.control || input.meta;
  if (key === 'F5' || key === 'F11' || key === 'F12') return true;
  if (input.alt && key === 'F4') return true;
  if (command && ['r', 'q', 'w', 'h', 'm', 'p', 'n', 't'].includes(key)) return true;
  // Developer tools: Ctrl+Shift+I/J/C, Cmd+Alt+I/J/C.
  if (command && (input.shift || input.alt) && ['i', 'j', 'c'].includes(key)) return true;
  if (command && key === 'F4') return true;
  return false;
}
