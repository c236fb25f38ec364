import { applyDecorators } from '@nestjs/common';
import { ValidateBy, ValidateIf } from 'class-validator';
import { PAYLOAD_VALIDATOR_OPTIONS, validatePayload, type PayloadValidation } from '@lib/common';
import { CORONA_SECTION_OF, type CoronaMeasure } from './corona-vocabulary';

/** The kernel's payload validation, under the names the corona tests use. */
export const CORONA_VALIDATOR_OPTIONS = PAYLOAD_VALIDATOR_OPTIONS;
export type CoronaValidationResult<T> = PayloadValidation<T>;
export const validateCoronaPayload = validatePayload;

/**
 * Marks the property holding one measure's section in a payload discriminated by `measure`. The
 * section is validated when the payload's measure is this one (then it is required, unless the
 * payload is a partial draft) or whenever it is present; a section of another measure is refused
 * with a message naming both measures, so a bio_extra form cannot carry apprentice contracts.
 * Put the section's own `@IsObject()`, `@ValidateNested()` and `@Type()` after this decorator.
 */
export function IsSectionOfMeasure(measure: CoronaMeasure): PropertyDecorator {
  return applyDecorators(
    ValidateIf(
      (payload: { measure?: unknown }, value: unknown) => payload.measure === measure || value !== undefined,
    ),
    ValidateBy({
      name: 'isSectionOfMeasure',
      constraints: [measure],
      validator: {
        validate: (_value: unknown, args) => (args?.object as { measure?: unknown }).measure === measure,
        defaultMessage: (args) => {
          const actual = (args?.object as { measure?: unknown }).measure;
          return `${args?.property ?? CORONA_SECTION_OF[measure]} belongs to measure ${measure}; ${
            typeof actual === 'string' ? `this payload's measure is ${actual}` : 'set measure first'
          }`;
        },
      },
    }),
  );
}
