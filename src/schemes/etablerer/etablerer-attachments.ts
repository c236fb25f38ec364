import type { AttachmentRequirement } from '@lib/engine';

/**
 * Entrepreneurship training's attachments where a call lists none of its own: the course plan with
 * the application, course certificates and receipts with the final payout request; none required.
 */
export const ETABLERER_ATTACHMENT_DEFAULTS: readonly AttachmentRequirement[] = Object.freeze([
  { kind: 'training_plan', required: false },
  { kind: 'other', required: false },
  { kind: 'other', required: false, context: 'information_answer' },
  { kind: 'receipts', required: false, context: 'part_payout_request' },
  { kind: 'course_certificate', required: false, context: 'final_payout_request' },
  { kind: 'receipts', required: false, context: 'final_payout_request' },
  { kind: 'other', required: false, context: 'final_payout_request' },
] satisfies AttachmentRequirement[]);
