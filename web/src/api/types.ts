// Named types of the API for features: only src/api imports schema.d.ts.
import type { components, paths } from './schema';

type Schemas = components['schemas'];

export type PublicCall = Schemas['PublicCallDto'];
export type Scheme = Schemas['SchemeDto'];
export type LocalizedText = Schemas['LocalizedTextDto'];
export type Profile = Schemas['ProfileDto'];
export type Application = Schemas['ApplicationView'];
export type DecisionLetter = Schemas['DecisionLetterDto'];
export type ApplicantTask = Schemas['ApplicantTaskDto'];
export type ApplicationStatus = Schemas['ApplicationView']['status'];
export type OrganisationRef = Schemas['OrganisationRefDto'];
export type CallEligibility = Schemas['CallEligibilityDto'];
export type EligibilityReason = Schemas['EligibilityReasonDto'];
export type AuditEntry = Schemas['AuditEntryDto'];
export type ApplicationDetail = Schemas['ApplicationDetail'];
export type FinalReport = Schemas['FinalReportView'];
export type ReturnedReportVersion = Schemas['ReturnedReportVersionDto'];
export type Instalment = Schemas['InstalmentDto'];
export type GrantPayment = Schemas['GrantPaymentDto'];
export type ApplicationListItem = Schemas['ApplicationListItem'];
export type ApplicationQuery = NonNullable<paths['/api/v1/applications']['get']['parameters']['query']>;
export type StatusFilter = NonNullable<ApplicationQuery['status']>;
export type ApplicationSort = NonNullable<ApplicationQuery['sort']>;
export type CaseNote = Schemas['CaseNoteDto'];
export type SchemeReason = Schemas['SchemeReasonDto'];
export type Frame = Schemas['FrameDto'];
export type BurnDownMonth = Schemas['BurnDownMonthDto'];
export type FramePipeline = Schemas['PipelineDto'];
export type PipelineStage = Schemas['PipelineStageDto'];
export type FrameAlert = Schemas['AlertDto'];
export type PaymentDue = Schemas['PaymentDueDto'];
export type PaymentsDuePage = Schemas['PaymentsDuePageDto'];
export type PaymentBooked = Schemas['PaymentBookedDto'];
export type PaymentRunSummary = Schemas['PaymentRunSummaryDto'];
export type PaymentRun = Schemas['PaymentRunDto'];
export type PaymentRunItem = Schemas['PaymentRunItemDto'];
export type PaymentRunItemInput = Schemas['PaymentRunItemInput'];
export type Organisation = Schemas['OrganisationDto'];
export type LedgerEntry = Schemas['EntryDto'];
export type EntryKind = Schemas['EntryDto']['kind'];
export type EntryFilters = Omit<
  NonNullable<paths['/api/v1/frames/{id}/entries']['get']['parameters']['query']>,
  'after' | 'limit'
>;
export type TopUpBody = Schemas['AllocationDto'];
export type ReallocationBody = Schemas['ReallocationDto'];
export type DirectAllocationBody = Schemas['DirectAllocationDto'];
export type Call = Schemas['CallDto'];
export type CallStatus = Schemas['CallDto']['status'];
export type CreateCall = Schemas['CreateCallDto'];
export type UpdateCall = Schemas['UpdateCallDto'];
export type StaffMember = Schemas['StaffDto'];
export type StaffRole = StaffMember['roles'][number];
export type RepaymentClaim = Schemas['RepaymentClaimDto'];
export type PaymentPlan = Schemas['PaymentPlanDto'];
export type PlanInstalment = Schemas['PlanInstalmentDto'];
// Payout requests
export type PayoutRequest = Schemas['PayoutRequestDto'];
export type PayoutRequests = Schemas['PayoutRequestsDto'];
export type PayoutTerms = Schemas['PayoutTermsDto'];
export type PayoutRequestInput = Schemas['PayoutRequestInputDto'];
export type PayoutRequestStatus = Schemas['PayoutRequestDto']['status'];
export type PayoutRequestKind = Schemas['PayoutRequestDto']['kind'];
// end of Payout requests
// Interim reports
export type InterimReport = Schemas['InterimReportDto'];
export type InterimReportStatus = Schemas['InterimReportDto']['status'];
export type InterimReportForm = Schemas['InterimReportFormDto'];
// end of Interim reports
// Attachments
export type Attachment = Schemas['AttachmentDto'];
export type AttachmentList = Schemas['AttachmentListDto'];
export type AttachmentKind = Schemas['AttachmentDto']['kind'];
// end of Attachments
export type JournalEntry = Schemas['JournalEntryDto'];
export type JournalFilters = Omit<
  NonNullable<paths['/api/v1/journal']['get']['parameters']['query']>,
  'limit'
>;
export type PublicJournalEntry = Schemas['PublicJournalEntryDto'];
