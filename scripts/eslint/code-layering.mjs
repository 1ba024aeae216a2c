/**
 * The walls between Warta's folders as one map (architecture.md, "Second round"; the same
 * idea as VS Code's `code-layering` rule): every file belongs to a layer, and a relative
 * import (static, type-only, re-export or dynamic with a literal path) may reach only the
 * layers its own layer allows. Packages (`react`, `node:fs`, `electron`) are the business of
 * `no-restricted-imports` in eslint.config.js; this rule is about our own folders.
 *
 * Files outside every layer (test/, bench/, scripts/, build configs) are not checked, and a
 * checked file may not import them.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const CORE_INFRASTRUCTURE = ['electron/core/rpc', 'electron/core/data', 'electron/core/db', 'electron/core/sync', 'electron/core/audit', 'electron/core/log'];

/** A layer may always import itself; `allowed` names the others. First match wins: specific paths first. */
export const LAYERS = [
  { name: 'core composition root', paths: ['electron/core/create-core.ts'], allowed: ['core infrastructure', 'core features', 'shared', 'package.json'] },
  // The core's worker thread and its relay: open the core (composition root) in a worker, relay to it.
  { name: 'core worker', paths: ['electron/core/worker'], allowed: ['core composition root', 'core infrastructure', 'shared'] },
  { name: 'core features', paths: ['electron/core/features'], allowed: ['core infrastructure', 'shared', 'assets'] },
  // The root files of the core (caller, events, prefs …) are infrastructure too.
  { name: 'core infrastructure', paths: [...CORE_INFRASTRUCTURE, 'electron/core'], allowed: ['shared'] },
  { name: 'electron shell', paths: ['electron/shell'], allowed: ['core worker', 'core composition root', 'core infrastructure', 'core features', 'shared'] },
  { name: 'browser host', paths: ['electron/browser-host'], allowed: ['core worker', 'core composition root', 'core infrastructure', 'core features', 'shared'] },
  { name: 'server', paths: ['server'], allowed: ['shared'] },
  { name: 'renderer', paths: ['renderer'], allowed: ['shared', 'assets'] },
  { name: 'shared', paths: ['shared'], allowed: [] },
  { name: 'assets', paths: ['assets'], allowed: [] },
  { name: 'package.json', paths: ['package.json'], allowed: [] },
];

/** The layer of a path relative to the repository root (forward slashes), or null. */
export function layerOf(rel) {
  // An import names a module without its extension ('./create-core'); a layer may name a file.
  const bare = (p) => p.replace(/\.(tsx?|m?js)$/, '');
  for (const layer of LAYERS) for (const p of layer.paths) if (bare(rel) === bare(p) || rel.startsWith(`${p}/`)) return layer;
  return null;
}

const toRel = (abs) => path.relative(ROOT, abs).split(path.sep).join('/');

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps the walls between folders: each layer imports only the layers it is allowed.' },
    schema: [],
    messages: {
      layering: "The {{from}} layer may not import {{target}} ('{{spec}}'); allowed layers are: {{allowed}}.",
    },
  },
  create(context) {
    const from = layerOf(toRel(context.filename));
    // Build configs such as electron/vite.config.*.ts name paths, they do not import code.
    if (!from || /^electron\/vite\.config\.[^/]+$/.test(toRel(context.filename))) return {};
    const check = (node, source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const spec = source.value;
      if (!spec.startsWith('./') && !spec.startsWith('../')) return;
      const target = layerOf(toRel(path.resolve(path.dirname(context.filename), spec)));
      if (target && (target === from || from.allowed.includes(target.name))) return;
      context.report({
        node,
        messageId: 'layering',
        data: { from: from.name, target: target ? `the ${target.name} layer` : 'files outside every layer', spec, allowed: [from.name, ...from.allowed].join(', ') },
      });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};
