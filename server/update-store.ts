/**
 * The installers the administrator publishes for the office's desktops, kept in a folder of
 * the sync server (`<data-dir>/updates` by default): the files themselves, and `releases.json`
 * saying which version is current per platform with each file's sha512 and size. From it the
 * server writes the channel files electron-updater's generic provider reads (`latest.yml` for
 * Windows, `latest-mac.yml`, `latest-linux.yml`, `latest-linux-arm64.yml`).
 *
 * Files, not database rows: installers are 100–200 MB and are served with range requests
 * straight from disk. Several server processes on one PostgreSQL share this folder only if it
 * is on shared storage (README, "Pembaruan aplikasi").
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yaml from 'js-yaml';
import semver from 'semver';
import { z } from 'zod';

export const UPDATE_PLATFORMS = ['win', 'mac', 'linux', 'linux-arm64'] as const;
export type UpdatePlatform = (typeof UPDATE_PLATFORMS)[number];

/** The channel file electron-updater asks for on each platform (its `getChannelFilename` + platform suffix). */
export const CHANNEL_FILES: Record<UpdatePlatform, string> = {
  win: 'latest.yml',
  mac: 'latest-mac.yml',
  linux: 'latest-linux.yml',
  'linux-arm64': 'latest-linux-arm64.yml',
};

/** Larger than any Electron installer; a bound so a mistaken upload cannot fill the disk. */
export const MAX_UPDATE_BYTES = 1024 * 1024 * 1024;
/** Installers of this many versions per platform stay on disk (the current one and the one before). */
const KEEP_VERSIONS = 2;
const INDEX_FILE = 'releases.json';

const INSTALLER_EXTENSIONS: Record<string, UpdatePlatform> = {
  exe: 'win',
  dmg: 'mac',
  zip: 'mac',
  AppImage: 'linux',
  deb: 'linux',
  rpm: 'linux',
  pacman: 'linux',
};

/** The error an administrator reads (CLI or admin API); `status` is the HTTP status the API answers with. */
export class UpdatePublishError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const fileSchema = z.object({ name: z.string(), sha512: z.string(), size: z.number().int().nonnegative() });
const releaseSchema = z.object({ version: z.string(), releaseDate: z.string(), notes: z.string().nullable(), files: z.array(fileSchema).min(1) });
const indexSchema = z.object({
  format: z.literal(1),
  current: z.partialRecord(z.enum(UPDATE_PLATFORMS), releaseSchema).default({}),
  /** Earlier releases per platform, newest first (their installers are kept for a while, their blockmaps always). */
  previous: z.partialRecord(z.enum(UPDATE_PLATFORMS), z.array(releaseSchema)).default({}),
});
type UpdateIndex = z.infer<typeof indexSchema>;
export type PublishedRelease = z.infer<typeof releaseSchema>;
export type PublishedFile = z.infer<typeof fileSchema>;

export interface PublishOptions {
  version?: string;
  platform?: UpdatePlatform;
  notes?: string;
}

export interface PublishResult {
  platform: UpdatePlatform;
  version: string;
  channel: string;
  file: PublishedFile;
}

/** A name safe to use as a file name and in a URL path: no folders, no dot files, no control characters. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,199}$/;

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1) : '';
}

/** Whether the server hands this file to a device: installers and blockmaps only, never the index or a partial upload. */
export function isServableName(name: string): boolean {
  if (!SAFE_NAME.test(name) || name.includes('..')) return false;
  const ext = extensionOf(name);
  if (ext === 'blockmap') return isServableName(name.slice(0, -'.blockmap'.length));
  return ext in INSTALLER_EXTENSIONS;
}

export function platformOf(name: string): UpdatePlatform | null {
  const platform = INSTALLER_EXTENSIONS[extensionOf(name)];
  if (!platform) return null;
  if (platform === 'linux' && /(arm64|aarch64)/i.test(name)) return 'linux-arm64';
  return platform;
}

