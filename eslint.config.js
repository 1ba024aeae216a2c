// The walls between the folders are enforced here (architecture.md, "The shape in one picture"):
// shared/ imports nothing outside itself, the renderer never imports Node or electron,
// and the core never imports electron (only electron/shell/ may).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeNames, { name: 'electron', message: 'shared/ must not import electron.' }, { name: 'react', message: 'shared/ must not import React.' }],
          patterns: [
            ...nodeImports,
            { group: ['**/electron/**', '**/renderer/**', '**/server/**', '**/test/**', '**/scripts/**', '**/bench/**'], message: 'shared/ imports nothing outside itself.' },
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
            { group: ['**/electron/**', '**/server/**'], message: 'The renderer reaches the core only through the contract (shared/contract).' },
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
            { group: ['electron/*', '**/shell/**'], message: 'Only electron/shell/ may import electron; the core runs in plain Node.' },
            { group: ['**/renderer/**'], message: 'The core does not import the renderer.' },
          ],
        },
      ],
    },
  },
);
