import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional } from './dto-decorators';
import { DomainError } from '../errors';

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

export function decodeCursor<T extends unknown[]>(cursor: string, arity: number): T {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === arity) return values as T;
  } catch {
    // fall through
  }
  throw new DomainError('bad_request', 'invalid_cursor', 'The `after` cursor is not one this API issued');
}
