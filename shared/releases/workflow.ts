/**
 * The release workflow: draft → in review → approved → published, and withdrawn. Which
 * transitions exist and which permission each needs lives here, in one table; the core's
 * `releases.transition` handler is the single place that checks it (until roles exist the
 * local user holds every permission, but the check already runs).
 */
import type { Permission } from '../contract/permissions';
import type { ReleaseStatus } from './model';

export interface TransitionRule {
  from: readonly ReleaseStatus[];
  permission: Permission;
}

export const TRANSITIONS: Record<ReleaseStatus, TransitionRule> = {
  draft: { from: ['in_review', 'withdrawn'], permission: 'releases.write' }, // send back / reopen
  in_review: { from: ['draft', 'approved'], permission: 'releases.write' }, // submit, or take an approved release back for a correction (it keeps its number)
  approved: { from: ['in_review'], permission: 'releases.review' }, // approve: the number is given here
  published: { from: ['approved'], permission: 'releases.publish' },
  withdrawn: { from: ['draft', 'in_review', 'approved', 'published'], permission: 'releases.publish' },
};

export function canTransition(from: ReleaseStatus, to: ReleaseStatus): boolean {
  return TRANSITIONS[to].from.includes(from);
}

/** Statuses whose text the writer may still change. */
export function isEditable(status: ReleaseStatus): boolean {
  return status === 'draft' || status === 'in_review';
}

/** The permission a transition needs: its target's, but taking back an approved release is the reviewer's. */
export function transitionPermission(from: ReleaseStatus, to: ReleaseStatus): Permission {
  if (from === 'approved' && to === 'in_review') return 'releases.review';
  return TRANSITIONS[to].permission;
}
