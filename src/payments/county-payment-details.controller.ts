import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ApiProblems } from '@lib/common';
import { Allow, CurrentActor } from '../auth/auth.decorators';
import { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { CountyPaymentDetailsDto, SetCountyPaymentDetailsDto } from './county-payment-details.dto';
import { CountyPaymentDetailsService } from './county-payment-details.service';

type Staff = Extract<Actor, { kind: 'staff' }>;

/** The county's own payment details, kept by its administrators. */
@ApiTags('staff')
@ApiBearerAuth()
@Allow('admin')
@ApiProblems({ 403: 'Not an administrator' })
@Controller('counties/current/payment-details')
export class CountyPaymentDetailsController {
  constructor(private readonly details: CountyPaymentDetailsService) {}

  @Get()
  @ApiOperation({
    summary: "Your county's paying account and organisation number, as payment files state them",
  })
  @ApiOkResponse({ type: CountyPaymentDetailsDto })
  get(@CurrentActor() actor: Staff): Promise<CountyPaymentDetailsDto> {
    return this.details.get(actor);
  }

  @Put()
  @ApiOperation({
    summary:
      "Set your county's paying account and organisation number; runs approved from now on pay from it, approved runs keep theirs",
  })
  @ApiOkResponse({ type: CountyPaymentDetailsDto })
  @ApiProblems({
    422: 'invalid_account_number or invalid_organisation_number: wrong length, or the MOD11 check digit is wrong',
  })
  set(
    @CurrentActor() actor: Staff,
    @Body() body: SetCountyPaymentDetailsDto,
    @IdempotencyKey() key: IdempotencyKey,
  ): Promise<CountyPaymentDetailsDto> {
    return this.details.set(actor, body, key);
  }
}
