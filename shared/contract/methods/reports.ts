import { z } from 'zod';
import type { ExportedFile } from '../../media/types';
import type { Report } from '../../reports/model';
import { periodInput } from '../../reports/period';
import { query } from '../define';

export const REPORT_FORMATS = ['pdf', 'docx', 'xlsx'] as const;

const exportInput = z
  .object({
    period: periodInput,
    format: z.enum(REPORT_FORMATS),
    /** The name under the signature line (the head of the unit); empty leaves a line to sign on. */
    signer: z.string().trim().max(120).default(''),
  })
  .strict();

/**
 * Laporan: the period's performance report for staff (releases, coverage, partnerships,
 * distribution, agenda). Journalists and guests have no `releases.read` and get nothing.
 */
export const reportsMethods = {
  'reports.compute': query<typeof periodInput, Report>('releases.read', periodInput),
  'reports.export': query<typeof exportInput, ExportedFile>('releases.read', exportInput),
};
