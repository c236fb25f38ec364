import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ApiProblems } from '@lib/common';
import type { CaseKey } from '../applications/applications.service';
import { Allow, CurrentActor } from '../auth/auth.decorators';
import { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import {
  InterimReportDto,
  InterimReportInputDto,
  InterimReportParams,
  InterimReportReturnDto,
  InterimReportsDto,
  InterimReportsParams,
} from './interim-reports.dto';
import { InterimReportsService } from './interim-reports.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The case named in the path: by id, or by case reference in any letter case. */
const caseKey = (id: string): CaseKey =>
  UUID.test(id) ? { id: id.toLowerCase() } : { reference: id.toUpperCase() };

const REFUSALS = {
  400: 'validation_failed: the report does not fit its schema (per-field errors)',
  404: 'Unknown, not yours to see, or a report the grant does not owe',
  409: 'interim_report_frozen, interim_report_not_sent, interim_report_not_started, grant_not_active',
  422: 'interim_report_not_acceptable: the scheme’s checks (with reasons)',
};

/** Interim (status) reports on a grant (delrapporter, e.g. årsrapport): the applicant sends, the case officer decides. */
@ApiTags('interim reports')
@ApiBearerAuth()
@Controller('applications/:id/interim-reports')
export class InterimReportsController {
  constructor(private readonly reports: InterimReportsService) {}

  @Get()
  @ApiOperation({ summary: 'The interim reports the grant owes, with due days and where each stands' })
  @ApiOkResponse({ type: InterimReportsDto })
  @ApiProblems({ 404: REFUSALS[404] })
  list(@CurrentActor() actor: Actor, @Param() params: InterimReportsParams) {
    return this.reports.list(actor, caseKey(params.id));
  }

  @Put(':key')
  @Allow('applicant')
  @ApiOperation({ summary: 'Save the report as a draft; a sent or approved report is frozen (409)' })
  @ApiOkResponse({ type: InterimReportDto })
  @ApiProblems(REFUSALS)
  save(
    @CurrentActor() actor: Actor,
    @Param() params: InterimReportParams,
    @Body() body: InterimReportInputDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.reports.save(actor, caseKey(params.id), params.key, body, key);
  }

  @Post(':key/send')
  @HttpCode(200)
  @Allow('applicant')
  @ApiOperation({ summary: 'Send the saved report to the county; it is frozen from then on' })
  @ApiOkResponse({ type: InterimReportDto })
  @ApiProblems(REFUSALS)
  send(
    @CurrentActor() actor: Actor,
    @Param() params: InterimReportParams,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.reports.send(actor, caseKey(params.id), params.key, key);
  }

  @Post(':key/approve')
  @HttpCode(200)
  @Allow('case_officer')
  @ApiOperation({ summary: 'Approve a sent report; an instalment waiting for it falls due from its date' })
  @ApiOkResponse({ type: InterimReportDto })
  @ApiProblems(REFUSALS)
  approve(
    @CurrentActor() actor: Actor,
    @Param() params: InterimReportParams,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.reports.approve(actor, caseKey(params.id), params.key, key);
  }

  @Post(':key/return')
  @HttpCode(200)
  @Allow('case_officer')
  @ApiOperation({ summary: 'Send a report back with reasons; the applicant corrects and sends it again' })
  @ApiOkResponse({ type: InterimReportDto })
  @ApiProblems(REFUSALS)
  returnReport(
    @CurrentActor() actor: Actor,
    @Param() params: InterimReportParams,
    @Body() body: InterimReportReturnDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.reports.returnReport(actor, caseKey(params.id), params.key, body, key);
  }
}
