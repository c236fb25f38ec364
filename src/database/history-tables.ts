/**
 * The history tables: once written, a row is never changed or removed. Triggers refuse UPDATE, DELETE
 * and TRUNCATE for everyone, and the service's role is granted only SELECT and INSERT on them. A new
 * history table must be added here and, in its migration, get both (tables later migrations create
 * are granted UPDATE and DELETE by default privileges). The database-roles test checks this list
 * against the catalogue.
 */
export const HISTORY_TABLES = [
  'application_report',
  'audit_record',
  'call_audit_record',
  'case_note',
  'decision_letter',
  'frame_alert',
  'frame_audit_record',
  'impartiality_declaration',
  'interim_report_version',
  'journal_entry',
  'ledger_entry',
  'payment_audit_record',
  'payout_request_version',
  'staff_audit_record',
] as const;
