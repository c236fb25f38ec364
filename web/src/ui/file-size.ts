/** A file's size in kB or MB, as people read it (never under 1 kB). */
export function fileSize(bytes: number, language: string): string {
  const format = (n: number) =>
    new Intl.NumberFormat(language === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 1 }).format(n);
  return bytes >= 1024 * 1024
    ? `${format(bytes / (1024 * 1024))} MB`
    : `${format(Math.max(1, bytes / 1024))} kB`;
}

/** The words for each kind of attachment, as i18n keys. */
export const ATTACHMENT_KIND_TEXT = {
  training_plan: 'attachments.kind.training_plan',
  annual_accounts: 'attachments.kind.annual_accounts',
  auditor_statement: 'attachments.kind.auditor_statement',
  course_certificate: 'attachments.kind.course_certificate',
  receipts: 'attachments.kind.receipts',
  other: 'attachments.kind.other',
} as const;
