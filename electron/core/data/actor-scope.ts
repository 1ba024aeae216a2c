/**
 * Who a write is made for, as the mutation path judges it (shared/rules/rulebook.ts):
 *
 * - a person's call: dispatch runs every handler inside `runAsPerson(caller)`, so every write
 *   the handler makes, after any `await`, is judged against that person's permissions
 *   (intersected with the role this machine is enrolled with: a person signed in on a writer's
 *   laptop writes what a writer's device may, because that is what the server accepts from it);
 * - the machine: background work with no person (the outbox recording a send, holidays seeded
 *   from the yearly table, the guest-book retention purge) runs in `asMachine` and is judged
 *   against the role the machine is enrolled with, or, before it is enrolled anywhere, as the
 *   office of its own (every permission: a single laptop is its own administrator);
 * - sync: the engine's convergence writes (restoring a row deleted while edited elsewhere,
 *   taking the office's state after a refusal) are not judged here: they carry decisions the
 *   office already made, and the server judges whatever is pushed.
 *
 * Code that runs outside any scope (tests, benchmarks, scripts) writes as the machine.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { PERMISSIONS, permissionsOf, ROLES, type Permission, type Role } from '../../../shared/contract/permissions';
import type { Caller } from '../caller';

export type WriteScope = { kind: 'person'; caller: Caller } | { kind: 'machine' } | { kind: 'sync' };

const storage = new AsyncLocalStorage<WriteScope>();
const MACHINE: WriteScope = { kind: 'machine' };
const SYNC: WriteScope = { kind: 'sync' };

export function runAsPerson<T>(caller: Caller, fn: () => T): T {
  return storage.run({ kind: 'person', caller }, fn);
}

export function runAsMachine<T>(fn: () => T): T {
  return storage.run(MACHINE, fn);
}

export function runAsSync<T>(fn: () => T): T {
  return storage.run(SYNC, fn);
}

export function currentScope(): WriteScope {
  return storage.getStore() ?? MACHINE;
}

const permissionSets = new WeakMap<Caller, ReadonlySet<Permission>>();
/** A caller's permissions as a set (Caller exposes only `can`). */
export function permissionsOfCaller(caller: Caller): ReadonlySet<Permission> {
  let set = permissionSets.get(caller);
  if (!set) permissionSets.set(caller, (set = new Set(PERMISSIONS.filter((p) => caller.can(p)))));
  return set;
}

export const ALL_PERMISSIONS: ReadonlySet<Permission> = new Set(PERMISSIONS);

export function intersect(a: ReadonlySet<Permission>, b: ReadonlySet<Permission> | null): ReadonlySet<Permission> {
  if (!b) return a;
  const out = new Set<Permission>();
  for (const p of a) if (b.has(p)) out.add(p);
  return out;
}

/** The ceiling a machine's enrolled role puts on every local write (null: not enrolled, no ceiling). */
export function ceilingOf(role: string | null): ReadonlySet<Permission> | null {
  if (role === null) return null;
  return (ROLES as readonly string[]).includes(role) ? permissionsOf([role as Role]) : new Set<Permission>();
}
