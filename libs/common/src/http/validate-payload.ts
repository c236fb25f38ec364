import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidatorOptions } from 'class-validator';
import type { FieldProblem } from './problem';
import { flattenValidationErrors } from './validation';

/**
 * The same rules as the HTTP validation pipe (unknown fields refused, nothing converted implicitly),
 * for JSON validated outside a request body: a scheme's application content, call parameters and
 * reports, which the kernel only knows as JSON.
 */
export const PAYLOAD_VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
};

export type PayloadValidation<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/**
 * Turns untrusted JSON into a validated DTO instance, or the list of field problems. `partial` skips
 * missing properties (a draft may be incomplete) but still refuses wrong types and unknown fields.
 */
export async function validatePayload<T extends object>(
  dto: ClassConstructor<T>,
  plain: unknown,
  options: { partial?: boolean; pathPrefix?: string } = {},
): Promise<PayloadValidation<T>> {
  const prefix = options.pathPrefix ? [options.pathPrefix] : [];
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    const field = prefix.join('.');
    return {
      ok: false,
      problems: [{ field, pointer: prefix.length ? `/${field}` : '', messages: ['must be an object'] }],
    };
  }
  const value = plainToInstance(dto, plain, { enableImplicitConversion: false });
  const errors = await validate(value, {
    ...PAYLOAD_VALIDATOR_OPTIONS,
    skipMissingProperties: options.partial === true,
  });
  return errors.length === 0
    ? { ok: true, value }
    : { ok: false, problems: flattenValidationErrors(errors, prefix) };
}
