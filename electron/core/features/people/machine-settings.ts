import { DEFAULT_IDLE_LOCK_MINUTES, type MachineSettings } from '../../../../shared/people/account';
import type { Db } from '../../db/open-database';

/**
 * Settings of this machine that decide who may use it: press-room mode and the idle lock.
 * They live in the workspace's local (never synced) table, not in the machine preferences
 * that any caller may change, because only an administrator may change them.
 */
export function createMachineSettings(db: Db) {
  const get = db.prepare('SELECT value FROM local_meta WHERE key = ?');
  const set = db.prepare('INSERT OR REPLACE INTO local_meta (key, value) VALUES (?, ?)');
  // Read on every call (the idle check), written by an administrator now and then: kept in memory.
  // The session owns the one instance, so its cache is never stale.
  let cached: MachineSettings | null = null;
  const load = (): MachineSettings => {
    const pressRoom = (get.get('press_room') as { value: string } | undefined)?.value === '1';
    const idle = Number((get.get('idle_lock_minutes') as { value: string } | undefined)?.value);
    return {
      pressRoom,
      idleLockMinutes: Number.isInteger(idle) && idle > 0 ? idle : pressRoom ? DEFAULT_IDLE_LOCK_MINUTES.pressRoom : DEFAULT_IDLE_LOCK_MINUTES.staff,
    };
  };
  return {
    read(): MachineSettings {
      cached ??= load();
      return cached;
    },
    write(settings: MachineSettings): void {
      set.run('press_room', settings.pressRoom ? '1' : '0');
      set.run('idle_lock_minutes', String(settings.idleLockMinutes));
      cached = null;
    },
  };
}

export type MachineSettingsStore = ReturnType<typeof createMachineSettings>;
