import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ApiProblems } from '@lib/common';
import { CurrentActor } from '../auth/auth.decorators';
import { PaymentPlanDto, PlanCaseParams } from '../settlement/repayment-claims.dto';
import { PaymentPlanService } from './payment-plan.service';

/** A grant's payment plan as it stands, for the applicant and the county's staff. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class PaymentPlanController {
  constructor(private readonly plans: PaymentPlanService) {}

  @Get(':id/payment-plan')
  @ApiOperation({
    summary:
      "The grant's payment plan as it stands: each instalment paid, due now or not yet, what is left; released and claimed amounts",
  })
  @ApiOkResponse({ type: PaymentPlanDto })
  @ApiProblems({ 404: 'Unknown, or not yours to see' })
  get(@CurrentActor() actor: Actor, @Param() params: PlanCaseParams) {
    return this.plans.get(actor, params.id);
  }
}
