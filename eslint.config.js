// The walls between the folders are enforced here (architecture.md, "The shape in one picture"
// and "Second round"). Between our own folders, one map: scripts/eslint/code-layering.mjs
// (shared/ imports only itself; server/ and electron/ meet only in shared/; the renderer only
// shared/; the core's infrastructure never imports features/). Packages per folder below:
// shared/ is pure TypeScript, the renderer never imports Node or electron, and the core never
// imports electron (only electron/shell/ may).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import codeLayering from './scripts/eslint/code-layering.mjs';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http', 'http2',
  'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'timers', 'tls', 'url', 'util', 'v8',
  'vm', 'worker_threads', 'zlib',
];
const nodeImports = [{ group: ['node:*'], message: 'Node is not available here.' }];
const nodeNames = NODE_BUILTINS.map((name) => ({ name, message: 'Node is not available here.' }));

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', '.tmp/**', 'test-results/**', 'playwright-report/**', 'bench/workspace/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx', 'electron/**/*.ts', 'server/**/*.ts'],
    plugins: { local: { rules: { 'code-layering': codeLayering } } },
    rules: { 'local/code-layering': 'error' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeNames, { name: 'electron', message: 'shared/ must not import electron.' }, { name: 'react', message: 'shared/ must not import React.' }],
          patterns: [
            ...nodeImports,
            { group: ['better-sqlite3', 'ws', 'electron-store', 'react-dom', 'zustand'], message: 'shared/ is pure TypeScript.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeNames, { name: 'electron', message: 'The renderer talks to the core through the bridge only.' }],
          patterns: [
            ...nodeImports,
            { group: ['better-sqlite3', 'ws', 'electron-store'], message: 'The renderer never touches Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'server/**/*.ts'],
    ignores: ['electron/shell/**', 'electron/vite.config.*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only electron/shell/ may import electron; the core runs in plain Node.' }],
          patterns: [
            { group: ['electron/*'], message: 'Only electron/shell/ may import electron; the core runs in plain Node.' },
          ],
        },
      ],
    },
  },
);
