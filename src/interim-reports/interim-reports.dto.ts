import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { LocalizedTextDto } from '../schemes/localized-text.dto';
import { INTERIM_REPORT_STATUSES, type InterimReportStatus } from './interim-report.entity';

const CASE_KEY =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z][A-Za-z0-9]{1,9}-\d{4}-\d{6,12})$/i;

/** A case in the path, by its id or case reference. */
export class InterimReportsParams {
  @ApiProperty({
    example: 'JOBB-2026-000123',
    description: 'The application id (uuid) or its case reference',
  })
  @IsString()
  @Matches(CASE_KEY, {
    message: 'id must be an application id (uuid) or a case reference such as BIO-2026-000123',
  })
  id!: string;
}

/** A case in the path, and the key of one of its interim reports. */
export class InterimReportParams extends InterimReportsParams {
  @ApiProperty({ example: 'yearly', description: "The report's key in the scheme" })
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'key must be an interim report key such as yearly' })
  key!: string;
}

/** What the applicant fills in: the report in the shape of the scheme's interim report schema. */
export class InterimReportInputDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The report, as the scheme's schema for it says (GET /schemes/:id, interimReports)",
    example: {
      activities: 'Two classes',
      teachingHours: 1140,
      progress: 'On plan',
      participants: 18,
      completed: 4,
      droppedOut: 2,
    },
  })
  @IsObject()
  content!: Record<string, unknown>;
}

/** The case officer's reasons for sending a report back. */
export class InterimReportReturnDto {
  @ApiProperty({ example: 'The participant counts do not add up; please check them' })
  @IsString()
  @MinLength(1)
  @MaxLength(5_000)
  reason!: string;
}

const STATUSES = ['not_started', ...INTERIM_REPORT_STATUSES] as const;

/** A version of the report sent earlier and returned, as it was sent. */
export class InterimReportVersionDto {
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) content!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
  @ApiProperty({ type: String, nullable: true }) sentByName!: string | null;
}

/** One interim report the grant owes, as it stands. */
export class InterimReportDto {
  @ApiProperty({ example: 'JOBB-2026-000123' }) caseReference!: string;
  @ApiProperty({ example: 'yearly' }) key!: string;
  @ApiProperty({ type: LocalizedTextDto }) title!: LocalizedTextDto;
  @ApiProperty({ format: 'date', example: '2027-02-13', description: 'The day (in Norway) it is due' })
  dueDate!: string;
  @ApiProperty({ enum: STATUSES, description: 'not_started until the applicant first saves it' })
  status!: (typeof STATUSES)[number];
  @ApiProperty({ description: 'Past its due day and not sent (or sent back and not sent again)' })
  overdue!: boolean;
  @ApiProperty({ description: 'The version being drafted, or the last one sent; 0 before the first draft' })
  version!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  content!: Record<string, unknown> | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The case officer's reasons for the last return",
  })
  decisionText!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) sentAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) approvedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedByName!: string | null;
  @ApiProperty({ description: 'Whether the applicant may save and send it now' }) canEdit!: boolean;
  @ApiProperty({ type: [InterimReportVersionDto], description: 'Versions sent and returned, oldest first' })
  earlierVersions!: InterimReportVersionDto[];
}

/** The interim reports a grant owes, in due order; empty when its scheme asks for none. */
export class InterimReportsDto {
  @ApiProperty({ type: [InterimReportDto] }) items!: InterimReportDto[];
}

export type InterimReportStatusView = InterimReportStatus | 'not_started';
