import type { ColumnMapping, ImportKind } from './columns';
import type { ProductProgress } from './quota';
import type { IssueCode, JournalistRecord, OutletRecord, RowIssue } from './records';
import type { ConsentState, ContractStatus, OutletKind, PressCouncilStatus, Product, Tone, UkwLevel } from './vocabulary';
import type { OutletFilter } from './filters';

export type ContractState = 'upcoming' | 'running' | 'ended' | 'cancelled';

export interface Outlet {
  id: string;
  name: string;
  kind: OutletKind | null;
  legalEntity: string;
  address: string;
  region: string;
  latitude: number | null;
  longitude: number | null;
  website: string;
  social: string;
  phone: string;
  email: string;
  editorInChief: string;
  personInCharge: string;
  pressCouncilStatus: PressCouncilStatus;
  pressCouncilCertNo: string;
  pressCouncilCertDate: string | null;
  circulation: number | null;
  monthlyTraffic: number | null;
  broadcastLicence: string;
  notes: string;
  importBatchId: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** A row of the directory table. */
export interface OutletRow {
  id: string;
  name: string;
  kind: OutletKind | null;
  region: string;
  pressCouncilStatus: PressCouncilStatus;
  editorInChief: string;
  journalistCount: number;
  contract: 'running' | 'none';
  updatedAt: string;
}

/** A journalist without personal data: what every staff member may see. */
export interface Journalist {
  id: string;
  outletId: string | null;
  outletName: string;
  name: string;
  beat: string;
  role: string;
  ukwLevel: UkwLevel | null;
  ukwValidUntil: string | null;
  dataSource: string;
  consent: ConsentState;
  consentAt: string | null;
  erasedAt: string | null;
  notes: string;
  /** Never send releases to this person (their wish); every distribution leaves them out. */
  doNotSend: boolean;
  /** Trusted to receive releases before the embargo passes. */
  embargoTrusted: boolean;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** Personal data (UU 27/2022): shown only with media.personal, and every viewing is logged. */
export interface JournalistPersonal {
  phone: string;
  whatsapp: string;
  email: string;
  ukwNumber: string;
  pressCardNo: string;
}

export interface OutletDetail {
  outlet: Outlet;
  journalists: Journalist[];
  contracts: ContractSummary[];
}

export interface ContractSummary {
  id: string;
  outletId: string;
  outletName: string;
  number: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  value: number;
  status: ContractStatus;
  state: ContractState;
  quotaTotal: number;
  deliveredTotal: number;
}

export interface Publication {
  id: string;
  outletId: string;
  outletName: string;
  contractId: string | null;
  product: Product;
  releaseId: string;
  title: string;
  url: string;
  page: string;
  publishedOn: string;
  /** positive / neutral / negative; null until someone judges it. */
  tone: Tone | null;
  attachmentHash: string | null;
  attachmentMime: string | null;
  notes: string;
}

export interface ContractDetail extends ContractSummary {
  notes: string;
  quotas: { product: Product; quota: number }[];
  progress: ProductProgress[];
  publications: Publication[];
}

export interface SearchHit {
  kind: 'outlet' | 'journalist';
  id: string;
  name: string;
  /** Outlet of a journalist, region of an outlet. */
  detail: string;
  /** True when found by the typo-tolerant trigram match, not by prefix. */
  fuzzy: boolean;
}

export interface ImportColumn {
  index: number;
  header: string;
  /** A few values from the first rows, for the mapping screen. */
  samples: string[];
  /** Cells that read like "-", "n/a", "null": a placeholder for nothing. */
  placeholders: number;
  /** Those cells are read as empty (the default); false when the officer keeps them as text. */
  placeholdersEmpty: boolean;
}

export type DuplicateDecision = 'merge' | 'skip' | 'create';

export interface ImportRowView {
  rowNo: number;
  /** Line or row number in the file, as the user sees it in Excel. */
  sourceLine: number;
  record: OutletRecord | JournalistRecord | null;
  issues: RowIssue[];
  duplicate: null | { kind: 'file'; ofLine: number } | { kind: 'db'; id: string; name: string };
  decision: DuplicateDecision | null;
}

export interface ImportPreview {
  sessionId: string;
  fileName: string;
  kind: ImportKind;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headerLine: number;
  columns: ImportColumn[];
  mapping: ColumnMapping;
  /** Columns the mapping leaves out (unknown headers), for the warning. */
  unmapped: string[];
  missingRequired: string[];
  warnings: { code: 'merged_cells' | 'blank_rows' | 'title_rows' | 'unknown_columns' | 'extra_sheets'; count: number; detail?: string }[];
  counts: { rows: number; valid: number; errors: number; warnings: number; duplicatesInFile: number; duplicatesInDb: number; toCreate: number; toMerge: number; toSkip: number };
  /** The first rows with an error, a warning or a duplicate, then the rest, up to a page. */
  rows: ImportRowView[];
}

export interface ImportBatch {
  id: string;
  fileName: string;
  kind: ImportKind;
  status: 'committed' | 'undone' | 'cancelled';
  rowCount: number;
  createdCount: number;
  mergedCount: number;
  skippedCount: number;
  committedAt: string | null;
  undoneAt: string | null;
}

export interface ImportPreset {
  id: string;
  name: string;
  kind: ImportKind;
  /** header (folded) → field */
  mapping: Record<string, string>;
}

export interface ExportedFile {
  fileName: string;
  mime: string;
  base64: string;
  rows: number;
}

export interface DistributionList {
  id: string;
  name: string;
  kind: 'fixed' | 'filter';
  description: string;
  filter: OutletFilter | null;
  outletIds: string[];
  journalistIds: string[];
  updatedAt: string;
}

/** Who a list reaches today: outlets' offices and their journalists (contacts only with media.personal). */
export interface Recipient {
  outletId: string;
  outletName: string;
  journalistId: string | null;
  name: string;
  email: string | null;
  whatsapp: string | null;
  /** The person asked not to receive releases: every send leaves them out. */
  doNotSend: boolean;
  /** May receive releases before their embargo (trusted not to publish early). */
  embargoTrusted: boolean;
}

export type { IssueCode, RowIssue };
