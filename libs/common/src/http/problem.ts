import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Stable identifier of a problem type (RFC 9457 `type`), one per code. */
export const problemType = (code: string) => `urn:grant-engine:problem:${code}`;

export class FieldProblem {
  @ApiProperty({ example: 'costLines.0.amount', description: 'Path of the offending field (dots)' })
  field!: string;

  @ApiProperty({ example: '/costLines/0/amount', description: 'JSON Pointer to the offending field' })
  pointer!: string;

  @ApiProperty({ type: [String], example: ['amount must be an integer number'] })
  messages!: string[];
}

/** RFC 9457 problem details, as every error response of this API is shaped. */
export class Problem {
  @ApiProperty({ example: problemType('validation_failed') })
  type!: string;

  @ApiProperty({ example: 'Bad Request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'The request body is not valid' })
  detail!: string;

  @ApiProperty({ example: '/api/v1/organisations' })
  instance!: string;

  @ApiProperty({ example: 'validation_failed', description: 'Stable machine-readable code' })
  code!: string;

  @ApiProperty({ example: '8a3d2c9e-5d1b-4c36-9f87-2b3c3c1e0a11', description: 'Quote it when reporting' })
  requestId!: string;

  @ApiPropertyOptional({ type: [FieldProblem] })
  errors?: FieldProblem[];
}
