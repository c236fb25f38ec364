import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { MAX_AMOUNT_ORE, Optional, IsIsoDate, IsVersion } from '@lib/common';
import { ENTRY_KINDS, type EntryKind } from './ledger-entry.entity';

export class CreateFrameDto {
  @ApiProperty({ example: 'bio' }) @IsString() @Matches(/^[a-z][a-z0-9_-]{1,39}$/) schemeId!: string;
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ example: 'BIO 2026' }) @IsString() @MinLength(2) @MaxLength(200) name!: string;
  @ApiPropertyOptional({ example: 'NOK', default: 'NOK' })
  @Optional()
  @Matches(/^[A-Z]{3}$/)
  currency?: string;
}

export class FrameStatusDto {
  @ApiProperty({ enum: ['open', 'closed'] }) @IsIn(['open', 'closed']) status!: 'open' | 'closed';
  @ApiProperty({
    example: 1,
    description: 'The version the change is based on; a stale one is refused with 409',
  })
  @IsVersion()
  version!: number;
}

/**
 * The political case reference (e.g. "FT-sak 45/26") a change of a frame rests on. Top-ups,
 * reallocations and direct allocations demand one: left out, empty or blank, the command is refused
 * with 422 `case_reference_required` naming the field (the ledger checks it, so every way in agrees).
 */
function CaseReference(description: string, required = true): PropertyDecorator {
  const doc = { example: 'FT-sak 45/26', maxLength: 100, description };
  return applyDecorators(
    required ? ApiProperty(doc) : ApiPropertyOptional(doc),
    Optional(),
    IsString(),
    MaxLength(100),
  );
}

class MoneyDto {
  @ApiProperty({ example: 2_330_000_000, description: 'øre (integer)' })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_ORE)
  amount!: number;

  @ApiProperty({ example: 'Regional development funds 2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}

export class AllocationDto extends MoneyDto {
  @ApiProperty({ enum: ['allocation', 'top_up'] }) @IsIn(['allocation', 'top_up']) kind!:
    'allocation' | 'top_up';
  @CaseReference(
    "The political case reference of the decision. Required for a top-up (tilleggsbevilgning): without it 422 case_reference_required; optional for the year's first allocation",
    false,
  )
  caseReference?: string;
}

export class ReallocationDto extends MoneyDto {
  @ApiProperty({ format: 'uuid', description: 'Another frame of the county, same currency' })
  @IsUUID()
  toFrameId!: string;
  @CaseReference(
    'The political case reference of the reallocation (omdisponering); without it 422 case_reference_required',
  )
  caseReference!: string;
}

export class DirectAllocationDto extends MoneyDto {
  @ApiProperty({ example: 'Karrieresenteret i Trøndelag' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  recipient!: string;
  @ApiProperty({
    example: '987654325',
    description:
      "The recipient's organisation number, nine digits (spaces allowed); one failing the MOD11 check is 422 invalid_organisation_number",
  })
  @IsString()
  @Matches(/^\d{3} ?\d{3} ?\d{3}$/, { message: 'organisationNumber must be nine digits' })
  organisationNumber!: string;
  @CaseReference(
    'The political case reference of the decision the allocation rests on; without it 422 case_reference_required',
  )
  decisionReference!: string;
}

/** Overføring: a grant's open commitment and its money move to a later year's frame. */
export class CarryOverDto extends MoneyDto {
  @ApiProperty({ format: 'uuid', description: "A later year's frame of the county, same currency" })
  @IsUUID()
  toFrameId!: string;
  @ApiProperty({
    description:
      'The application id or case reference (BIO-2026-000001), or the key of a direct allocation (direct:…)',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  grantKey!: string;
  @ApiProperty({ example: 'FU 9/27', description: 'The decision to carry it over' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  caseReference!: string;
}

export class GrantMoneyDto extends MoneyDto {
  @ApiProperty({
    description:
      'The application id or case reference (BIO-2026-000001), or the key of a direct allocation (direct:…)',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  grantKey!: string;
}

/** Which entries of a frame: the same filters for the page and the CSV download. */
export class EntryFilter {
  @ApiPropertyOptional({ enum: ENTRY_KINDS }) @Optional() @IsIn(ENTRY_KINDS) kind?: EntryKind;
  @ApiPropertyOptional({ example: '2026-01-01', description: 'From this day (Norwegian time), inclusive' })
  @Optional()
  @IsIsoDate()
  from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'To this day (Norwegian time), inclusive' })
  @Optional()
  @IsIsoDate()
  to?: string;
  @ApiPropertyOptional({
    example: 'FT-sak 45/26',
    maxLength: 100,
    description:
      "A political case reference (part of it), an application's case reference (BIO-2026-000123, or its beginning) or the recipient's organisation number (spaces allowed)",
  })
  @Optional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class EntryQuery extends EntryFilter {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @Optional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(200) after?: string;
}

export class FrameDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() schemeId!: string;
  @ApiProperty() year!: number;
  @ApiProperty() name!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiProperty({ description: 'øre' }) allocated!: number;
  @ApiProperty({ description: 'øre, outstanding commitments' }) committed!: number;
  @ApiProperty({ description: 'øre, paid less repaid' }) disbursed!: number;
  @ApiProperty({ description: 'øre: allocated − committed − disbursed' }) available!: number;
  @ApiProperty({ description: 'Raised by every edit of the frame (not by money moving on it)' })
  version!: number;
}

/** The frame after a direct allocation, with the key the new grant is paid and repaid under. */
export class DirectAllocationResultDto extends FrameDto {
  @ApiProperty({ example: 'direct:5d1b2c9e-8a3d-4c36-9f87-2b3c3c1e0a11' }) grantKey!: string;
}

/** Both frames of a movement between two frames (reallocation, carry-over), after it. */
export class FramePairDto {
  @ApiProperty({ type: FrameDto }) from!: FrameDto;
  @ApiProperty({ type: FrameDto }) to!: FrameDto;
}

export class EntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ENTRY_KINDS }) kind!: EntryKind;
  @ApiProperty({ type: String, nullable: true, enum: ['in', 'out'] }) direction!: string | null;
  @ApiProperty() amount!: number;
  @ApiProperty() currency!: string;
  @ApiProperty() movementId!: string;
  @ApiProperty({ type: String, nullable: true }) grantKey!: string | null;
  @ApiProperty({ type: String, nullable: true }) applicationId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The application's case reference (saksnummer), when the entry concerns an application",
  })
  applicationReference!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "Who receives the money: the application's organisation or a direct allocation's recipient",
  })
  recipientName!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '921456786',
    description: "The recipient's organisation number",
  })
  organisationNumber!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The political case reference (e.g. "FT-sak 45/26") or the decision it rests on',
  })
  caseReference!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, nullable: true }) actorUserId!: string | null;
  @ApiProperty() createdAt!: string;
}