/** The version in an electron-builder artifact name (`Warta-1.2.0-linux-x86_64.AppImage` → 1.2.0). */
export function versionInName(name: string): string | null {
  // A pre-release only with a known tag: in `Warta-1.2.0-win-x64.exe` the `-win` is the OS, not a pre-release.
  const m = /(\d+\.\d+\.\d+(?:-(?:alpha|beta|rc|pre|dev)(?:\.?\d+)*)?)/.exec(name);
  return m?.[1] && semver.valid(m[1]) ? m[1] : null;
}

export interface UpdateStore {
  readonly dir: string;
  /** Stores an installer (or its `.blockmap`) read from `input`, with its sha512, and makes it current for its platform. */
  publish(name: string, input: Readable, options?: PublishOptions): Promise<PublishResult | { blockmap: string; size: number }>;
  /** The channel file's text (YAML) for `latest*.yml`, or null when nothing is published for that platform. */
  channelText(channelFile: string): string | null;
  /** A published file's path and size on disk, or null. */
  file(name: string): { path: string; size: number } | null;
  current(): Partial<Record<UpdatePlatform, PublishedRelease>>;
}

export function openUpdateStore(dir: string): UpdateStore {
  fs.mkdirSync(dir, { recursive: true });
  const indexPath = path.join(dir, INDEX_FILE);
  let chain: Promise<unknown> = Promise.resolve();

  const readIndex = (): UpdateIndex => {
    let text: string;
    try {
      text = fs.readFileSync(indexPath, 'utf8');
    } catch {
      return { format: 1, current: {}, previous: {} };
    }
    return indexSchema.parse(JSON.parse(text));
  };
  const writeIndex = (index: UpdateIndex) => {
    const tmp = `${indexPath}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(index, null, 2));
    fs.renameSync(tmp, indexPath);
  };

  /** Streams `input` into a hidden temp file in the folder, hashing as it goes; bounded by MAX_UPDATE_BYTES. */
  async function receive(input: Readable): Promise<{ tmp: string; sha512: string; size: number }> {
    const tmp = path.join(dir, `.incoming-${crypto.randomBytes(6).toString('hex')}`);
    const hash = crypto.createHash('sha512');
    let size = 0;
    try {
      await pipeline(
        input,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            size += chunk.length;
            if (size > MAX_UPDATE_BYTES) throw new UpdatePublishError(413, `Berkas pembaruan terlalu besar (batas ${MAX_UPDATE_BYTES / 2 ** 20} MiB). (Update file too large.)`);
            hash.update(chunk);
            yield chunk;
          }
        },
        fs.createWriteStream(tmp, { flags: 'wx' }),
      );
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      if (err instanceof UpdatePublishError) throw err;
      throw new UpdatePublishError(400, `Berkas pembaruan tidak diterima utuh: ${(err as Error).message}. (Upload incomplete.)`);
    }
    if (size === 0) {
      fs.rmSync(tmp, { force: true });
      throw new UpdatePublishError(400, 'Berkas pembaruan kosong. (Empty update file.)');
    }
    return { tmp, sha512: hash.digest('base64'), size };
  }

  /** Keeps the installers of the current and the previous KEEP_VERSIONS-1 releases; blockmaps stay (differential downloads from old versions need them). */
  function prune(index: UpdateIndex): void {
    const keep = new Set<string>();
    for (const platform of UPDATE_PLATFORMS) {
      const releases = [index.current[platform], ...(index.previous[platform] ?? [])].filter((r): r is PublishedRelease => !!r);
      for (const r of releases.slice(0, KEEP_VERSIONS)) for (const f of r.files) keep.add(f.name);
    }
    for (const entry of fs.readdirSync(dir)) {
      if (entry === INDEX_FILE || entry.startsWith('.') || extensionOf(entry) === 'blockmap') continue;
      if (isServableName(entry) && !keep.has(entry)) fs.rmSync(path.join(dir, entry), { force: true });
    }
  }

  async function publishNow(name: string, input: Readable, options: PublishOptions): Promise<PublishResult | { blockmap: string; size: number }> {
    if (!isServableName(name)) {
      input.resume();
      throw new UpdatePublishError(
        400,
        `Nama berkas "${name.slice(0, 80)}" tidak dapat diterbitkan: pakai berkas pemasang buatan electron-builder (.exe, .dmg, .zip, .AppImage, .deb, .rpm) atau .blockmap-nya, tanpa spasi. (Not an installer name.)`,
      );
    }
    if (extensionOf(name) === 'blockmap') {
      const got = await receive(input);
      fs.renameSync(got.tmp, path.join(dir, name));
      return { blockmap: name, size: got.size };
    }
    const platform = options.platform ?? platformOf(name);
    const version = options.version ?? versionInName(name);
    if (!platform || !UPDATE_PLATFORMS.includes(platform)) {
      input.resume();
      throw new UpdatePlatformMissing(name);
    }
    if (!version || !semver.valid(version)) {
      input.resume();
      throw new UpdatePublishError(400, `Versi tidak terbaca dari nama "${name}"; sebutkan dengan --version X.Y.Z. (Version not found in the file name.)`);
    }
    const index = readIndex();
    const before = index.current[platform];
    if (before && semver.lt(version, before.version)) {
      input.resume();
      throw new UpdatePublishError(
        409,
        `Versi ${version} lebih lama daripada versi ${before.version} yang sudah terbit untuk ${platform}; komputer kantor tidak akan turun versi. Terbitkan versi yang lebih baru. (Older than the published version.)`,
      );
    }
    const got = await receive(input);
    fs.renameSync(got.tmp, path.join(dir, name));
    const file: PublishedFile = { name, sha512: got.sha512, size: got.size };
    const releaseDate = new Date().toISOString();
    const notes = options.notes?.trim() ? options.notes.trim().slice(0, 4000) : null;
    if (before && before.version === version) {
      // Another file of the same version (a .deb besides the AppImage): one release, both files.
      const files = [...before.files.filter((f) => f.name !== name && extensionOf(f.name) !== extensionOf(name)), file];
      index.current[platform] = { ...before, files, releaseDate, notes: notes ?? before.notes };
    } else {
      if (before) index.previous[platform] = [before, ...(index.previous[platform] ?? [])].slice(0, 10);
      index.current[platform] = { version, releaseDate, notes, files: [file] };
    }
    writeIndex(index);
    prune(index);
    return { platform, version, channel: CHANNEL_FILES[platform], file };
  }

  return {
    dir,
    publish(name, input, options = {}) {
      // One publish at a time in this process: the index is read, changed and written whole.
      const next = chain.then(() => publishNow(name, input, options));
      chain = next.catch(() => undefined);
      return next;
    },
    channelText(channelFile) {
      const platform = UPDATE_PLATFORMS.find((p) => CHANNEL_FILES[p] === channelFile);
      const release = platform ? readIndex().current[platform] : undefined;
      if (!release) return null;
      const [main] = release.files;
      const info = {
        version: release.version,
        files: release.files.map((f) => ({ url: f.name, sha512: f.sha512, size: f.size })),
        // The fields older electron-updater versions read; the first file is the platform's main installer.
        path: main?.name,
        sha512: main?.sha512,
        releaseDate: release.releaseDate,
        ...(release.notes ? { releaseNotes: release.notes } : {}),
      };
      return yaml.dump(info, { lineWidth: -1 });
    },
    file(name) {
      if (!isServableName(name)) return null;
      const full = path.join(dir, name);
      try {
        const stat = fs.statSync(full);
        return stat.isFile() ? { path: full, size: stat.size } : null;
      } catch {
        return null;
      }
    },
    current: () => readIndex().current,
  };
}

class UpdatePlatformMissing extends UpdatePublishError {
  constructor(name: string) {
    super(400, `Sistem operasi untuk "${name}" tidak terbaca dari jenis berkasnya; sebutkan dengan --platform ${UPDATE_PLATFORMS.join('|')}. (Platform not recognised.)`);
  }
}
