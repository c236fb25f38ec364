import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsUUID, Matches, Max, Min } from 'class-validator';
import { MAX_AMOUNT_ORE, Optional } from '@lib/common';
import { LocalizedTextDto } from '../schemes/localized-text.dto';
import { CLAIM_STATUSES, type ClaimStatus } from './repayment-claim.entity';

/** A claim in a path, by its id. */
export class ClaimParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class ClaimsQuery {
  @ApiPropertyOptional({ enum: CLAIM_STATUSES, description: 'Only claims with this status' })
  @Optional()
  @IsIn(CLAIM_STATUSES)
  status?: ClaimStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 200 })
  @Optional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** Tilbakebetalingskrav: what the grant holder owes back after the final settlement. */
export class RepaymentClaimDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ example: 'BIO-2026-000123' }) caseReference!: string;
  @ApiProperty({ example: 'Fjordverk Mekaniske AS' }) organisationName!: string;
  @ApiProperty({ format: 'uuid', description: 'The frame the repayment returns to' }) frameId!: string;
  @ApiProperty({ example: 'BIO 2026' }) frameName!: string;
  @ApiProperty({ example: 2_500_000, description: 'øre owed' }) amount!: number;
  @ApiProperty({
    format: 'date',
    example: '2026-10-01',
    description: 'The day (in Norway) it is to be paid by',
  })
  dueDate!: string;
  @ApiProperty({ enum: CLAIM_STATUSES }) status!: ClaimStatus;
  @ApiProperty({ format: 'date-time' }) raisedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) remindedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) escalatedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) settledAt!: string | null;
}

export class ClaimsPageDto {
  @ApiProperty({ type: [RepaymentClaimDto] }) items!: RepaymentClaimDto[];
  @ApiProperty({ description: 'øre owed in the unsettled claims listed' }) openAmount!: number;
}

/** Registers the repayment (innbetaling) of a claim: the amount the user confirmed. */
export class SettleClaimDto {
  @ApiProperty({
    example: 2_500_000,
    description: 'øre, as owed; refused with 409 when another amount is owed',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_ORE)
  amount!: number;
}

export class SettledClaimDto {
  @ApiProperty({ type: RepaymentClaimDto }) claim!: RepaymentClaimDto;
  @ApiProperty({ description: 'Whether the settlement closed the case' }) caseClosed!: boolean;
}

const CASE_KEY =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Z][A-Z0-9]{1,9}-\d{4}-\d{6,12})$/i;

/** A case in a path, by its id or its case reference. */
export class PlanCaseParams {
  @ApiProperty({ example: 'BIO-2026-000123', description: 'The application id or case reference' })
  @Matches(CASE_KEY, {
    message: 'id must be an application id (uuid) or a case reference such as BIO-2026-000123',
  })
  id!: string;
}

const GATES = ['acceptance', 'final_report', 'date'] as const;

/** The interim report an instalment also waits for, and whether it is approved. */
export class PlanAfterReportDto {
  @ApiProperty({ example: 'yearly' }) key!: string;
  @ApiProperty({ type: LocalizedTextDto, example: { nb: 'Årsrapport', en: 'Yearly report' } })
  title!: LocalizedTextDto;
  @ApiProperty({ description: 'Approved (or covered by the approved final report)' }) approved!: boolean;
}

/** One instalment of the payment plan as it stands. */
export class PlanInstalmentDto {
  @ApiProperty({ example: 1 }) number!: number;
  @ApiProperty({ example: 'Forskudd' }) label!: string;
  @ApiProperty({ enum: GATES, description: 'What makes it due' }) on!: (typeof GATES)[number];
  @ApiProperty({ type: String, nullable: true, format: 'date' }) date!: string | null;
  @ApiProperty({
    type: PlanAfterReportDto,
    nullable: true,
    description: 'An interim report whose approval it also waits for ("Venter på godkjent årsrapport")',
  })
  after!: PlanAfterReportDto | null;
  @ApiProperty({
    description: 'øre as planned (for the final payment: as settled, once the report is approved)',
  })
  amount!: number;
  @ApiProperty({ description: 'øre paid towards it (payments less repayments fill the plan in order)' })
  paid!: number;
  @ApiProperty({ description: 'øre still to pay on it' }) remaining!: number;
  @ApiProperty({ description: 'Whether its gate is open (and something is left to pay on it)' })
  dueNow!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date',
    description: 'The day (in Norway) its gate opened',
  })
  dueSince!: string | null;
}

/** The payment plan of a grant as it stands after every event. */
export class PaymentPlanDto {
  @ApiProperty({ example: 'BIO-2026-000123' }) caseReference!: string;
  @ApiProperty({ description: 'øre granted (tilsagn)' }) grantedAmount!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'øre finally payable, once the final report is approved',
  })
  finalPayableAmount!: number | null;
  @ApiProperty({ type: [PlanInstalmentDto] }) instalments!: PlanInstalmentDto[];
  @ApiProperty({ description: 'øre paid out less repaid' }) paidAmount!: number;
  @ApiProperty({ description: 'øre committed and not yet paid' }) outstandingAmount!: number;
  @ApiProperty({ description: 'øre released back to the frame (declined, lapsed, underspend)' })
  releasedAmount!: number;
  @ApiProperty({ description: 'øre claimed back in repayment claims (settled or not)' })
  claimedAmount!: number;
  @ApiProperty({ description: 'øre still owed in open repayment claims' }) openClaimAmount!: number;
}
