import type { Db } from '../../db/open-database';

/**
 * Slows down guessing: after a few failed sign-ins for a login, each further attempt must wait
 * longer (2 s, 4 s, 8 s … up to 5 minutes). Kept in the database, so restarting the app does
 * not reset it; a successful sign-in clears it.
 */
export const FREE_ATTEMPTS = 3;
export const MAX_DELAY_MS = 5 * 60_000;

export function delayAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, 2_000 * 2 ** (failures - FREE_ATTEMPTS));
}

export function createSigninThrottle(db: Db, now: () => number) {
  const get = db.prepare('SELECT failures, last_failed_at FROM local_signin_failures WHERE login = ?');
  const upsert = db.prepare(
    `INSERT INTO local_signin_failures (login, failures, last_failed_at) VALUES (?, 1, ?)
     ON CONFLICT (login) DO UPDATE SET failures = failures + 1, last_failed_at = excluded.last_failed_at`,
  );
  const clear = db.prepare('DELETE FROM local_signin_failures WHERE login = ?');
  return {
    /** Milliseconds this login must still wait before it may try again (0 = may try now). */
    waitFor(login: string): number {
      const row = get.get(login) as { failures: number; last_failed_at: number } | undefined;
      if (!row) return 0;
      return Math.max(0, row.last_failed_at + delayAfter(row.failures) - now());
    },
    failed(login: string): number {
      upsert.run(login, now());
      return (get.get(login) as { failures: number }).failures;
    },
    succeeded(login: string): void {
      clear.run(login);
    },
  };
}
