/**
 * A planned post's steps, with the same review rights as a release (shared/releases/workflow.ts):
 * each post status stands for the release status with the same meaning, and a step needs the
 * permission the release's step needs. So a writer drafts and sends for review, a reviewer
 * approves (releases.review), and marking as posted is publishing (releases.publish).
 */
import type { Permission } from '../contract/permissions';
import type { ReleaseStatus } from '../releases/model';
import { transitionPermission } from '../releases/workflow';
import type { PostStatus } from './model';

const AS_RELEASE: Record<PostStatus, ReleaseStatus> = {
  idea: 'draft',
  draft: 'draft',
  review: 'in_review',
  approved: 'approved',
  posted: 'published',
};

/** Steps a post may take: forward one at a time, back to draft from review, back to review from approved. */
const STEPS: Record<PostStatus, readonly PostStatus[]> = {
  idea: ['draft'],
  draft: ['idea', 'review'],
  review: ['draft', 'approved'],
  approved: ['review', 'posted'],
  posted: [],
};

export function canStep(from: PostStatus, to: PostStatus): boolean {
  return STEPS[from].includes(to);
}

/** The permission a step needs: the release step's between the matching statuses, or writing. */
export function stepPermission(from: PostStatus, to: PostStatus): Permission {
  const a = AS_RELEASE[from];
  const b = AS_RELEASE[to];
  return a === b ? 'releases.write' : transitionPermission(a, b);
}

/** Text, day and account may change until the post is approved; an approved one goes back to review first. */
export function isPostEditable(status: PostStatus): boolean {
  return status === 'idea' || status === 'draft' || status === 'review';
}

export const POST_STATUS_WORDS: Record<PostStatus, [id: string, en: string]> = {
  idea: ['ide', 'an idea'],
  draft: ['draf', 'a draft'],
  review: ['dalam tinjauan', 'in review'],
  approved: ['disetujui', 'approved'],
  posted: ['sudah diunggah', 'posted'],
};
