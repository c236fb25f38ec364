import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ApiProblems } from '@lib/common';
import type { CaseKey } from '../applications/applications.service';
import { Allow, CurrentActor } from '../auth/auth.decorators';
import { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import {
  ApprovePayoutDto,
  BookPayoutDto,
  PayoutBookedDto,
  PayoutPaymentParams,
  PayoutReasonDto,
  PayoutRequestDto,
  PayoutRequestInputDto,
  PayoutRequestNumberParams,
  PayoutRequestParams,
  PayoutRequestsDto,
} from './payout-requests.dto';
import { PayoutRequestsService } from './payout-requests.service';

type Staff = Extract<Actor, { kind: 'staff' }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The case named in the path: by id, or by case reference in any letter case. */
const caseKey = (id: string): CaseKey =>
  UUID.test(id) ? { id: id.toLowerCase() } : { reference: id.toUpperCase() };

const REFUSALS = {
  404: 'Unknown, or not yours to see',
  409: 'payout_request_open, payout_request_frozen, payout_request_not_sent, grant_not_active',
  422: 'invalid_account_number, invalid_iban, payout_amount_too_high (with the numbers), accountant_confirmation_required …',
};

/** Payout requests (utbetalingsanmodninger) on a grant: the applicant files them, the case officer decides. */
@ApiTags('payout requests')
@ApiBearerAuth()
@Controller()
export class PayoutRequestsController {
  constructor(private readonly requests: PayoutRequestsService) {}

  @Get('applications/:id/payout-requests')
  @ApiOperation({ summary: "The grant's payout requests, newest first, and what a new one may be" })
  @ApiOkResponse({ type: PayoutRequestsDto })
  @ApiProblems({ 404: REFUSALS[404] })
  list(@CurrentActor() actor: Actor, @Param() params: PayoutRequestParams) {
    return this.requests.list(actor, caseKey(params.id));
  }

  @Post('applications/:id/payout-requests')
  @Allow('applicant')
  @ApiOperation({
    summary:
      'Start a payout request for a part payment, or the final one with the final report (a draft until it is sent)',
  })
  @ApiCreatedResponse({ type: PayoutRequestDto })
  @ApiProblems(REFUSALS)
  create(
    @CurrentActor() actor: Actor,
    @Param() params: PayoutRequestParams,
    @Body() body: PayoutRequestInputDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.requests.create(actor, caseKey(params.id), body, key);
  }

  @Put('applications/:id/payout-requests/:number')
  @Allow('applicant')
  @ApiOperation({ summary: 'Replace a draft or returned request; a sent request is frozen (409)' })
  @ApiOkResponse({ type: PayoutRequestDto })
  @ApiProblems(REFUSALS)
  update(
    @CurrentActor() actor: Actor,
    @Param() params: PayoutRequestNumberParams,
    @Body() body: PayoutRequestInputDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.requests.update(actor, caseKey(params.id), Number(params.number), body, key);
  }

  @Post('applications/:id/payout-requests/:number/send')
  @HttpCode(200)
  @Allow('applicant')
  @ApiOperation({
    summary:
      'Send the request to the county; it is frozen from then on. A final request submits its final report with it',
  })
  @ApiOkResponse({ type: PayoutRequestDto })
  @ApiProblems(REFUSALS)
  send(
    @CurrentActor() actor: Actor,
    @Param() params: PayoutRequestNumberParams,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.requests.send(actor, caseKey(params.id), Number(params.number), key);
  }

  @Post('applications/:id/payout-requests/:number/approve')
  @HttpCode(200)
  @Allow('case_officer')
  @ApiOperation({
    summary:
      'Approve a sent request with at most the amount asked; finance then pays it. A final request: approves the final report, the final payable amount being what is paid, approved and approved now; the rest is released',
  })
  @ApiOkResponse({ type: PayoutRequestDto })
  @ApiProblems(REFUSALS)
  approve(
    @CurrentActor() actor: Actor,
    @Param() params: PayoutRequestNumberParams,
    @Body() body: ApprovePayoutDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.requests.approve(actor, caseKey(params.id), Number(params.number), body, key);
  }

  @Post('applications/:id/payout-requests/:number/return')
  @HttpCode(200)
  @Allow('case_officer')
  @ApiOperation({
    summary:
      'Send a request back with reasons; the applicant may edit and send it again. A final request returns its report too, due again by `dueAt`',
  })
  @ApiOkResponse({ type: PayoutRequestDto })
  @ApiProblems(REFUSALS)
  returnRequest(
    @CurrentActor() actor: Actor,
    @Param() params: PayoutRequestNumberParams,
    @Body() body: PayoutReasonDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.requests.returnRequest(actor, caseKey(params.id), Number(params.number), body, key);
  }

  @Post('applications/:id/payout-requests/:number/reject')
  @HttpCode(200)
  @Allow('case_officer')
  @ApiOperation({
    summary: 'Reject a part payment request with grounds (a final request is returned instead: 409)',
  })
  @ApiOkResponse({ type: PayoutRequestDto })
  @ApiProblems(REFUSALS)
  reject(
    @CurrentActor() actor: Actor,
    @Param() params: PayoutRequestNumberParams,
    @Body() body: PayoutReasonDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.requests.reject(actor, caseKey(params.id), Number(params.number), body, key);
  }

  @Post('payments/due/:reference/payout-requests/:number/book')
  @HttpCode(200)
  @Allow('finance')
  @ApiTags('finance')
  @ApiOperation({
    summary:
      'Pay an approved payout request (delutbetaling or sluttutbetaling), once, from the frame that holds the grant; the final payment closes a settled case',
  })
  @ApiOkResponse({ type: PayoutBookedDto })
  @ApiProblems({
    404: 'No such case in your county',
    409: 'payment_not_due: not approved, or paid; due_amount_changed: another amount is due',
  })
  book(
    @CurrentActor() actor: Staff,
    @Param() params: PayoutPaymentParams,
    @Body() body: BookPayoutDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.requests.book(actor, params.reference, Number(params.number), body, key);
  }
}
