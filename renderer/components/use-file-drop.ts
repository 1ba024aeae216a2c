import { useState, type DragEvent } from 'react';
import { checkDrop, type DropProblem, type DropRule } from '../../shared/desktop/dropped-files';
import { useT } from '../i18n/use-t';

/**
 * Drag and drop of files onto a target (the release editor, the media import, the agenda import).
 * Everything dropped is checked first (shared/desktop/dropped-files.ts); a refused drop imports
 * nothing and says why next to the target.
 */
export function useFileDrop(rule: DropRule, onFiles: (files: File[]) => void) {
  const { t } = useT();
  const [over, setOver] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const describe = (p: DropProblem): string => {
    switch (p.kind) {
      case 'nothing':
        return t('drop.nothing');
      case 'folder':
        return t('drop.folder', { name: p.name });
      case 'several':
        return t('drop.several');
      case 'too_large':
        return t('drop.tooLarge', { name: p.name, limit: `${Math.round(p.maxBytes / (1024 * 1024))} MB` });
      case 'wrong_type':
        return t('drop.wrongType', { name: p.name, types: p.extensions.join(', ') });
    }
  };

  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');
  /** Checks a drop and hands the files on, or says why not; for targets with their own drop handling (the editor). */
  const accept = (data: DataTransfer): void => {
    const items = Array.from(data.items).filter((i) => i.kind === 'file');
    const files = Array.from(data.files);
    const entries = files.map((f, i) => ({ name: f.name, size: f.size, isDirectory: items[i]?.webkitGetAsEntry()?.isDirectory ?? false }));
    const found = checkDrop(entries, rule);
    if (found) {
      setProblem(describe(found));
      return;
    }
    setProblem(null);
    onFiles(files);
  };
  return {
    over,
    problem,
    accept,
    clearProblem: () => setProblem(null),
    props: {
      onDragOver(e: DragEvent) {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      },
      onDragLeave() {
        setOver(false);
      },
      onDrop(e: DragEvent) {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.stopPropagation();
        setOver(false);
        accept(e.dataTransfer);
      },
    },
  };
}
