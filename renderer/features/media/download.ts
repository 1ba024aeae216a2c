import type { ExportedFile } from '../../../shared/media/types';

/** Hands a file made by the core to the browser's download (the desktop shell saves it the same way). */
export function saveFile(file: ExportedFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a chosen file as base64 pieces of at most `chunk` bytes (each call message stays small). */
export async function* fileChunks(file: Blob, chunk: number): AsyncGenerator<{ base64: string; done: number }> {
  if (file.size === 0) {
    yield { base64: '', done: 0 };
    return;
  }
  for (let start = 0; start < file.size; start += chunk) {
    const buf = new Uint8Array(await file.slice(start, start + chunk).arrayBuffer());
    let binary = '';
    for (let i = 0; i < buf.length; i += 0x8000) binary += String.fromCharCode(...buf.subarray(i, i + 0x8000));
    yield { base64: btoa(binary), done: Math.min(file.size, start + chunk) };
  }
}
