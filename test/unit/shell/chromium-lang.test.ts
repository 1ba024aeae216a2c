import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumLocale } from '../../../electron/shell/policy/chromium-lang';

const dirs: string[] = [];
const dir = (machineJson?: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-lang-'));
  dirs.push(d);
  if (machineJson !== undefined) fs.writeFileSync(path.join(d, 'machine.json'), machineJson);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('Chromium locale from the machine preferences', () => {
  it('follows the saved language', () => {
    expect(chromiumLocale(dir('{"language":"en"}'))).toBe('en-GB');
    expect(chromiumLocale(dir('{"language":"id"}'))).toBe('id-ID');
  });
  it('is Indonesian without a file, with a damaged one, or with an unknown language', () => {
    expect(chromiumLocale(dir())).toBe('id-ID');
    expect(chromiumLocale(dir('{not json'))).toBe('id-ID');
    expect(chromiumLocale(dir('{"language":"fr"}'))).toBe('id-ID');
  });
});
