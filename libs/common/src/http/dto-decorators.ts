import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsObject,
  ValidateNested,
  buildMessage,
  IsInt,
  IsISO8601,
  Matches,
  Max,
  Min,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { isIsoDate, ISO_INSTANT_PATTERN } from '../calendar/dates';
import { FULL_BASIS_POINTS, MAX_AMOUNT_ORE } from '../money';

/** An amount in whole øre: an integer from 0 up to MAX_AMOUNT_ORE (no floats, no negatives). */
export function IsOre(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(IsInt(options), Min(0, options), Max(MAX_AMOUNT_ORE, options));
}

/** A share in basis points: an integer 0–10 000 (5 000 = 50 %). */
export function IsBasisPoints(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(IsInt(options), Min(0, options), Max(FULL_BASIS_POINTS, options));
}

/** A real calendar date written `YYYY-MM-DD` (2026-02-30 is refused). */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isIsoDate(value),
        defaultMessage: buildMessage(
          (eachPrefix) => `${eachPrefix}$property must be a calendar date in YYYY-MM-DD form`,
          options,
        ),
      },
    },
    options,
  );
}

/** An instant with an explicit offset, e.g. `2026-01-05T08:00:00+01:00`, so no time zone is guessed. */
export function IsIsoInstant(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    IsISO8601({ strict: true }, options),
    Matches(ISO_INSTANT_PATTERN, {
      ...options,
      message: (args) =>
        `${options?.each ? 'each value in ' : ''}${args.property} must be a date-time with an offset, e.g. 2026-01-05T08:00:00+01:00`,
    }),
  );
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type DtoType = () => Function;

/** A nested object field: documented, required to be an object, validated, and turned into its class. */
export function NestedObject(type: DtoType): PropertyDecorator {
  return applyDecorators(ApiProperty({ type }), IsObject(), ValidateNested(), Type(type));
}

/** A list of nested objects, optionally bounded in length, each validated as its class. */
export function NestedList(type: DtoType, length: { min?: number; max?: number } = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type, isArray: true }),
    IsArray(),
    ...(length.min !== undefined ? [ArrayMinSize(length.min)] : []),
    ...(length.max !== undefined ? [ArrayMaxSize(length.max)] : []),
    ValidateNested({ each: true }),
    Type(type),
  );
}
