/**
 * The shapes of the rulebook (shared/rules): what a role may write to which field of which table
 * in which state, what a device of a role receives, and what an erasure removes. The core's
 * mutation path and the sync server's push check call the same rules; the server's pull applies
 * the same read declarations. See ./rulebook.ts for how a change is judged.
 */
import type { Permission, Role } from '../contract/permissions';
import type { FieldValue, ReplicatedTable } from '../sync/replicated-tables';

/** A row as the rules see it: decoded values by field name, system fields included (deleted_at, created_at). */
export type Row = Readonly<Record<string, FieldValue>>;

/** Indonesian first, English second: both travel, the reader's language picks. */
export interface Words {
  readonly id: string;
  readonly en: string;
}

/** Who makes a change: a person at a device (core), or a device of a role (server). */
export interface Actor {
  can(permission: Permission): boolean;
  readonly permissions: ReadonlySet<Permission>;
  /** The device the change is made on (its HLC node). */
  readonly deviceId: string;
  /** The OPD the device is bound to (a contributor's device, set at enrolment); null for the office's own devices. */
  readonly opdId: string | null;
}

/** Who receives rows: a device of a role (server pull), or a person reading on the core. */
export interface Viewer {
  can(permission: Permission): boolean;
  readonly deviceId: string;
  readonly role: Role | null;
  /** The OPD the device is bound to (a contributor's device); null for the office's own devices. */
  readonly opdId: string | null;
}

export type RuleCode =
  /** The role may not write this table at all. */
  | 'table_forbidden'
  /** The role may write the table, but not this field (personal data, numbering, …). */
  | 'field_forbidden'
  /** The value is not one the field accepts (type, length, choice, date format). */
  | 'invalid_value'
  /** The row's state does not allow this change (an approved release, a workflow step that does not exist). */
  | 'wrong_state'
  /** History rows (transitions, comments, versions, body updates) are written once, never changed. */
  | 'history'
  /** The row was erased on request (UU 27/2022); nothing may change it any more. */
  | 'erased';

export interface Refusal {
  readonly code: RuleCode;
  /** The field the refusal is about; null when it is about the whole change. */
  readonly field: string | null;
  readonly message: Words;
}

/** What the batch (one core transaction, one push) holds, for rules that span rows. */
export interface BatchView {
  /** Accepted changes of a row in this batch so far, in order, each with the row before it. */
  changesOf(table: string, rowId: string): readonly { before: Row | null; fields: Row }[];
  /**
   * Every change of `table` in this batch, judged or not, in HLC order. A device's log keeps only
   * the newest value of each field it has not pushed yet, so a push may carry the approval's
   * number in one change and the approval's transition row in a later one: a rule may look ahead.
   */
  all(table: string): readonly BatchChange[];
}

export interface BatchChange {
  readonly hlc: string;
  readonly rowId: string;
  readonly fields: Row;
}

/** Everything a state rule may read about a change. */
export interface RuleInput {
  readonly actor: Actor;
  readonly table: ReplicatedTable;
  readonly rowId: string;
  readonly hlc: string;
  /** Server time (server) or the machine's clock (core), in ms. */
  readonly now: number;
  /** The row as the judge knows it, or null when it does not exist there yet. */
  readonly before: Row | null;
  /** The fields this change sets. */
  readonly fields: Row;
  /** `before` with the change's fields laid over it (computed on first use). */
  readonly after: Row;
  /** The clock (HLC) of a field of `before`, when known. */
  beforeClock(field: string): string | undefined;
  /** Another row (a parent named by the table's `parents`), or null. */
  row(table: ReplicatedTable, id: string): Row | null;
  /** The clock of a field of another row (a parent), when known. */
  rowClock(table: ReplicatedTable, id: string, field: string): string | undefined;
  readonly batch: BatchView;
}

/** A value check beyond the field spec: returns what is wrong, or null. Null values are checked by `required` only. */
export type Domain = (value: Exclude<FieldValue, null>) => Words | null;

export interface FieldRule {
  /** A stricter permission than the table's write permission, needed to set this field. */
  readonly write?: Permission;
  /** Allowed values (choices, date formats, arrays of roles …). */
  readonly domain?: Domain;
}

export interface RowKey {
  readonly table: ReplicatedTable;
  readonly id: string;
}

/** A group of fields only some viewers may receive (personal data, colleagues' contacts). */
export interface FieldGroup {
  readonly fields: readonly string[];
  readonly visibleTo: (viewer: Viewer) => boolean;
}

export interface ReadRule {
  /** The permission a device's role needs to receive the table at all. */
  readonly permission: Permission;
  /** Fields withheld from viewers outside their group. */
  readonly groups?: readonly FieldGroup[];
  /**
   * Rows a viewer receives, judged on the server's current (materialized) row at each pull page.
   * A table with a predicate is delivered as whole rows: when any change of such a row is in a
   * page, the viewer gets the row's current readable fields (each with its own clock) or, when
   * the predicate says no, an instruction to forget the row. So a row that enters or leaves a
   * viewer's scope later arrives whole or goes whole. (OPD contributors' devices: `row.opd_id === viewer.opdId`.)
   */
  readonly rows?: (row: Row, viewer: Viewer) => boolean;
}

export interface ErasureRule {
  /** A non-null value here marks the row erased; the change that sets it is the erasure. */
  readonly marker: string;
  /** Fields whose earlier values are removed from every stored change and local copy. */
  readonly fields: readonly string[];
}

export interface Derivation {
  /** The table of the row it is about. */
  readonly table: ReplicatedTable;
  /** The field of this table naming that row's id. */
  readonly key: string;
  /** The field of this table whose value it records. */
  readonly from: string;
  /** The name it is kept under on that row. */
  readonly field: `_${string}`;
}

/** The rules of one replicated table. */
export interface TableRules {
  /** Permission(s) needed to write the table at all (any one of them). */
  readonly write: Permission | readonly Permission[];
  readonly fields?: Readonly<Record<string, FieldRule>>;
  /** History rows: inserted once, never changed (not even tombstoned). */
  readonly insertOnly?: boolean;
  /** Rules over the row's state, other rows and the batch; returns the first refusal. */
  readonly check?: (input: RuleInput) => Refusal | null;
  /** Rows the check reads besides the changed one (the server loads them before judging). */
  readonly parents?: (fields: Row, before: Row | null) => readonly RowKey[];
  readonly read: ReadRule;
  readonly erasure?: ErasureRule;
  /**
   * What a row of this table says about another row, kept under a `_`-prefixed name beside that
   * row's fields (never sent to a device, never a column): the server merges it into its current
   * rows when it accepts a change; the core reads it from its own rows when a rule asks. A
   * transition row records where its release stands in the workflow, even when the device's log
   * kept only the release's final status (shared/rules/tables/releases.ts).
   */
  readonly derives?: Derivation;
}
