import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ChainVerdict } from '@lib/audit';

/** Whether a hash-chained history (an application's, a call's) is as written, and where it is not. */
export class AuditVerificationDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty() records!: number;
  @ApiPropertyOptional({ description: 'seq of the first record that does not match' }) brokenAt?: number;
  @ApiPropertyOptional() problem?: string;
}

export const toVerificationDto = (verdict: ChainVerdict): AuditVerificationDto =>
  verdict.valid
    ? { valid: true, records: verdict.records }
    : { valid: false, records: verdict.records, brokenAt: verdict.brokenAt, problem: verdict.problem };
