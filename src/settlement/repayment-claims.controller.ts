import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ApiProblems } from '@lib/common';
import { Allow, CurrentActor } from '../auth/auth.decorators';
import { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import {
  ClaimParams,
  ClaimsPageDto,
  ClaimsQuery,
  SettleClaimDto,
  SettledClaimDto,
} from './repayment-claims.dto';
import { RepaymentClaimsService } from './repayment-claims.service';

type Staff = Extract<Actor, { kind: 'staff' }>;

/** Finance's repayment claims (tilbakebetalingskrav) and registering their repayment. */
@ApiTags('finance')
@ApiBearerAuth()
@Allow('finance')
@ApiProblems({ 403: 'Not finance' })
@Controller('repayment-claims')
export class RepaymentClaimsController {
  constructor(private readonly claims: RepaymentClaimsService) {}

  @Get()
  @ApiOperation({ summary: "The county's repayment claims, the unsettled first, earliest due first" })
  @ApiOkResponse({ type: ClaimsPageDto })
  list(@CurrentActor() actor: Staff, @Query() query: ClaimsQuery) {
    return this.claims.list(actor, query);
  }

  @Post(':id/settle')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Register that the claim was paid back (innbetaling): the money returns to the frame, once; the case closes when nothing else is outstanding',
  })
  @ApiOkResponse({ type: SettledClaimDto })
  @ApiProblems({
    404: 'No such claim in your county',
    409: 'claim_settled: already settled; claim_amount_changed: another amount is owed',
  })
  settle(
    @CurrentActor() actor: Staff,
    @Param() params: ClaimParams,
    @Body() body: SettleClaimDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.claims.settle(actor, params.id, body, key);
  }
}
