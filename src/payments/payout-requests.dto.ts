import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { IsIsoInstant, MAX_AMOUNT_ORE, NestedObject, Nullable, Optional } from '@lib/common';
import { FrameDto } from '../budget/budget.dto';
import {
  PAYOUT_REQUEST_KINDS,
  PAYOUT_REQUEST_STATUSES,
  type PayoutRequestKind,
  type PayoutRequestStatus,
} from './payout-request.entity';

const ACCOUNTANT_ROLES = ['accountant', 'auditor'] as const;

/** A case in the path by its id or case reference, and the request's number on it. */
export class PayoutRequestParams {
  @ApiProperty({ example: 'BIO-2026-000123', description: 'The application id (uuid) or its case reference' })
  @IsString()
  @Matches(
    /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z][A-Za-z0-9]{1,9}-\d{4}-\d{6,12})$/i,
    {
      message: 'id must be an application id (uuid) or a case reference such as BIO-2026-000123',
    },
  )
  id!: string;
}

export class PayoutRequestNumberParams extends PayoutRequestParams {
  @ApiProperty({ example: '1', description: "The request's number on the grant, from 1" })
  @Matches(/^[1-9]\d{0,5}$/, { message: 'number must be a whole number from 1' })
  number!: string;
}

/** The case a payout request is paid on, and the request's number. */
export class PayoutPaymentParams {
  @ApiProperty({ example: 'BIO-2026-000123', description: 'The case reference' })
  @IsString()
  @Matches(/^[A-Z][A-Z0-9]{1,9}-\d{4}-\d{6,12}$/, {
    message: 'reference must be a case reference such as BIO-2026-000123',
  })
  reference!: string;

  @ApiProperty({ example: '1', description: "The request's number on the grant" })
  @Matches(/^[1-9]\d{0,5}$/, { message: 'number must be a whole number from 1' })
  number!: string;
}

/** Costs accumulated so far against one line of the approved cost plan. */
export class PayoutCostDto {
  @ApiProperty({ example: '0', description: "The cost plan line's key, as the terms list it" })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  line!: string;

  @ApiProperty({ example: 12_000_000, description: 'øre spent on the line so far (accumulated)' })
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_ORE)
  accumulatedOre!: number;
}

/** An accountant's or auditor's confirmation: who, and in which role. */
export class AccountantConfirmationDto {
  @ApiProperty({ example: 'Siri Revisor' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ACCOUNTANT_ROLES, description: 'Accountant (regnskapsfører) or auditor (revisor)' })
  @IsIn(ACCOUNTANT_ROLES)
  role!: (typeof ACCOUNTANT_ROLES)[number];
}

/**
 * What the applicant fills in. The account is a Norwegian account number (11 digits, MOD11), or an
 * IBAN and BIC where the grant's frame is in another currency than NOK.
 */
