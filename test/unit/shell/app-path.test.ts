import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, isRouteLike, resolveAppPath } from '../../../electron/shell/policy/app-path';

const root = path.resolve('some', 'dist', 'renderer');
const inRoot = (...p: string[]) => path.join(root, ...p);

describe('resolveAppPath', () => {
  it('maps our URLs to files inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://warta/')).toBe(inRoot('index.html'));
    expect(resolveAppPath(root, 'app://warta')).toBe(inRoot('index.html'));
    expect(resolveAppPath(root, 'app://warta/index.html')).toBe(inRoot('index.html'));
    expect(resolveAppPath(root, 'app://warta/assets/index-1a2b.js?v=1#x')).toBe(inRoot('assets', 'index-1a2b.js'));
    expect(resolveAppPath(root, 'app://warta/fonts/Inter%20Var.woff2')).toBe(inRoot('fonts', 'Inter Var.woff2'));
  });

  it.each([
    'app://warta/..%2f..%2fetc%2fpasswd',
    'app://warta/assets/..%2F..%2F..%2Fpackage.json',
    'app://warta/..%5c..%5cpackage.json',
    'app://warta/assets%2f..%2f..%2fsecret',
    'app://warta/index.html%00.png',
    // Stays inside the folder, but an encoded separator is never a real asset name.
    'app://warta/assets/..%2findex.html',
    'app://warta/C:%5cWindows%5cwin.ini',
    'app://warta/C:/Windows/win.ini',
    'app://warta/%E0%A4%A',
  ])('refuses traversal and encoded tricks: %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('keeps plain and %2e-encoded ../ inside the root (the URL parser resolves them before us)', () => {
    // `new URL` collapses dot segments, so these can only ever name a file under root.
    expect(resolveAppPath(root, 'app://warta/../../../etc/passwd')).toBe(inRoot('etc', 'passwd'));
    expect(resolveAppPath(root, 'app://warta/%2e%2e/%2e%2e/package.json')).toBe(inRoot('package.json'));
  });

  it.each(['app://evil/index.html', 'app://warta@evil/index.html', 'app://warta:81/index.html', 'file:///index.html', 'https://warta/index.html', 'nonsense'])(
    'refuses requests that are not ours: %s',
    (url) => {
      expect(resolveAppPath(root, url)).toBeNull();
    },
  );

  it('every resolved path stays under root', () => {
    const tricky = ['app://warta/a/../../b', 'app://warta/./././x', 'app://warta//double//slash', 'app://warta/%2e/x', 'app://warta/a/%2e%2e/%2e%2e/b'];
    for (const url of tricky) {
      const file = resolveAppPath(root, url);
      if (file !== null) expect(file.startsWith(root + path.sep)).toBe(true);
    }
  });
});

describe('content types', () => {
  it('knows the renderer assets and falls back to bytes', () => {
    expect(contentTypeFor('x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('x/a.exe')).toBe('application/octet-stream');
    expect(isRouteLike('x/releases')).toBe(true);
    expect(isRouteLike('x/app.js')).toBe(false);
  });
});
