/** One entry of the audit trail as the API returns it (electron/core/audit/audit-log.ts). */
export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}
