import type { AttachmentRequirement } from '@lib/engine';

/**
 * The corona measures' attachments where a call lists none of its own: the annual accounts with the
 * application (the loss of turnover is read from them), receipts and the auditor's statement with
 * the final payout request; none required.
 */
export const CORONA_ATTACHMENT_DEFAULTS: readonly AttachmentRequirement[] = Object.freeze([
  { kind: 'annual_accounts', required: false },
  { kind: 'other', required: false },
  { kind: 'other', required: false, context: 'information_answer' },
  { kind: 'receipts', required: false, context: 'part_payout_request' },
  { kind: 'receipts', required: false, context: 'final_payout_request' },
  { kind: 'auditor_statement', required: false, context: 'final_payout_request' },
  { kind: 'other', required: false, context: 'final_payout_request' },
] satisfies AttachmentRequirement[]);
