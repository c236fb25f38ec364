import type { AttachmentRequirement } from '@lib/engine';

/**
 * BIO's attachments where a call lists none of its own: the training plan (opplæringsplan) with the
 * application, as the guidelines ask; receipts with payout requests; course certificates with the
 * final report; and the auditor's statement (revisorerklæring) on a final payout request large
 * enough to need an accountant's or auditor's confirmation under the call's payout attestation.
 */
export const BIO_ATTACHMENT_DEFAULTS: readonly AttachmentRequirement[] = Object.freeze([
  { kind: 'training_plan', required: true },
  { kind: 'annual_accounts', required: false },
  { kind: 'other', required: false },
  { kind: 'training_plan', required: false, context: 'information_answer' },
  { kind: 'annual_accounts', required: false, context: 'information_answer' },
  { kind: 'other', required: false, context: 'information_answer' },
  { kind: 'receipts', required: false, context: 'part_payout_request' },
  { kind: 'other', required: false, context: 'part_payout_request' },
  { kind: 'course_certificate', required: false, context: 'final_payout_request' },
  { kind: 'receipts', required: false, context: 'final_payout_request' },
  { kind: 'auditor_statement', required: true, context: 'final_payout_request', fromAccountantThreshold: true },
  { kind: 'other', required: false, context: 'final_payout_request' },
] satisfies AttachmentRequirement[]);
