/**
 * A record's name for a person (issue 19 item 12: the conflicts view speaks in words, not
 * UUIDs): a release by its title, a journalist by name. Rows of a record's parts (a release's
 * transitions, a list's members) are named by the record they belong to, read through `lookup`.
 * Returns null when the row carries nothing that names it, and for singletons (the office
 * profile, settings rows), which the renderer names by their table's label in the person's language.
 */
type Row = Readonly<Record<string, unknown>>;
type Lookup = (table: string, id: string) => Row | undefined;

/** Fields that name a row of each table, in order of preference. */
const OWN_NAME: Record<string, readonly string[]> = {
  releases: ['title', 'number'],
  staff_accounts: ['name', 'login'],
  media_journalist: ['name'],
  media_outlet: ['name'],
  media_contract: ['title', 'number'],
  media_publication: ['title', 'url'],
  media_list: ['name'],
  media_import_batch: ['file_name'],
  media_import_preset: ['name'],
  agenda_events: ['title'],
  agenda_holidays: ['name', 'date'],
  officials: ['name'],
  coverage_staff: ['name'],
  opd: ['name', 'abbreviation'],
  guestbook_entries: ['name'],
  distributions: ['release_title'],
  distribution_recipients: ['name', 'outlet_name'],
};

/** Part rows: the field pointing at the record they belong to, and its table. */
const PARENT: Record<string, readonly [string, string]> = {
  release_body_updates: ['release_id', 'releases'],
  release_transitions: ['release_id', 'releases'],
  release_comments: ['release_id', 'releases'],
  release_versions: ['release_id', 'releases'],
  media_contract_quota: ['contract_id', 'media_contract'],
  media_list_member: ['list_id', 'media_list'],
};

function ownName(table: string, row: Row | undefined): string | null {
  if (!row) return null;
  for (const f of OWN_NAME[table] ?? []) {
    const v = row[f];
    if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 200);
  }
  return null;
}

export function recordName(table: string, row: Row | undefined, lookup: Lookup): string | null {
  const own = ownName(table, row);
  if (own) return own;
  const parent = PARENT[table];
  const parentId = parent && row ? row[parent[0]] : undefined;
  if (parent && typeof parentId === 'string') return ownName(parent[1], lookup(parent[1], parentId));
  return null;
}
