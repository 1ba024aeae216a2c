/**
 * The one check every drop target runs before it reads a byte (issue 17 item 5): a folder, a file
 * over the target's limit, a file of the wrong type, or several files where one is wanted are
 * refused whole — nothing imported — with a reason the renderer words. Plain data in, so it is
 * tested without a browser; renderer/components/use-file-drop.ts feeds it from a DataTransfer.
 */
export interface DroppedEntry {
  name: string;
  size: number;
  isDirectory: boolean;
}

export interface DropRule {
  /** Lower-case extensions with the dot: ['.csv', '.xlsx']. */
  extensions: readonly string[];
  maxBytes: number;
  multiple?: boolean;
}

export type DropProblem =
  | { kind: 'nothing' }
  | { kind: 'folder'; name: string }
  | { kind: 'several' }
  | { kind: 'too_large'; name: string; maxBytes: number }
  | { kind: 'wrong_type'; name: string; extensions: readonly string[] };

export function checkDrop(entries: readonly DroppedEntry[], rule: DropRule): DropProblem | null {
  if (entries.length === 0) return { kind: 'nothing' };
  const folder = entries.find((e) => e.isDirectory);
  if (folder) return { kind: 'folder', name: folder.name };
  if (!rule.multiple && entries.length > 1) return { kind: 'several' };
  for (const e of entries) {
    const dot = e.name.lastIndexOf('.');
    const ext = dot >= 0 ? e.name.slice(dot).toLowerCase() : '';
    if (!rule.extensions.includes(ext)) return { kind: 'wrong_type', name: e.name, extensions: rule.extensions };
    if (e.size > rule.maxBytes) return { kind: 'too_large', name: e.name, maxBytes: rule.maxBytes };
  }
  return null;
}
