import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsInt, IsObject, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsVersion, Nullable, PartialDto } from '@lib/common';

/** What an admin sends to create a call (utlysning); the parameters are checked by the scheme. */
export class CreateCallDto {
  @ApiProperty({ example: 'bio', description: 'A registered scheme (GET /api/v1/schemes)' })
  @Matches(/^[a-z][a-z0-9_-]{1,39}$/)
  schemeId!: string;

  @ApiProperty({ example: 2027 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ example: 'Bedriftsintern opplæring (BIO) 2027 – Trøndelag' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "The county's frame (ramme) its grants are charged to; null: none yet",
    type: String,
    nullable: true,
  })
  @Nullable()
  @IsUUID()
  frameId?: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "The round's rules, validated against the scheme's parameter schema: the fields every call has (window, eligibility, acceptanceDays, delegationThresholdOre, the optional informationResponseBusinessDays, the final report's reminderDays, overdueEscalationDays and overdueLapseProposalDays) and the scheme's own",
  })
  @IsObject()
  parameters!: Record<string, unknown>;
}

/** Changes to a draft call: any field of the creation, the scheme excepted. */
export class UpdateCallDto extends PartialDto(OmitType(CreateCallDto, ['schemeId'] as const)) {
  @ApiProperty({
    example: 1,
    description: 'The version the change is based on; a stale one is refused with 409',
  })
  @IsVersion()
  version!: number;
}

export class CallDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) countyId!: string;
  @ApiProperty({ example: 'bio' }) schemeId!: string;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['draft', 'published', 'closed'] }) status!: string;
  @ApiProperty({ description: "From the parameters' window" }) opensAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null: rolling, open until the frame is used' })
  closesAt!: string | null;
  @ApiProperty({ description: 'Open for submissions now' }) open!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The round's rules" })
  parameters!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) frameId!: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ description: 'Raised by every change' }) version!: number;
}

/** A published call as the public reads it: the call, with its county's name and its frame's size. */
export class PublicCallDto extends CallDto {
  @ApiProperty({ example: 'Trøndelag', description: 'The county (fylkeskommune) that announces the call' })
  countyName!: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 2_330_000_000,
    description: "The frame's size (ramme): what has been allocated to it, integer øre; null: no frame yet",
  })
  frameAllocatedOre!: number | null;
}
