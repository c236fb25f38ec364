import { flattenValidationErrors, type FieldProblem } from '@lib/common';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidatorOptions } from 'class-validator';

/**
 * The same options as the HTTP validation pipe (`createValidationPipe`): unknown fields are refused,
 * not dropped, and nothing is converted implicitly. Use them when application content stored as JSON
 * is re-validated outside a request, e.g. on submit.
 */
export const BIO_VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
};

export type BioValidationResult<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/**
 * Turns untrusted JSON into a validated DTO instance (e.g. `BioApplicationDto`), or the list of
 * field problems in the API's problem+json shape.
 */
export async function validateBioPayload<T extends object>(
  dto: ClassConstructor<T>,
  plain: unknown,
): Promise<BioValidationResult<T>> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { ok: false, problems: [{ field: '', pointer: '', messages: ['payload must be an object'] }] };
  }
  const value = plainToInstance(dto, plain, { enableImplicitConversion: false });
  const errors = await validate(value, BIO_VALIDATOR_OPTIONS);
  return errors.length === 0 ? { ok: true, value } : { ok: false, problems: flattenValidationErrors(errors) };
}
