/**
 * The rulebook: one set of rules, called by the core's mutation path for every local write
 * (electron/core/data/mutator.ts) and by the sync server for every pushed change
 * (server/push-decider.ts). Whatever the core refuses for a role, the server refuses for a device
 * of that role, because both ask `judge` here.
 *
 * A change is judged in this order, first refusal wins:
 * 1. the table's write permission (any one of `write`);
 * 2. history tables take inserts only;
 * 3. every field: declared (shared/sync/tables), its type and length, its domain, its own
 *    write permission (personal data, numbering);
 * 4. the table's state rule (`check`): workflow, erased rows, who may touch which row.
 *
 * A new table gets its rules in ./tables/<feature>.ts; a table without rules is written by
 * nobody and read by nobody (the tests check every replicated table has rules).
 */
import { permissionsOf, type Permission, type Role } from '../contract/permissions';
import type { RowState } from '../sync/merge';
import { checkFieldValue, fieldSpec, isReplicatedTable, type FieldSpec, type FieldValue, type ReplicatedTable } from '../sync/replicated-tables';
import { isoInstant } from './domains';
import { refuse } from './refuse';
import { agendaRules } from './tables/agenda';
import { distributionRules } from './tables/distribution';
import { mediaRules } from './tables/media';
import { officeRules } from './tables/office';
import { peopleRules } from './tables/people';
import { releaseRules } from './tables/releases';
import { requestRules } from './tables/requests';
import { networkRules } from './tables/network';
import { campaignRules } from './tables/campaigns';
import { publicdeskRules } from './tables/publicdesk';
import type { Actor, BatchChange, BatchView, Derivation, Domain, Refusal, Row, RuleInput, TableRules, Viewer } from './types';

export const RULEBOOK: Readonly<Record<ReplicatedTable, TableRules>> = {
  ...officeRules,
  ...peopleRules,
  ...releaseRules,
  ...agendaRules,
  ...mediaRules,
  ...distributionRules,
  ...requestRules,
  ...networkRules,
  ...campaignRules,
  ...publicdeskRules,
};

export function rulesOf(table: string): TableRules | null {
  return isReplicatedTable(table) ? RULEBOOK[table] : null;
}

/** System stamps every row carries: written by the mutation path as ISO instants. */
const SYSTEM_DOMAINS: Readonly<Record<string, Domain>> = { created_at: isoInstant, deleted_at: isoInstant };

interface FieldPlan {
  spec: FieldSpec;
  domain: Domain | undefined;
  write: Permission | undefined;
}

/** Per table, per field: spec, domain and permission looked up once. */
const PLANS = new Map<string, Map<string, FieldPlan>>();
function plansOf(table: ReplicatedTable): Map<string, FieldPlan> {
  let plans = PLANS.get(table);
  if (!plans) PLANS.set(table, (plans = new Map()));
  return plans;
}
function planOf(plans: Map<string, FieldPlan>, table: ReplicatedTable, field: string): FieldPlan | undefined {
  let plan = plans.get(field);
  if (plan === undefined) {
    const spec = fieldSpec(table, field);
    if (!spec) return undefined;
    const rule = RULEBOOK[table].fields?.[field as never] as { write?: Permission; domain?: Domain } | undefined;
    plan = { spec, domain: rule?.domain ?? SYSTEM_DOMAINS[field], write: rule?.write };
    plans.set(field, plan);
  }
  return plan;
}

/** The row a change of `table` records something about (to load it before deciding), or null. */
export function derivedTarget(table: string, fields: Row): { table: ReplicatedTable; rowId: string } | null {
  const d = rulesOf(table)?.derives;
  const id = d ? fields[d.key] : undefined;
  return d && typeof id === 'string' ? { table: d.table, rowId: id } : null;
}

/**
 * What a row records about another row after a change was merged into it (its table's
 * `derives`): the value and the clock of the recording field, as the core reads it back from
 * its rows (data/write-judge.ts). Null when the row records nothing.
 */
export function derivedWrite(table: string, row: RowState): { table: ReplicatedTable; rowId: string; field: string; value: FieldValue; hlc: string } | null {
  const d = rulesOf(table)?.derives;
  if (!d) return null;
  const id = row.values[d.key];
  const value = row.values[d.from];
  const hlc = row.clocks[d.from];
  return typeof id === 'string' && value !== undefined && value !== null && hlc !== undefined ? { table: d.table, rowId: id, field: d.field, value, hlc } : null;
}

/** The tables whose changes record something about rows of `table` (for the core to read back). */
export function derivationsInto(table: string): readonly (Derivation & { source: ReplicatedTable })[] {
  return DERIVATIONS.get(table) ?? [];
}
const DERIVATIONS = new Map<string, (Derivation & { source: ReplicatedTable })[]>();
for (const [source, rules] of Object.entries(RULEBOOK) as [ReplicatedTable, TableRules][])
  if (rules.derives) {
    const list = DERIVATIONS.get(rules.derives.table) ?? [];
    list.push({ ...rules.derives, source });
    DERIVATIONS.set(rules.derives.table, list);
  }

/** The value domain of a field (its rule's, or a system stamp's), if it has one. */
export function domainOf(table: string, field: string): Domain | undefined {
  if (!isReplicatedTable(table)) return undefined;
  return planOf(plansOf(table), table, field)?.domain;
}