export class EntryPageDto {
  @ApiProperty({ type: [EntryDto] }) items!: EntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class RebuildDto {
  @ApiProperty() consistent!: boolean;
  @ApiProperty({ type: FrameDto }) running!: Pick<
    FrameDto,
    'allocated' | 'committed' | 'disbursed' | 'available'
  >;
  @ApiProperty({ type: FrameDto }) rebuilt!: Pick<
    FrameDto,
    'allocated' | 'committed' | 'disbursed' | 'available'
  >;
}

export class AlertDto {
  @ApiProperty() thresholdPercent!: number;
  @ApiProperty() used!: number;
  @ApiProperty() allocated!: number;
  @ApiProperty() crossedAt!: string;
}

export class BurnDownMonthDto {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ description: 'Net change of outstanding commitments in the month, øre' }) committed!: number;
  @ApiProperty({ description: 'Net disbursements in the month, øre' }) disbursed!: number;
  @ApiProperty({ description: 'Cumulative commitments ever made, less releases (øre)' })
  cumulativeCommitted!: number;
  @ApiProperty({ description: 'Cumulative net disbursements (øre)' }) cumulativeDisbursed!: number;
  @ApiProperty({
    description:
      'The allocation at the end of the month: allocations, top-ups and money moved in or out (øre)',
  })
  cumulativeAllocated!: number;
  @ApiProperty({
    description: 'Used at the end of the month: outstanding commitments plus net disbursements (øre)',
  })
  cumulativeUsed!: number;
}

export const PIPELINE_STAGES = ['applied', 'in_assessment', 'recommended'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** Undecided applications at one stage: submitted, being assessed, or recommended to an approver. */
export class PipelineStageDto {
  @ApiProperty({ enum: PIPELINE_STAGES }) stage!: PipelineStage;
  @ApiProperty() applications!: number;
  @ApiProperty({ description: 'What they ask for in total, øre' }) requested!: number;
  @ApiProperty({ description: 'What the case officers recommend in total, øre' }) recommended!: number;
}

export class PipelineDto {
  @ApiProperty({ description: 'Applications submitted but not yet decided' }) applications!: number;
  @ApiProperty({ description: 'What they ask for in total, øre' }) requested!: number;
  @ApiProperty({ description: 'Recommended but not yet decided, øre' }) recommended!: number;
  @ApiProperty({
    type: [PipelineStageDto],
    description: 'The same applications by stage, every stage in order (zeros included)',
  })
  stages!: PipelineStageDto[];
  @ApiProperty({ description: 'Available now, øre' }) available!: number;
  @ApiProperty({ description: 'Commitments made in the last 90 days, øre per day (average)' })
  dailyCommitmentRate!: number;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2026-11-20',
    description: 'When the frame runs out at that rate (null: no recent commitments)',
  })
  exhaustedOn!: string | null;
}