export class PayoutRequestInputDto {
  @ApiPropertyOptional({
    enum: PAYOUT_REQUEST_KINDS,
    description:
      'A part payment (delutbetaling, the default) or the final payment (sluttutbetaling) with the final report; set when the request is started and kept',
  })
  @Optional()
  @IsIn(PAYOUT_REQUEST_KINDS)
  kind?: PayoutRequestKind;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      "The scheme's final report (sluttrapport): required on a final request, refused on a part one",
  })
  @Optional()
  @IsObject()
  report?: Record<string, unknown>;

  @ApiProperty({
    example: 5_000_000,
    description: 'øre asked for; a final request may ask for nothing more (0) when the costs are covered by what was paid',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_ORE)
  amount!: number;

  @ApiPropertyOptional({
    example: '8601 11 17947',
    description: 'Norwegian account number; spaces and dots allowed',
  })
  @Optional()
  @IsString()
  @MaxLength(20)
  accountNumber?: string;

  @ApiPropertyOptional({ example: 'DE89370400440532013000', description: 'For a frame in another currency' })
  @Optional()
  @IsString()
  @MaxLength(42)
  iban?: string;

  @ApiPropertyOptional({ example: 'DEUTDEFF', description: 'With the IBAN' })
  @Optional()
  @IsString()
  @MaxLength(11)
  bic?: string;

  @ApiProperty({
    example: 'Four of six modules held; two operators certified',
    description: 'What has been done',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(5_000)
  statusReport!: string;

  @ApiProperty({ type: [PayoutCostDto], description: 'Costs so far per line of the approved cost plan' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PayoutCostDto)
  costs!: PayoutCostDto[];

  @ApiProperty({
    example: 'Kari Nordmann',
    description: 'The managing director (daglig leder) who confirms it',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  managerName!: string;

  @ApiPropertyOptional({
    type: AccountantConfirmationDto,
    nullable: true,
    description: "An accountant's or auditor's confirmation; required from the call's threshold",
  })
  @Nullable()
  @NestedObject(() => AccountantConfirmationDto)
  accountant?: AccountantConfirmationDto | null;
}

export class ApprovePayoutDto {
  @ApiProperty({
    example: 4_000_000,
    description:
      'øre approved: at most what was asked; for a final request, the final payment paid now (0 when nothing more is paid)',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_ORE)
  amount!: number;

  @ApiPropertyOptional({
    example: 1_000_000,
    description:
      'Final request only: øre of what was paid that the approved costs do not cover, claimed back (tilbakebetalingskrav); the amount approved is then 0',
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_ORE)
  repayment?: number;
}

export class PayoutReasonDto {
  @ApiProperty({ example: 'The cost lines do not add up to the amount asked for' })
  @IsString()
  @MinLength(1)
  @MaxLength(5_000)
  reason!: string;

  @ApiPropertyOptional({
    example: '2026-03-18T12:00:00+01:00',
    description:
      'Returning a final request: when the report is due again (ISO 8601 instant with offset); by default the final report deadline, or 14 days ahead if it has passed',
  })
  @Optional()
  @IsIsoInstant()
  dueAt?: string;
}

export class PayoutCostLineDto {
  @ApiProperty({ example: '0' }) key!: string;
  @ApiProperty({ example: { nb: 'Kursavgift og tilbyder', en: 'Course and provider fees' } })
  label!: { nb: string; en: string };
  @ApiProperty({ description: 'øre approved in the cost plan' }) approvedOre!: number;
}

export class PayoutAttestationTermsDto {
  @ApiProperty({ description: "øre; below this the managing director's confirmation suffices" })
  managerSignatureBelowOre!: number;
  @ApiProperty({ description: "øre; from this an accountant's or auditor's confirmation is required" })
  accountantConfirmationFromOre!: number;
}

/** What a payout request on the grant may be now, and what it must carry. */
export class PayoutTermsDto {
  @ApiProperty({ description: 'A new request may be started now (an active grant with no open request)' })
  canRequest!: boolean;
  @ApiProperty({
    description:
      'The final request (with the final report) may be started now: an active grant, no open final request, no part request waiting for the applicant or the officer',
  })
  canRequestFinal!: boolean;
  @ApiProperty({
    description: 'øre the final payment may be at most: outstanding less approved, unpaid part payments',
  })
  finalAvailable!: number;
  @ApiProperty({
    example: 'NOK',
    description: "The frame's currency: NOK asks for an account number, others an IBAN",
  })
  currency!: string;
  @ApiProperty({ description: 'øre granted' }) grantedAmount!: number;
  @ApiProperty({ description: 'øre paid so far, less repaid' }) paidAmount!: number;
  @ApiProperty({ description: 'øre the grant still has outstanding' }) outstanding!: number;
  @ApiProperty({ description: 'øre the final payment must keep' }) finalReserve!: number;
  @ApiProperty({ description: 'øre a part payment may be at most now' }) available!: number;
  @ApiProperty({ type: PayoutAttestationTermsDto }) attestation!: PayoutAttestationTermsDto;
  @ApiProperty({ type: [PayoutCostLineDto], description: "The approved cost plan's lines" })
  costPlan!: PayoutCostLineDto[];
}

export class PayoutAccountantDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ACCOUNTANT_ROLES }) role!: (typeof ACCOUNTANT_ROLES)[number];
}

export class PayoutCostReportedDto {
  @ApiProperty() line!: string;
  @ApiProperty({ description: 'øre' }) accumulatedOre!: number;
}

/** A version of the request as it was sent, kept when it was returned. */
export class PayoutVersionDto {
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'øre asked for' }) amount!: number;
  @ApiProperty() statusReport!: string;
  @ApiProperty({ type: [PayoutCostReportedDto] }) costs!: PayoutCostReportedDto[];
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
  @ApiProperty({ type: String, nullable: true }) sentByName!: string | null;
}

export class PayoutRequestDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'BIO-2026-000123' }) caseReference!: string;
  @ApiProperty({ example: 1 }) number!: number;
  @ApiProperty({ enum: PAYOUT_REQUEST_KINDS }) kind!: PayoutRequestKind;
  @ApiProperty({ enum: PAYOUT_REQUEST_STATUSES }) status!: PayoutRequestStatus;
  @ApiProperty({ description: 'The version being drafted, or the last one sent' }) version!: number;
  @ApiProperty({ description: 'øre asked for' }) amount!: number;
  @ApiProperty({ type: String, nullable: true, example: '86011117947' }) accountNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) iban!: string | null;
  @ApiProperty({ type: String, nullable: true }) bic!: string | null;
  @ApiProperty() statusReport!: string;
  @ApiProperty({ type: [PayoutCostReportedDto] }) costs!: PayoutCostReportedDto[];
  @ApiProperty() managerName!: string;
  @ApiProperty({ type: PayoutAccountantDto, nullable: true }) accountant!: PayoutAccountantDto | null;
  @ApiProperty({ type: Number, nullable: true, description: 'øre approved' }) approvedAmount!: number | null;
  @ApiProperty({ type: String, nullable: true, description: "The officer's reasons or grounds" })
  decisionText!: string | null;
  @ApiProperty({ type: String, nullable: true }) createdByName!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedByName!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) sentAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) paidAt!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: "The scheme's final report answers (a final request only)",
  })
  report!: Record<string, unknown> | null;
  @ApiProperty({ type: [PayoutVersionDto], description: 'Earlier versions sent and returned, oldest first' })
  earlierVersions!: PayoutVersionDto[];
}

export class PayoutRequestsDto {
  @ApiProperty({ type: PayoutTermsDto }) terms!: PayoutTermsDto;
  @ApiProperty({ type: [PayoutRequestDto], description: 'Newest first' }) items!: PayoutRequestDto[];
}

/** Pays an approved payout request: the amount finance confirmed. */
export class BookPayoutDto {
  @ApiProperty({
    example: 4_000_000,
    description: 'øre, as listed; refused with 409 when that is not what is due',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_ORE)
  amount!: number;
}

export class PayoutBookedDto {
  @ApiProperty({ example: 'BIO-2026-000123' }) caseReference!: string;
  @ApiProperty({ example: 1 }) payoutRequest!: number;
  @ApiProperty({ description: 'øre paid' }) amount!: number;
  @ApiProperty({ description: 'The payment completed the settlement and the case is closed' })
  caseClosed!: boolean;
  @ApiProperty({ type: FrameDto, description: 'The frame that paid it, after the payment' }) frame!: FrameDto;
}