/** The permissions needed to write a table at all (any one of them). */
export function writePermissionsOf(table: string): readonly Permission[] {
  const rules = rulesOf(table);
  if (!rules) return [];
  return typeof rules.write === 'string' ? [rules.write] : rules.write;
}

export interface JudgeInput {
  actor: Actor;
  table: string;
  rowId: string;
  hlc: string;
  fields: Row;
  before: Row | null;
  now: number;
  batch: BatchView;
  beforeClock?: (field: string) => string | undefined;
  row?: (table: ReplicatedTable, id: string) => Row | null;
  rowClock?: (table: ReplicatedTable, id: string, field: string) => string | undefined;
}

const none = () => undefined;
const noRow = () => null;

/** Judges one change; null when the rules allow it. */
export function judge(input: JudgeInput): Refusal | null {
  const { actor, table, fields, before } = input;
  if (!isReplicatedTable(table)) return refuse('table_forbidden', null, `Tabel ${table} tidak dikenal.`, `Unknown table ${table}.`);
  const rules = RULEBOOK[table];
  const write = rules.write;
  if (typeof write === 'string' ? !actor.can(write) : !write.some((p) => actor.can(p))) {
    const needed = typeof write === 'string' ? write : write.join(' / ');
    return refuse('table_forbidden', null, `Peran ini tidak boleh mengubah ${table} (perlu izin ${needed}).`, `This role may not write ${table} (needs ${needed}).`);
  }
  if (rules.insertOnly && before !== null)
    return refuse('history', null, `Riwayat (${table}) hanya ditambah, tidak pernah diubah.`, `History (${table}) is only added to, never changed.`);
  const plans = plansOf(table);
  for (const name in fields) {
    const plan = planOf(plans, table, name);
    if (!plan) return refuse('invalid_value', name, `Kolom tidak dikenal: ${table}.${name}.`, `Unknown field ${table}.${name}.`);
    const value = fields[name] as FieldValue;
    const problem = checkFieldValue(plan.spec, value);
    if (problem) return refuse('invalid_value', name, `Nilai ${table}.${name} tidak sah: ${problem}.`, `Invalid value for ${table}.${name}: ${problem}.`);
    if (value !== null && plan.domain) {
      const wrong = plan.domain(value);
      if (wrong) return refuse('invalid_value', name, `Nilai ${table}.${name} tidak sah: ${wrong.id}.`, `Invalid value for ${table}.${name}: ${wrong.en}.`);
    }
    if (plan.write && !actor.can(plan.write))
      return refuse('field_forbidden', name, `Peran ini tidak boleh mengubah ${table}.${name} (perlu izin ${plan.write}).`, `This role may not write ${table}.${name} (needs ${plan.write}).`);
  }
  if (!rules.check) return null;
  let after: Row | null = null;
  const ruleInput: RuleInput = {
    actor,
    table,
    rowId: input.rowId,
    hlc: input.hlc,
    now: input.now,
    before,
    fields,
    get after() {
      return (after ??= before ? { ...before, ...fields } : fields);
    },
    beforeClock: input.beforeClock ?? none,
    row: input.row ?? noRow,
    rowClock: input.rowClock ?? none,
    batch: input.batch,
  };
  return rules.check(ruleInput);
}

/**
 * One batch (a core transaction, a push) for the rules: what it has accepted so far, and every
 * change it carries (a push's are known up front; a transaction's as they are written).
 */
export class RuleBatch implements BatchView {
  private readonly rows = new Map<string, { before: Row | null; fields: Row }[]>();
  private readonly byTable = new Map<string, BatchChange[]>();
  constructor(changes: readonly (BatchChange & { table: string })[] = []) {
    for (const c of changes) this.add(c.table, c);
  }
  changesOf(table: string, rowId: string) {
    return this.rows.get(`${table}\u0000${rowId}`) ?? [];
  }
  all(table: string): readonly BatchChange[] {
    return this.byTable.get(table) ?? [];
  }
  /** An accepted change; `known`: the batch was given its changes up front (a push). */
  note(table: string, rowId: string, before: Row | null, fields: Row, hlc?: string): void {
    const key = `${table}\u0000${rowId}`;
    const list = this.rows.get(key);
    if (list) list.push({ before, fields });
    else this.rows.set(key, [{ before, fields }]);
    if (hlc !== undefined) this.add(table, { hlc, rowId, fields });
  }
  clear(): void {
    this.rows.clear();
    this.byTable.clear();
  }
  private add(table: string, c: BatchChange): void {
    const list = this.byTable.get(table);
    if (list) list.push(c);
    else this.byTable.set(table, [c]);
  }
}

/** An actor from a set of permissions (a person's roles, a device's role, or their intersection). */
export function actorOf(permissions: ReadonlySet<Permission>, deviceId: string, opdId: string | null = null): Actor {
  return { permissions, deviceId, opdId, can: (p) => permissions.has(p) };
}

/** A device of one role (bound to an OPD or not) as an actor (the server's view of a pushing device). */
export function deviceActor(role: Role, deviceId: string, opdId: string | null = null): Actor {
  return actorOf(permissionsOf([role]), deviceId, opdId);
}

export function viewerOf(
  role: Role | null,
  deviceId: string,
  permissions: ReadonlySet<Permission> = permissionsOf(role ? [role] : []),
  opdId: string | null = null,
): Viewer {
  return { role, deviceId, opdId, can: (p) => permissions.has(p) };
}
