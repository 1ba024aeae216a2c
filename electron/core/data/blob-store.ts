import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Files (emblems, photos, scans) stored by the SHA-256 of their content under
 * `<dataDir>/attachments/ab/abcdef…`. The same file is stored once; sync moves blobs by hash.
 * Writes go to a temp file and are renamed into place, so a crash never leaves half a file
 * under a real hash.
 */
export interface BlobStore {
  put(data: Buffer): { hash: string; size: number };
  get(hash: string): Buffer;
  has(hash: string): boolean;
}

const HASH = /^[0-9a-f]{64}$/;

export function createBlobStore(root: string): BlobStore {
  const pathOf = (hash: string) => {
    if (!HASH.test(hash)) throw new RangeError('not a sha-256 hash');
    return path.join(root, hash.slice(0, 2), hash);
  };
  return {
    put(data) {
      const hash = crypto.createHash('sha256').update(data).digest('hex');
      const file = pathOf(hash);
      if (!fs.existsSync(file)) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        const fd = fs.openSync(tmp, 'w');
        try {
          fs.writeSync(fd, data);
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
        fs.renameSync(tmp, file);
      }
      return { hash, size: data.length };
    },
    get(hash) {
      return fs.readFileSync(pathOf(hash));
    },
    has(hash) {
      return HASH.test(hash) && fs.existsSync(pathOf(hash));
    },
  };
}
