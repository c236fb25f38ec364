import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ApiProblems, CSV_CONTENT_TYPE } from '@lib/common';
import { Allow, CurrentActor } from '../auth/auth.decorators';
import { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import {
  AlertDto,
  AllocationDto,
  BurnDownMonthDto,
  PipelineDto,
  CarryOverDto,
  CreateFrameDto,
  DirectAllocationDto,
  DirectAllocationResultDto,
  EntryFilter,
  EntryPageDto,
  EntryQuery,
  FrameDto,
  FramePairDto,
  FrameStatusDto,
  GrantMoneyDto,
  RebuildDto,
  ReallocationDto,
} from './budget.dto';
import { FramesService } from './frames.service';

type Staff = Extract<Actor, { kind: 'staff' }>;

/** A CSV download, as the document describes it. */
const csvResponse = {
  description: 'CSV, one row per line',
  content: { [CSV_CONTENT_TYPE]: { schema: { type: 'string' as const } } },
};

/** Budget frames (rammer) and their ledger: finance acts, approvers may read, admins may list them (for calls). */
@ApiTags('finance')
@ApiBearerAuth()
@Allow('finance')
@ApiProblems({ 403: 'Not finance (or, for reads, approver; for the list, admin too)' })
@Controller('frames')
export class FramesController {
  constructor(private readonly frames: FramesService) {}

  @Get()
  @Allow('finance', 'approver', 'admin')
  @ApiOperation({
    summary:
      "The county's frames with allocated, committed, disbursed and available (O(1) each); admins read them to pick a call's frame",
  })
  @ApiOkResponse({ type: [FrameDto] })
  list(@CurrentActor() actor: Staff) {
    return this.frames.list(actor);
  }

  @Get('balances.csv')
  @Allow('finance', 'approver')
  @Header('Content-Type', CSV_CONTENT_TYPE)
  @Header('Content-Disposition', 'attachment; filename="frames.csv"')
  @ApiOkResponse(csvResponse)
  @ApiOperation({
    summary: "The county's frames and balances as CSV (UTF-8 with BOM, ';', kroner with decimal comma)",
  })
  balancesCsv(@CurrentActor() actor: Staff) {
    return this.frames.balancesCsv(actor);
  }

  @Post()
  @ApiOperation({ summary: 'Create a frame for a scheme and budget year' })
  @ApiCreatedResponse({ type: FrameDto })
  create(@CurrentActor() actor: Staff, @Body() body: CreateFrameDto, @IdempotencyKey() key: IdempotencyKey) {
    return this.frames.create(actor, body, key);
  }

  @Get(':id')
  @Allow('finance', 'approver')
  @ApiOperation({ summary: 'One frame of the county with its balances' })
  @ApiOkResponse({ type: FrameDto })
  @ApiProblems({ 404: 'No such frame in your county' })
  get(@CurrentActor() actor: Staff, @Param('id', ParseUUIDPipe) id: string) {
    return this.frames.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Open or close the frame for new commitments; send the version you read' })
  @ApiOkResponse({ type: FrameDto })
  @ApiProblems({ 409: 'stale_version: the frame changed since that version' })
  setStatus(
    @CurrentActor() actor: Staff,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FrameStatusDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.frames.setStatus(actor, id, body, key);
  }

  @Get(':id/entries')
  @Allow('finance', 'approver')
  @ApiOperation({
    summary:
      'Ledger entries, newest first, keyset-paginated; filtered by kind, days, or a case reference or organisation number',
  })
  @ApiOkResponse({ type: EntryPageDto })
  entries(@CurrentActor() actor: Staff, @Param('id', ParseUUIDPipe) id: string, @Query() query: EntryQuery) {
    return this.frames.entries(actor, id, query);
  }

  @Get(':id/entries.csv')
  @Allow('finance', 'approver')
  @Header('Content-Type', CSV_CONTENT_TYPE)
  @Header('Content-Disposition', 'attachment; filename="ledger-entries.csv"')
  @ApiOkResponse(csvResponse)
  @ApiOperation({
    summary:
      "The frame's entries as CSV, oldest first, with the page's filters: Norwegian headers and kinds in words, dates dd.mm.åååå (UTF-8 with BOM, ';', kroner with decimal comma)",
  })
  entriesCsv(
    @CurrentActor() actor: Staff,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() filter: EntryFilter,
  ) {
    return this.frames.entriesCsv(actor, id, filter);
  }

  @Get(':id/burn-down')
  @Allow('finance', 'approver')
  @ApiOperation({ summary: 'Committed and disbursed per month, and cumulative' })
  @ApiOkResponse({ type: [BurnDownMonthDto] })
  burnDown(@CurrentActor() actor: Staff, @Param('id', ParseUUIDPipe) id: string) {
    return this.frames.burnDown(actor, id);
  }

  @Get(':id/pipeline')
  @Allow('finance', 'approver')
  @ApiOperation({
    summary: 'Undecided applications against the frame, and when it runs out at the recent rate',
  })
  @ApiOkResponse({ type: PipelineDto })
  pipeline(@CurrentActor() actor: Staff, @Param('id', ParseUUIDPipe) id: string) {
    return this.frames.pipeline(actor, id);
  }

  @Get(':id/rebuild')
  @Allow('finance', 'approver')
  @ApiOperation({ summary: 'Recompute the totals from the entries and compare with the running totals' })
  @ApiOkResponse({ type: RebuildDto })
  rebuild(@CurrentActor() actor: Staff, @Param('id', ParseUUIDPipe) id: string) {
    return this.frames.rebuild(actor, id);
  }

  @Get(':id/alerts')
  @Allow('finance', 'approver')
  @ApiOperation({ summary: 'Thresholds (80, 90, 100 % used) the frame has crossed' })
  @ApiOkResponse({ type: [AlertDto] })
  alerts(@CurrentActor() actor: Staff, @Param('id', ParseUUIDPipe) id: string) {
    return this.frames.alerts(actor, id);
  }

  @Post(':id/allocations')
  @HttpCode(200)
  @ApiOperation({
    summary: "The year's allocation, or a top-up (tilleggsbevilgning) with its political case reference",
  })
  @ApiOkResponse({ type: FrameDto })
  @ApiProblems({ 422: 'case_reference_required: a top-up names its political decision' })
  allocate(
    @CurrentActor() actor: Staff,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AllocationDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.frames.allocate(actor, id, body, key);
  }

  @Post(':id/reallocations')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move money to another frame of the county (both sides in one transaction)' })
  @ApiOkResponse({ type: FramePairDto })
  @ApiProblems({
    422: 'case_reference_required, frame_exhausted (with available and requested), same_frame, currency_mismatch',
  })
  reallocate(
    @CurrentActor() actor: Staff,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReallocationDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.frames.reallocate(actor, id, body, key);
  }

  @Post(':id/direct-allocations')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Commit money straight to a named recipient by a recorded decision (no application)',
  })
  @ApiOkResponse({ type: DirectAllocationResultDto })
  @ApiProblems({
    422: 'case_reference_required, invalid_organisation_number, frame_exhausted (with available and requested), frame_closed',
  })
  directAllocation(
    @CurrentActor() actor: Staff,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DirectAllocationDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.frames.directAllocation(actor, id, body, key);
  }

  @Post(':id/disbursements')
  @HttpCode(200)
  @ApiOperation({
    summary: "Pay out committed money of a payable grant (utbetaling); never above what's outstanding",
  })
  @ApiOkResponse({ type: FrameDto })
  disburse(
    @CurrentActor() actor: Staff,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: GrantMoneyDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.frames.disburse(actor, id, body, key);
  }

  @Post(':id/repayments')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record money paid back; it returns to the frame' })
  @ApiOkResponse({ type: FrameDto })
  repay(
    @CurrentActor() actor: Staff,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: GrantMoneyDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.frames.repay(actor, id, body, key);
  }

  @Post(':id/carry-overs')
  @HttpCode(200)
  @ApiOperation({
    summary: "Carry a grant's open commitment and its money over to a later year's frame (overføring)",
  })
  @ApiOkResponse({ type: FramePairDto })
  @ApiProblems({ 422: 'carry_over_exceeds_outstanding, carry_over_not_forward, currency_mismatch …' })
  carryOver(
    @CurrentActor() actor: Staff,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CarryOverDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.frames.carryOver(actor, id, body, key);
  }
}
