import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_AMOUNT_ORE, Optional } from '@lib/common';
import { FrameDto } from '../budget/budget.dto';
import { PAYOUT_REQUEST_KINDS, type PayoutRequestKind } from './payout-request.entity';

const INSTALMENT_GATES = ['acceptance', 'final_report', 'date'] as const;
/** A case reference (saksnummer): `BIO-2026-000123`. */
const CASE_REFERENCE = /^[A-Z][A-Z0-9]{1,9}-\d{4}-\d{6,12}$/;

/** The case a payment is booked on, by its case reference. */
export class DueCaseParams {
  @ApiProperty({ example: 'BIO-2026-000123', description: 'The case reference' })
  @IsString()
  @Matches(CASE_REFERENCE, { message: 'reference must be a case reference such as BIO-2026-000123' })
  reference!: string;
}

/** A page of what may be paid now: a page holds at most `limit` cases. */
export class PaymentsDueQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 200, description: 'Cases per page' })
  @Optional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({
    example: 'BIO-2026-000123',
    description: "The previous page's `nextCursor`: the page starts after this case reference",
  })
  @Optional()
  @IsString()
  @MaxLength(40)
  @Matches(CASE_REFERENCE, { message: 'after must be a case reference such as BIO-2026-000123' })
  after?: string;
}

/** The instalment of the payment plan, as the plan names it and what opens it. */
export class DueInstalmentDto {
  @ApiProperty({ example: 1, description: 'Its place in the payment plan, from 1' }) number!: number;
  @ApiProperty({ example: 'Forskudd', description: "The plan's own name for it" }) label!: string;
  @ApiProperty({
    enum: INSTALMENT_GATES,
    description:
      'What makes it due: the accepted grant (advance), the approved final report, or a calendar date',
  })
  on!: (typeof INSTALMENT_GATES)[number];
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date',
    description: 'For `date`: the day it falls due',
  })
  date!: string | null;
}

/** An approved payout request (utbetalingsanmodning) to pay, and the account it names. */
export class DuePayoutRequestDto {
  @ApiProperty({ example: 1, description: "The request's number on the grant" }) number!: number;
  @ApiProperty({
    enum: PAYOUT_REQUEST_KINDS,
    description: 'A part payment, or the final payment (sluttutbetaling) of an approved final report',
  })
  kind!: PayoutRequestKind;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '86011117947',
    description: 'Norwegian account number',
  })
  accountNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'For a frame in another currency' }) iban!:
    string | null;
  @ApiProperty({ type: String, nullable: true }) bic!: string | null;
}

const DUE_KINDS = ['instalment', 'payout_request'] as const;

/** One payment that may be made now (utbetaling til forfall): an instalment of the plan, or an approved payout request. */
export class PaymentDueDto {
  @ApiProperty({
    enum: DUE_KINDS,
    description: 'An instalment of the payment plan, or an approved payout request (book it at its own path)',
  })
  kind!: (typeof DUE_KINDS)[number];
  @ApiProperty({ example: 'BIO-2026-000123' }) caseReference!: string;
  @ApiProperty({ example: 'Fjordverk Mekaniske AS' }) organisationName!: string;
  @ApiProperty({ example: '921456786' }) organisationNumber!: string;
  @ApiProperty({ example: 'bio' }) schemeId!: string;
  @ApiProperty({ example: 'Bedriftsintern opplæring (BIO)' }) schemeName!: string;
  @ApiProperty({ format: 'uuid', description: 'The frame the grant is committed on, which pays it' })
  frameId!: string;
  @ApiProperty({ example: 'BIO 2026' }) frameName!: string;
  @ApiProperty({ type: DueInstalmentDto, nullable: true, description: 'For an instalment: which one' })
  instalment!: DueInstalmentDto | null;
  @ApiProperty({ type: DuePayoutRequestDto, nullable: true, description: 'For a payout request: which one' })
  payoutRequest!: DuePayoutRequestDto | null;
  @ApiProperty({
    example: 7_500_000,
    description:
      "øre: the instalment's unpaid part, never more than the grant has outstanding; or the amount approved",
  })
  amount!: number;
  @ApiProperty({ format: 'date', example: '2026-03-02', description: 'The day (in Norway) it fell due' })
  dueSince!: string;
}

export class PaymentsDuePageDto {
  @ApiProperty({ type: [PaymentDueDto] }) items!: PaymentDueDto[];
  @ApiProperty({ description: 'øre: the sum of the amounts on this page' }) totalAmount!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `after` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}

/** Pays one due instalment: which one, and the amount the user confirmed. */
export class BookPaymentDto {
  @ApiProperty({ example: 1, description: "The instalment's number in the payment plan" })
  @IsInt()
  @Min(1)
  @Max(100)
  instalment!: number;

  @ApiProperty({
    example: 7_500_000,
    description: 'øre, as listed as due; refused with 409 when that is no longer what is due',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_ORE)
  amount!: number;
}

export class PaymentBookedDto {
  @ApiProperty({ example: 'BIO-2026-000123' }) caseReference!: string;
  @ApiProperty({ example: 1 }) instalment!: number;
  @ApiProperty({ description: 'øre paid' }) amount!: number;
  @ApiProperty({ description: 'Whether the payment completed the settlement and closed the case' })
  caseClosed!: boolean;
  @ApiProperty({ type: FrameDto, description: 'The frame that paid it, after the payment' }) frame!: FrameDto;
}
