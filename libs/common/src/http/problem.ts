import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
  type ResponseObject,
} from '@nestjs/swagger';

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

/** A rule's sentence in bokmål and English. */
export class ProblemReasonText {
  @ApiProperty({ example: 'Omsøkt beløp på 900 000 kr er mer enn maksimum på 500 000 kr for små bedrifter' })
  nb!: string;

  @ApiProperty({ example: 'The requested 900 000 NOK exceeds the maximum of 500 000 NOK for small companies' })
  en!: string;
}

/** One rule a refused command breaks (a 422 with code rule_failed, not_eligible …). */
export class ProblemReason {
  @ApiProperty({ example: 'grant_exceeds_size_cap' })
  code!: string;

  @ApiProperty({ description: 'The English sentence (the same as text.en)' })
  message!: string;

  @ApiProperty({ type: ProblemReasonText, description: 'The sentence in bokmål and English' })
  text!: ProblemReasonText;

  @ApiPropertyOptional({ example: 'financingPlan.requestedGrantOre', description: 'The field it concerns' })
  field?: string;
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

  @ApiPropertyOptional({
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(ProblemReason) }, { type: 'string' }] },
    description:
      "422: the rules broken. A scheme's reasons are objects with the sentence in bokmål and English; " +
      "the lifecycle's guards give plain sentences",
  })
  reasons?: (ProblemReason | string)[];
}

/** The error statuses this API answers with, each a problem+json `Problem`. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 428 | 429 | 503;

/** One error response of the OpenAPI document: a `Problem` as application/problem+json. */
export function problemResponse(description: string): ResponseObject {
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(Problem) } } } };
}

/**
 * The error responses of an operation (or, on a controller, of each of its operations), each a `Problem`
 * as application/problem+json, with what the status means there:
 * `@ApiProblems({ 404: 'No such call', 409: 'call_frozen, or stale_version' })`. The refusals every
 * operation shares (400 for input no field may hold, 401 without a valid login, 415 for a body that is
 * not JSON) are added once, when the document is built.
 */
export function ApiProblems(responses: Partial<Record<ProblemStatus, string>>) {
  return applyDecorators(
    ApiExtraModels(Problem, ProblemReason, ProblemReasonText),
    ...Object.entries(responses).map(([status, description]) =>
      ApiResponse({ status: Number(status), ...problemResponse(description ?? '') }),
    ),
  );
}
