import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ApiProblems } from '@lib/common';
import { Allow, CurrentActor } from '../auth/auth.decorators';
import { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import {
  BookPaymentDto,
  DueCaseParams,
  PaymentBookedDto,
  PaymentsDuePageDto,
  PaymentsDueQuery,
} from './payments.dto';
import { PaymentsDueService } from './payments-due.service';

type Staff = Extract<Actor, { kind: 'staff' }>;

/** Finance's list of what the payment plans say may be paid now, and booking a payment from it. */
@ApiTags('finance')
@ApiBearerAuth()
@Allow('finance')
@ApiProblems({ 403: 'Not finance' })
@Controller('payments/due')
export class PaymentsDueController {
  constructor(private readonly payments: PaymentsDueService) {}

  @Get()
  @ApiOperation({
    summary:
      "Instalments of the county's accepted grants that are due now and not yet paid (the plan's gate is met)",
  })
  @ApiOkResponse({ type: PaymentsDuePageDto })
  list(@CurrentActor() actor: Staff, @Query() query: PaymentsDueQuery) {
    return this.payments.list(actor, query);
  }

  @Post(':reference/book')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Pay one due instalment (utbetaling) for the amount listed; the frame that holds the grant pays it',
  })
  @ApiOkResponse({ type: PaymentBookedDto })
  @ApiProblems({
    404: 'No such case in your county',
    409: 'payment_not_due: not due now, or paid; due_amount_changed: another amount is due now',
  })
  book(
    @CurrentActor() actor: Staff,
    @Param() params: DueCaseParams,
    @Body() body: BookPaymentDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.payments.book(actor, params.reference, body, key);
  }
}
