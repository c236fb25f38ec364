import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate, MAX_AMOUNT_ORE, Optional } from '@lib/common';
import { PAYMENT_RUN_ITEM_KINDS, type PaymentRunItemKind } from './payment-run-item.entity';
import { PAYMENT_RUN_STATES, type PaymentRunState } from './payment-run.entity';
import { PAYOUT_REQUEST_KINDS, type PayoutRequestKind } from './payout-request.entity';

/** A case reference (saksnummer): `BIO-2026-000123`. */
const CASE_REFERENCE = /^[A-Z][A-Z0-9]{1,9}-\d{4}-\d{6,12}$/;
/** The most items one run may hold. */
export const MAX_RUN_ITEMS = 500;

/**
 * One due payment picked for a run, as the due list showed it: a plan instalment (`instalment`) or an
 * approved payout request (`payoutRequest`), exactly one of the two.
 */
export class PaymentRunItemInput {
  @ApiProperty({ example: 'BIO-2026-000123' })
  @IsString()
  @Matches(CASE_REFERENCE, { message: 'caseReference must be a case reference such as BIO-2026-000123' })
  caseReference!: string;

  @ApiPropertyOptional({ example: 1, description: "The instalment's number in the payment plan" })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(100)
  instalment?: number;

  @ApiPropertyOptional({
    example: 1,
    description: "An approved payout request's number on the grant (instead of `instalment`)",
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  payoutRequest?: number;

  @ApiProperty({ example: 7_500_000, description: 'øre, as listed as due' })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_ORE)
  amount!: number;
}

export class CreatePaymentRunDto {
  @ApiProperty({
    format: 'date',
    example: '2026-02-04',
    description: 'The day the bank is asked to pay: a Norwegian business day, today or later',
  })
  @IsIsoDate()
  requestedExecutionDate!: string;

  @ApiProperty({ type: [PaymentRunItemInput], minItems: 1, maxItems: MAX_RUN_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RUN_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => PaymentRunItemInput)
  items!: PaymentRunItemInput[];
}

/** A run's item, as finance reads it and the files carry it. */
export class PaymentRunItemDto {
  @ApiProperty({ example: 1 }) position!: number;
  @ApiProperty({ example: 'BIO-2026-000123' }) caseReference!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026/BIO/0123',
    description: 'The case number (saksnummer)',
  })
  caseNumber!: string | null;
  @ApiProperty({ enum: PAYMENT_RUN_ITEM_KINDS, description: 'A plan instalment or a payout request' })
  kind!: PaymentRunItemKind;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 1,
    description: "The instalment's number in the plan",
  })
  instalment!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: null, description: "The payout request's number" })
  payoutRequest!: number | null;
  @ApiProperty({
    enum: PAYOUT_REQUEST_KINDS,
    nullable: true,
    example: null,
    description: "The payout request's kind: part (delutbetaling) or final (sluttutbetaling)",
  })
  payoutRequestKind!: PayoutRequestKind | null;
  @ApiProperty({
    example: 'Forskudd',
    description:
      "The plan's name for it, or 'Utbetalingsanmodning nr N' ('Sluttutbetaling, utbetalingsanmodning nr N')",
  })
  instalmentLabel!: string;
  @ApiProperty({ description: 'øre' }) amount!: number;
  @ApiProperty({ example: 'Fjordverk Mekaniske AS' }) organisationName!: string;
  @ApiProperty({ example: '921456786' }) organisationNumber!: string;
  @ApiProperty({
    example: '86011117947',
    description: 'The account it is paid to: 11 digits, or an IBAN (then with `bic`)',
  })
  account!: string;
  @ApiProperty({ type: String, nullable: true, example: null, description: "An IBAN account's bank" })
  bic!: string | null;
  @ApiProperty({
    example: 'NOK',
    description: "The grant's frame's currency; `amount` is in its minor units",
  })
  currency!: string;
  @ApiProperty({ example: 'BIO-2026-000123-1', description: "The file's EndToEndId" }) endToEndId!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When approval booked it' })
  bookedAt!: string | null;
}

/** A payment run (utbetalingsliste). */
export class PaymentRunSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 12, description: "1, 2, 3 … per county: the run's name" }) number!: number;
  @ApiProperty({ enum: PAYMENT_RUN_STATES }) state!: PaymentRunState;
  @ApiProperty({ format: 'date' }) requestedExecutionDate!: string;
  @ApiProperty({ description: 'Items in the run' }) itemCount!: number;
  @ApiProperty({ description: 'øre: the sum of the items' }) totalAmount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ example: 'Åse Økonomi' }) createdBy!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Åse Økonomi' }) approvedBy!: string | null;
}

export class PaymentRunDto extends PaymentRunSummaryDto {
  @ApiProperty({ type: String, nullable: true, description: "The payment file's MsgId, fixed at approval" })
  messageId!: string | null;
  @ApiProperty({ type: [PaymentRunItemDto] }) items!: PaymentRunItemDto[];
}

export class PaymentRunPageDto {
  @ApiProperty({ type: [PaymentRunSummaryDto], description: 'The newest runs first' })
  items!: PaymentRunSummaryDto[];
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Pass as `before` for older runs; null when none',
  })
  nextCursor!: number | null;
}

export class PaymentRunQuery {
  @ApiPropertyOptional({
    example: 12,
    description: "The previous page's `nextCursor`: runs numbered below it",
  })
  @Optional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  before?: number;
}
