import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional } from './dto-decorators';
import { isIsoInstant } from '../calendar/dates';
import { DomainError } from '../errors';
import { textFault } from './input-guard';

/** Keyset pagination: `after` is the opaque cursor of the previous page's last row. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @Optional()
  // Query strings arrive as text; convert explicitly (implicit conversion is off).
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'Cursor from the previous page' })
  @Optional()
  @IsString()
  @MaxLength(500)
  after?: string;
}

export const encodeCursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What one element of a cursor may be; each is a string in the cursor's JSON. */
const CURSOR_ELEMENTS = {
  uuid: (v: string) => UUID.test(v),
  /** A bigint key (ledger entry id), as PostgreSQL returns it: decimal digits. */
  bigint: (v: string) => /^\d{1,18}$/.test(v),
  instant: (v: string) => isIsoInstant(v),
  text: (v: string) => v.length <= 500 && textFault(v) === null,
} satisfies Record<string, (value: string) => boolean>;

export type CursorElement = keyof typeof CURSOR_ELEMENTS;

/**
 * Reads an `after` cursor of the given shape, e.g. `['text', 'uuid']` for (name, id). A cursor is
 * opaque to clients but comes back as their input: anything but the shape this API issues (length,
 * element types, text PostgreSQL refuses) is a 400 naming `after`, never a database error.
 */
export function decodeCursor<const S extends readonly CursorElement[]>(
  cursor: string,
  shape: S,
): { [K in keyof S]: string } {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  const fits =
    Array.isArray(values) &&
    values.length === shape.length &&
    values.every((v, i) => typeof v === 'string' && CURSOR_ELEMENTS[shape[i]](v));
  if (fits) return values as { [K in keyof S]: string };
  const message = 'after is not a cursor this API issued: use nextCursor from the previous page';
  throw new DomainError('bad_request', 'invalid_cursor', 'The `after` cursor is not one this API issued', {
    errors: [{ field: 'after', pointer: '/after', messages: [message] }],
  });
}
