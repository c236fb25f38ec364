import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, ApiProblems } from '@lib/common';
import type { LifecycleEventType } from '@lib/engine';
import { AuditVerificationDto } from '../audit/audit-verification.dto';
import { Allow, CurrentActor } from '../auth/auth.decorators';
import { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { DecisionLetterDto } from '../letters/letter.dto';
import { LettersService } from '../letters/letters.service';
import {
  ApplicationPage,
  ApplicationQuery,
  ApplicationDetail,
  ApplicationView,
  FinalReportView,
  ApproveReportDto,
  AssignDto,
  AuditEntryDto,
  CaseNoteDto,
  CreateApplicationDto,
  NewCaseNoteDto,
  DecideGrantDto,
  CommentDto,
  GroundsDto,
  MessageDto,
  MessageWithDueDto,
  RequestInformationDto,
  OptionalMessageDto,
  ReasonDto,
  RecommendGrantDto,
  SubmitReportDto,
  UpdateApplicationDto,
  ProposeCancellationDto,
  LodgeAppealDto,
  ProposeAppealReversalDto,
  ProposeAppealForwardDto,
  RequestExtensionDto,
  GrantExtensionDto,
} from './application.dto';
import { ApplicationsService, caseWhere, type CaseKey } from './applications.service';
import { CaseIdPipe } from './case-id.pipe';
import { CaseNotesService } from './case-notes.service';
import { CaseImpartialityDto, DeclareImpartialityDto } from './impartiality.dto';
import { ImpartialityService } from './impartiality.service';

/** A case in the path: its id or its case reference (saksnummer). */
const CaseParam = () =>
  ApiParam({
    name: 'id',
    type: String,
    description: 'The application id (uuid) or its case reference (saksnummer), e.g. BIO-2026-000123',
  });

/** Every lifecycle command answers the same way: the application as it now stands, or a problem. */
function Command(summary: string) {
  return (target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
    HttpCode(200)(target, key, descriptor);
    ApiOperation({ summary })(target, key, descriptor);
    CaseParam()(target, key, descriptor);
    ApiOkResponse({ type: ApplicationView })(target, key, descriptor);
    ApiProblems({
      403: 'Your role may not do this, or you declared yourself partial on the case (partial_on_case)',
      404: 'Unknown, or not yours to see',
      409: 'Not accepted in the current state (lists allowedEvents), or staff: impartiality not declared (impartiality_not_declared)',
      422: 'A rule refused it (lists reasons)',
    })(target, key, descriptor);
  };
}

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly notesService: CaseNotesService,
    private readonly letters: LettersService,
    private readonly impartiality: ImpartialityService,
  ) {}

  private send(actor: Actor, id: CaseKey, type: LifecycleEventType, body: object, key: IdempotencyKey) {
    return this.applications.send(actor, id, type, { ...body }, key);
  }

  @Post()
  @Allow('applicant')
  @ApiOperation({ summary: 'Start a draft application under a published call' })
  @ApiCreatedResponse({ type: ApplicationView })
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateApplicationDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.applications.createDraft(actor, body, key);
  }

  @Get()
  @ApiOperation({ summary: "Applicants: their organisations' applications. Staff: the county's work queue" })
  @ApiOkResponse({ type: ApplicationPage })
  list(@CurrentActor() actor: Actor, @Query() query: ApplicationQuery) {
    return this.applications.list(actor, query);
  }

  @Get(':id')
  @CaseParam()
  @ApiOperation({
    summary: 'One application with its form, status tags, allowed actions, advisories and payment plan',
  })
  @ApiOkResponse({ type: ApplicationDetail })
  @ApiProblems({ 404: 'Unknown, or not yours to see' })
  get(@CurrentActor() actor: Actor, @Param('id', CaseIdPipe) id: CaseKey) {
    return this.applications.get(actor, id);
  }

  @Get(':id/letters')
  @CaseParam()
  @ApiOperation({ summary: "The case's decision letters (vedtaksbrev), oldest first" })
  @ApiOkResponse({ type: [DecisionLetterDto] })
  @ApiProblems({ 404: 'Unknown, or not yours to see' })
  letterList(@CurrentActor() actor: Actor, @Param('id', CaseIdPipe) id: CaseKey) {
    return this.letters.list(actor, caseWhere(id));
  }

  @Get(':id/letters/:letterId/pdf')
  @CaseParam()
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: 'One decision letter as PDF, drawn again from its stored inputs (the SHA-256 it was sent with)',
  })
  @ApiOkResponse({
    description: 'The PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems({ 404: 'Unknown, or not yours to see' })
  async letterPdf(
    @CurrentActor() actor: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Param('letterId', ParseUUIDPipe) letterId: string,
  ): Promise<StreamableFile> {
    const { bytes, filename } = await this.letters.pdf(actor, caseWhere(id), letterId);
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      disposition: `inline; filename="${filename}"`,
      length: bytes.length,
    });
  }

  @Patch(':id')
  @CaseParam()
  @Allow('applicant')
  @ApiOperation({ summary: 'Replace the form while it is editable; send the version you edited' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiProblems({ 409: 'Stale version, or not editable now' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() body: UpdateApplicationDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.applications.updateDraft(actor, id, body, key);
  }

  @Get(':id/report')
  @CaseParam()
  @ApiOperation({
    summary: 'The final report; participant-level personal data only for the applicant and case officers',
  })
  @ApiOkResponse({ type: FinalReportView })
  readReport(@CurrentActor() actor: Actor, @Param('id', CaseIdPipe) id: CaseKey) {
    return this.applications.report(actor, id);
  }

  @Get(':id/history')
  @CaseParam()
  @ApiOperation({ summary: 'Every transition of the application, hash-chained (audit trail)' })
  @ApiOkResponse({ type: [AuditEntryDto] })
  history(@CurrentActor() actor: Actor, @Param('id', CaseIdPipe) id: CaseKey) {
    return this.applications.history(actor, id);
  }

  @Get(':id/notes')
  @CaseParam()
  @ApiOperation({ summary: 'Staff: the internal notes (interne notater) on the case, oldest first' })
  @ApiOkResponse({ type: [CaseNoteDto] })
  @ApiProblems({ 404: 'Unknown, not yours to see, or you are the applicant (notes are internal)' })
  notes(@CurrentActor() actor: Actor, @Param('id', CaseIdPipe) id: CaseKey) {
    return this.notesService.list(actor, id);
  }

  @Post(':id/notes')
  @CaseParam()
  @Allow('case_officer', 'approver')
  @ApiOperation({ summary: 'Add an internal note to the case; never shown to the applicant' })
  @ApiCreatedResponse({ type: CaseNoteDto })
  @ApiProblems({ 403: 'Your role may not do this', 404: 'Unknown, or not yours to see' })
  addNote(
    @CurrentActor() actor: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() body: NewCaseNoteDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.notesService.add(actor, id, body, key);
  }

  @Post(':id/impartiality')
  @HttpCode(200)
  @CaseParam()
  @Allow('case_officer', 'approver')
  @ApiOperation({
    summary:
      'Declare yourself impartial (habil) or partial (inhabil) on the case, forvaltningsloven §§ 6–8. Staff act on a case only when impartial; partial takes you off it for good',
  })
  @ApiOkResponse({ type: CaseImpartialityDto })
  @ApiProblems({
    400: 'Grounds missing when partial, or given when impartial',
    403: 'Your role may not do this, or you declared yourself partial on the case (partial_on_case)',
    404: 'Unknown, or not yours to see',
  })
  declareImpartiality(
    @CurrentActor() actor: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() body: DeclareImpartialityDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.impartiality.declare(actor, id, body, key);
  }

  @Get(':id/history/verification')
  @CaseParam()
  @Allow('case_officer', 'approver', 'finance', 'admin')
  @ApiOperation({ summary: 'Recompute the audit hash chain and say whether (and where) it was altered' })
  @ApiOkResponse({ type: AuditVerificationDto })
  verify(@CurrentActor() actor: Actor, @Param('id', CaseIdPipe) id: CaseKey) {
    return this.applications.verifyHistory(actor, id);
  }

  // ── Applicant ───────────────────────────────────────────────────────────────────────────

  @Post(':id/submit')
  @Command('Submit (søknad sendt): the form is checked against the call, all reasons at once')
  submit(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: CommentDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'SUBMIT', b, k);
  }

  @Post(':id/withdraw')
  @Command('Withdraw the application before a decision')
  withdraw(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: ReasonDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'WITHDRAW', b, k);
  }

  @Post(':id/answer-information')
  @Command('Send the application back to the case officer after supplying the requested information')
  answer(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: OptionalMessageDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'ANSWER_INFO', b, k);
  }

  @Post(':id/accept')
  @Command('Accept the grant (aksept av tilsagn)')
  accept(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: CommentDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'ACCEPT', b, k);
  }

  @Post(':id/decline')
  @Command('Decline the grant; the money returns to the frame')
  decline(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: ReasonDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'DECLINE_GRANT', b, k);
  }

  @Post(':id/report')
  @Command('Submit the final report (sluttrapport)')
  report(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: SubmitReportDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'SUBMIT_REPORT', b, k);
  }

  @Post(':id/request-extension')
  @Command('Ask for a later final report deadline (utsatt frist), with a reason')
  requestExtension(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: RequestExtensionDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'REQUEST_EXTENSION', b, k);
  }

  @Post(':id/appeal')
  @Command(
    "Appeal the decision (klage), with grounds: three weeks from the decision date, later ones marked late; only where the call's decisions are appealable (else 422 not_appealable)",
  )
  lodgeAppeal(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: LodgeAppealDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'LODGE_APPEAL', b, k);
  }

  // ── Case officer ────────────────────────────────────────────────────────────────────────

  @Post(':id/appeal/propose-reversal')
  @Command('Propose that the county reverse its decision on the appeal: a grant, or a higher one')
  proposeAppealReversal(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: ProposeAppealReversalDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'PROPOSE_APPEAL_REVERSAL', b, k);
  }

  @Post(':id/appeal/propose-forward')
  @Command('Propose to send the appeal to the appeals board (klagenemnda), with the preparation note')
  proposeAppealForward(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: ProposeAppealForwardDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'PROPOSE_APPEAL_FORWARD', b, k);
  }

  @Post(':id/grant-extension')
  @Command('Grant the requested extension; the final report deadline and its reminders move')
  grantExtension(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: GrantExtensionDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'GRANT_EXTENSION', b, k);
  }

  @Post(':id/refuse-extension')
  @Command('Refuse the requested extension, with grounds; the deadline stays')
  refuseExtension(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: GroundsDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'REFUSE_EXTENSION', b, k);
  }

  @Post(':id/propose-cancellation')
  @Command('Propose to cancel the accepted grant (heving), with grounds and what is claimed back')
  proposeCancellation(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: ProposeCancellationDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'PROPOSE_CANCELLATION', b, k);
  }

  @Post(':id/assign')
  @Command('Take the case, or hand it to another case officer of the county')
  assign(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: AssignDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'ASSIGN', b, k);
  }

  @Post(':id/request-information')
  @Command("Ask the applicant for more information by a due date; by default the call's business days ahead")
  requestInformation(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: RequestInformationDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'REQUEST_INFO', b, k);
  }

  @Post(':id/recommend-grant')
  @Command('Recommend a grant (innstilling); at most the computed maximum')
  recommendGrant(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: RecommendGrantDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'RECOMMEND_GRANT', b, k);
  }

  @Post(':id/recommend-rejection')
  @Command('Recommend rejection, with grounds')
  recommendRejection(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: GroundsDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'RECOMMEND_REJECTION', b, k);
  }

  @Post(':id/return-report')
  @Command('Send the final report back to the applicant')
  returnReport(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: MessageWithDueDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'RETURN_REPORT', b, k);
  }

  @Post(':id/approve-report')
  @Command('Approve the final report; fixes the final payable amount and closes the case')
  approveReport(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: ApproveReportDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'APPROVE_REPORT', b, k);
  }

  // ── Approver ────────────────────────────────────────────────────────────────────────────

  @Post(':id/decide-grant')
  @Command('Decide the recommended grant (vedtak om tilsagn); not by the recommender')
  decideGrant(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: DecideGrantDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'DECIDE_GRANT', b, k);
  }

  @Post(':id/decide-rejection')
  @Command('Decide rejection (vedtak om avslag); not by the recommender')
  decideRejection(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: GroundsDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'DECIDE_REJECTION', b, k);
  }

  @Post(':id/decide-cancellation')
  @Command(
    'Decide the proposed cancellation (vedtak om heving); not by the proposer. The unpaid rest is released and a repayment claim raised if money is claimed back',
  )
  decideCancellation(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: CommentDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'DECIDE_CANCELLATION', b, k);
  }

  @Post(':id/dismiss-cancellation')
  @Command('Do not cancel: drop the proposed cancellation, with a message to the case officer')
  dismissCancellation(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: MessageDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'DISMISS_CANCELLATION', b, k);
  }

  @Post(':id/appeal/decide-reversal')
  @Command(
    'Reverse the decision as proposed (omgjøring); not by the proposer. The increase is committed on the frame',
  )
  decideAppealReversal(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: CommentDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'DECIDE_APPEAL_REVERSAL', b, k);
  }

  @Post(':id/appeal/decide-forward')
  @Command('Send the appeal to the appeals board as proposed; not by the proposer')
  decideAppealForward(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: CommentDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'DECIDE_APPEAL_FORWARD', b, k);
  }

  @Post(':id/appeal/dismiss-proposal')
  @Command('Send the proposal on the appeal back to the case officer, with a message')
  dismissAppealProposal(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: MessageDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'DISMISS_APPEAL_PROPOSAL', b, k);
  }

  @Post(':id/appeal/upheld')
  @Command("Record the appeals board's outcome: the decision is upheld (stadfestet)")
  recordAppealUpheld(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: GroundsDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'RECORD_APPEAL_UPHELD', b, k);
  }

  @Post(':id/appeal/reversed')
  @Command("Record the appeals board's outcome: the decision is reversed (omgjort) to a grant of the amount")
  recordAppealReversed(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: ProposeAppealReversalDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'RECORD_APPEAL_REVERSED', b, k);
  }

  @Post(':id/appeal/quashed')
  @Command("Record the appeals board's outcome: the rejection is quashed and the case returns to assessment")
  recordAppealQuashed(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: GroundsDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'RECORD_APPEAL_QUASHED', b, k);
  }

  @Post(':id/return-to-review')
  @Command('Send the recommendation back to the case officer instead of deciding')
  returnToReview(
    @CurrentActor() a: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Body() b: MessageDto,
    @IdempotencyKey() k: IdempotencyKey,
  ) {
    return this.send(a, id, 'RETURN_TO_REVIEW', b, k);
  }
}
