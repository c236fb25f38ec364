import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, ApiProblems, Clock, notFound } from '@lib/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { BudgetFrame } from '../budget/budget-frame.entity';
import { County } from '../counties/county.entity';
import { AuditVerificationDto } from '../audit/audit-verification.dto';
import { Allow, CurrentActor, Public } from '../auth/auth.decorators';
import { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { CallDto, CreateCallDto, PublicCallDto, UpdateCallDto } from './call.dto';
import { CallsService, toCallDto } from './calls.service';
import { FundingCall } from './funding-call.entity';

type Staff = Extract<Actor, { kind: 'staff' }>;

/** The calls as the public reads them: with the county's name and the frame's size, in two lookups by id. */
async function toPublicCallDtos(
  manager: EntityManager,
  calls: readonly FundingCall[],
  now: Date,
): Promise<PublicCallDto[]> {
  const countyIds = [...new Set(calls.map((c) => c.countyId))];
  const frameIds = [...new Set(calls.flatMap((c) => (c.frameId ? [c.frameId] : [])))];
  const counties = countyIds.length ? await manager.findBy(County, { id: In(countyIds) }) : [];
  const frames = frameIds.length ? await manager.findBy(BudgetFrame, { id: In(frameIds) }) : [];
  const countyName = new Map(counties.map((c) => [c.id, c.name]));
  const allocated = new Map(frames.map((f) => [f.id, f.allocated]));
  return calls.map((call) => ({
    ...toCallDto(call, now),
    countyName: countyName.get(call.countyId) ?? '',
    frameAllocatedOre: call.frameId ? (allocated.get(call.frameId) ?? null) : null,
  }));
}

/** Published calls (utlysninger) are public, like a county's "apply for a grant" page. */
@ApiTags('calls')
@Public()
@Controller('calls')
export class CallsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Published calls, newest first (no login needed)' })
  @ApiOkResponse({ type: [PublicCallDto] })
  async list(): Promise<PublicCallDto[]> {
    const calls = await this.dataSource.manager.find(FundingCall, {
      where: { status: 'published' },
      order: { opensAt: 'DESC', id: 'ASC' },
      take: 200,
    });
    return toPublicCallDtos(this.dataSource.manager, calls, this.clock.now());
  }

  @Get(':id')
  @ApiOperation({ summary: 'One published call, with its rules, window and frame size (no login needed)' })
  @ApiOkResponse({ type: PublicCallDto })
  @ApiProblems({ 404: 'No published call with this id' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<PublicCallDto> {
    const call = await this.dataSource.manager.findOneBy(FundingCall, { id, status: 'published' });
    if (!call) throw notFound('Call');
    const [dto] = await toPublicCallDtos(this.dataSource.manager, [call], this.clock.now());
    return dto;
  }
}

/** A county's admins write calls: drafts they may change, then publish (which freezes them). */
@ApiTags('calls')
@ApiBearerAuth()
@Allow('admin')
@ApiProblems({ 403: 'Not an admin', 404: "No such call in the admin's county" })
@Controller('admin/calls')
export class CallsAdminController {
  constructor(private readonly calls: CallsService) {}

  @Get()
  @ApiOperation({ summary: "The county's calls, drafts included" })
  @ApiOkResponse({ type: [CallDto] })
  list(@CurrentActor() actor: Staff) {
    return this.calls.list(actor);
  }

  @Get(':id')
  @ApiOperation({ summary: "One of the county's calls, draft or published" })
  @ApiOkResponse({ type: CallDto })
  get(@CurrentActor() actor: Staff, @Param('id', ParseUUIDPipe) id: string) {
    return this.calls.get(actor, id);
  }

  @Get(':id/history/verification')
  @ApiOperation({
    summary: "Recompute the call's audit hash chain and say whether (and where) it was altered",
  })
  @ApiOkResponse({ type: AuditVerificationDto })
  verify(@CurrentActor() actor: Staff, @Param('id', ParseUUIDPipe) id: string) {
    return this.calls.verifyHistory(actor, id);
  }

  @Post()
  @ApiOperation({ summary: "A draft call; its parameters must pass the scheme's parameter schema and rules" })
  @ApiCreatedResponse({ type: CallDto })
  @ApiProblems({ 400: 'Invalid fields, each named', 422: "The scheme's rules refuse the parameters" })
  create(@CurrentActor() actor: Staff, @Body() dto: CreateCallDto, @IdempotencyKey() key: IdempotencyKey) {
    return this.calls.create(actor, dto, key);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a draft call, sending the version you read (a published call is frozen: 409)',
  })
  @ApiOkResponse({ type: CallDto })
  @ApiProblems({ 409: 'call_frozen, or stale_version' })
  update(
    @CurrentActor() actor: Staff,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCallDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.calls.update(actor, id, dto, key);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft: its rules freeze and its opening and closing are announced' })
  @ApiOkResponse({ type: CallDto })
  @ApiProblems({
    409: 'call_not_draft: already published',
    422: 'no_frame, or call_window_passed: the call would close before it opens',
  })
  publish(
    @CurrentActor() actor: Staff,
    @Param('id', ParseUUIDPipe) id: string,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.calls.publish(actor, id, key);
  }
}
