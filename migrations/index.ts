import { Foundation1795425854352 } from './1795425854352-Foundation';
import { Applications1795427033736 } from './1795427033736-Applications';
import { Ledger1795428492912 } from './1795428492912-Ledger';
import { Deadlines1795429394435 } from './1795429394435-Deadlines';
import { Notifications1795430125842 } from './1795430125842-Notifications';
import { CallReminders1795432121218 } from './1795432121218-CallReminders';
import { CallDeadlines1795433747102 } from './1795433747102-CallDeadlines';
import { CallAudit1795434902053 } from './1795434902053-CallAudit';
import { WorkQueueStatusIndex1795439364154 } from './1795439364154-WorkQueueStatusIndex';
import { IdempotencyResponseJson1796251794754 } from './1796251794754-IdempotencyResponseJson';
import { FrameVersion1796251854754 } from './1796251854754-FrameVersion';
import { AppendOnlyHistory1796251914754 } from './1796251914754-AppendOnlyHistory';
import { ServiceRole1796251974754 } from './1796251974754-ServiceRole';
import { RecommendedAmount1796252034754 } from './1796252034754-RecommendedAmount';
import { BioCallEligibility1796252094754 } from './1796252094754-BioCallEligibility';
import { CallFollowUpInParameters1796282364837 } from './1796282364837-CallFollowUpInParameters';
import { CaseNotes1796290605817 } from './1796290605817-CaseNotes';
import { WorkQueueIndexes1796291000000 } from './1796291000000-WorkQueueIndexes';
import { OpenGrantPositions1796293417000 } from './1796293417000-OpenGrantPositions';
import { DirectRecipientOrganisationNumber1796297000000 } from './1796297000000-DirectRecipientOrganisationNumber';
import { StaffAdministration1796298000000 } from './1796298000000-StaffAdministration';
import { PaymentRuns1796310753418 } from './1796310753418-PaymentRuns';
import { FrameAudit1796310788278 } from './1796310788278-FrameAudit';
import { RepaymentClaims1796310806599 } from './1796310806599-RepaymentClaims';
import { NotificationBodyAfterSend1796311338043 } from './1796311338043-NotificationBodyAfterSend';
import { PayoutRequests1796315436668 } from './1796315436668-PayoutRequests';
import { InterimReports1796318000000 } from './1796318000000-InterimReports';
import { RunPayoutRequests1796320000000 } from './1796320000000-RunPayoutRequests';
import { FinalPayoutRequest1796321000000 } from './1796321000000-FinalPayoutRequest';
import { DecisionLetters1796322000000 } from './1796322000000-DecisionLetters';
import { Attachments1796323000000 } from './1796323000000-Attachments';
import { AttachmentOwners1796324000000 } from './1796324000000-AttachmentOwners';
import { AppealLetters1796326000000 } from './1796326000000-AppealLetters';
import { CaseNumbers1796327000000 } from './1796327000000-CaseNumbers';
import { Impartiality1796328000000 } from './1796328000000-Impartiality';
import { MoreLetterKinds1796329000000 } from './1796329000000-MoreLetterKinds';
import { Journal1796330000000 } from './1796330000000-Journal';
import { OrganisationRegister1796331000000 } from './1796331000000-OrganisationRegister';

/** Every migration, in order. Add new ones at the end; never edit one that has landed. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  Foundation1795425854352,
  Applications1795427033736,
  Ledger1795428492912,
  Deadlines1795429394435,
  Notifications1795430125842,
  CallReminders1795432121218,
  CallDeadlines1795433747102,
  CallAudit1795434902053,
  WorkQueueStatusIndex1795439364154,
  IdempotencyResponseJson1796251794754,
  FrameVersion1796251854754,
  AppendOnlyHistory1796251914754,
  ServiceRole1796251974754,
  RecommendedAmount1796252034754,
  BioCallEligibility1796252094754,
  CallFollowUpInParameters1796282364837,
  CaseNotes1796290605817,
  WorkQueueIndexes1796291000000,
  OpenGrantPositions1796293417000,
  DirectRecipientOrganisationNumber1796297000000,
  StaffAdministration1796298000000,
  PaymentRuns1796310753418,
  FrameAudit1796310788278,
  RepaymentClaims1796310806599,
  NotificationBodyAfterSend1796311338043,
  PayoutRequests1796315436668,
  InterimReports1796318000000,
  RunPayoutRequests1796320000000,
  FinalPayoutRequest1796321000000,
  DecisionLetters1796322000000,
  Attachments1796323000000,
  AttachmentOwners1796324000000,
  AppealLetters1796326000000,
  CaseNumbers1796327000000,
  Impartiality1796328000000,
  MoreLetterKinds1796329000000,
  Journal1796330000000,
  OrganisationRegister1796331000000,
];
