import { applyDecorators, type Type as ClassType } from '@nestjs/common';
// PartialDto wraps PartialType so that null is refused; it is the only place allowed to use it.
// eslint-disable-next-line no-restricted-imports
import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsObject,
  ValidateNested,
  buildMessage,
  getMetadataStorage,
  IsInt,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import { isIsoDate, isIsoInstant } from '../calendar/dates';
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

/**
 * The one instant validator of the API: a real calendar date and time with an explicit offset or Z,
 * e.g. `2026-01-05T08:00:00+01:00`, so no time zone is guessed and 2027-02-30 is refused.
 */
export function IsIsoInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoInstant',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isIsoInstant(value),
        defaultMessage: buildMessage(
          (eachPrefix) =>
            `${eachPrefix}$property must be a real date-time with an offset, e.g. 2026-01-05T08:00:00+01:00`,
          options,
        ),
      },
    },
    options,
  );
}

/** An object's version as read (optimistic locking): a positive safe integer. */
export function IsVersion(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(IsInt(options), Min(1, options), Max(Number.MAX_SAFE_INTEGER, options));
}

function NotNull(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notNull',
      validator: {
        validate: (value: unknown) => value !== null,
        defaultMessage: buildMessage(() => '$property may be left out but must not be null', options),
      },
    },
    options,
  );
}

/**
 * A field that may be left out. `null` is refused (400 naming the field) rather than skipped, so an
 * edit cannot write null into a column that needs a value. Use instead of class-validator's IsOptional.
 */
export function Optional(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_object, value) => value !== undefined),
    NotNull(options),
  );
}

/** A field that may be left out or be `null`, where null means something (e.g. a call with no frame). */
export function Nullable(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined && value !== null);
}

/**
 * Every field of `base` made `Optional` (left out: unchanged; null: refused, unless the field is
 * `Nullable`), for edits. Use instead of PartialType, which lets null through to the columns.
 */
export function PartialDto<T>(base: ClassType<T>): ClassType<Partial<T>> {
  const partial = PartialType(base, { skipNullProperties: false });
  const fields = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(partial, '', true, false)
      .map((m) => m.propertyName),
  );
  for (const field of fields) NotNull()(partial.prototype as object, field);
  return partial;
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
