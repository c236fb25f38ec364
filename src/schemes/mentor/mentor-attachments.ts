import type { AttachmentRequirement } from '@lib/engine';

/**
 * The mentor scheme's attachments where a call lists none of its own: the project's documents with
 * the application, receipts with payout requests and the auditor's statement with the final one;
 * none required.
 */
export const MENTOR_ATTACHMENT_DEFAULTS: readonly AttachmentRequirement[] = Object.freeze([
  { kind: 'annual_accounts', required: false },
  { kind: 'other', required: false },
  { kind: 'other', required: false, context: 'information_answer' },
  { kind: 'receipts', required: false, context: 'part_payout_request' },
  { kind: 'receipts', required: false, context: 'final_payout_request' },
  { kind: 'auditor_statement', required: false, context: 'final_payout_request' },
  { kind: 'other', required: false, context: 'final_payout_request' },
] satisfies AttachmentRequirement[]);
