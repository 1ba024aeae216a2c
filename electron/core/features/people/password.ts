import crypto from 'node:crypto';

/**
 * Passwords are hashed with scrypt (memory-hard) and stored as `scrypt$N$r$p$salt$hash`, so the
 * cost can be raised later without breaking old hashes. N = 2^17 uses 128 MiB and takes about
 * 0.3 s here: costly to guess, quick for a person (bench people.signin_ms). Async, so the
 * core keeps serving other calls while it runs.
 */
const PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const maxmem = (N: number, r: number) => 128 * N * r * 2;

function scrypt(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    crypto.scrypt(password.normalize('NFKC'), salt, KEY_BYTES, { N, r, p, maxmem: maxmem(N, r) }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, PARAMS.N, PARAMS.r, PARAMS.p);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** False for a wrong password and for a malformed stored hash (never throws on bad data). */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    // Spend the same time as a real check so a missing account is not told apart by timing.
    await scrypt(password, Buffer.alloc(16), PARAMS.N, PARAMS.r, PARAMS.p);
    return false;
  }
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const N = Number(n);
  if (!Number.isInteger(N) || N < 2 ** 10 || N > 2 ** 20) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), N, Number(r), Number(p));
  return expected.length === key.length && crypto.timingSafeEqual(expected, key);
}

/** A hash that no password matches, for timing-equal checks of unknown logins. */
export const NO_ACCOUNT_HASH = null;
