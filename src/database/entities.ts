import { ArchiveDelivery, JournalEntry, JournalSequence } from '../archive/journal-entry.entity';
import { ApplicationReport } from '../applications/application-report.entity';
import { Application } from '../applications/application.entity';
import { CaseNote } from '../applications/case-note.entity';
import { ImpartialityDeclaration } from '../applications/impartiality-declaration.entity';
import { CaseNumberCounter } from '../applications/case-number-counter.entity';
import { Attachment } from '../attachments/attachment.entity';
import { AuditRecord } from '../audit/audit-record.entity';
import { PaymentAuditRecord } from '../audit/payment-audit.entity';
import { BudgetFrame } from '../budget/budget-frame.entity';
import { FrameAlert } from '../budget/frame-alert.entity';
import { FrameAuditRecord } from '../budget/frame-audit.entity';
import { GrantPosition } from '../budget/grant-position.entity';
import { LedgerEntry } from '../budget/ledger-entry.entity';
import { CallAuditRecord } from '../calls/call-audit.entity';
import { FundingCall } from '../calls/funding-call.entity';
import { Deadline } from '../deadlines/deadline.entity';
import { IdempotencyRecord } from '../idempotency/idempotency-record.entity';
import { Notification } from '../notifications/notification.entity';
import { PaymentRunItem } from '../payments/payment-run-item.entity';
import { PaymentRun } from '../payments/payment-run.entity';
import { PayoutRequest, PayoutRequestVersion } from '../payments/payout-request.entity';
import { InterimReport, InterimReportVersion } from '../interim-reports/interim-report.entity';
import { DecisionLetter } from '../letters/decision-letter.entity';
import { County } from '../counties/county.entity';
import { OrganisationMember } from '../organisations/organisation-member.entity';
import { Organisation } from '../organisations/organisation.entity';
import { OutboxMessage } from '../runtime';
import { RepaymentClaim } from '../settlement/repayment-claim.entity';
import { StaffAuditRecord } from '../users/staff-audit.entity';
import { StaffInvitation } from '../users/staff-invitation.entity';
import { UserAccount } from '../users/user.entity';

/** Every entity of the service, for the data source and the schema check. */
export const ENTITIES = [
  County,
  Organisation,
  OrganisationMember,
  UserAccount,
  StaffInvitation,
  StaffAuditRecord,
  FundingCall,
  CallAuditRecord,
  Application,
  CaseNumberCounter,
  ApplicationReport,
  AuditRecord,
  CaseNote,
  ImpartialityDeclaration,
  Attachment,
  OutboxMessage,
  JournalEntry,
  JournalSequence,
  ArchiveDelivery,
  IdempotencyRecord,
  BudgetFrame,
  LedgerEntry,
  FrameAuditRecord,
  GrantPosition,
  FrameAlert,
  Deadline,
  Notification,
  PaymentRun,
  PaymentRunItem,
  PaymentAuditRecord,
  RepaymentClaim,
  PayoutRequest,
  PayoutRequestVersion,
  InterimReport,
  InterimReportVersion,
  DecisionLetter,
];
