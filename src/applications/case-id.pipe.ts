import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@lib/common';
import type { CaseKey } from './applications.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A case reference (saksnummer) as applications get them: `BIO-2026-000123`. */
const REFERENCE = /^[A-Z][A-Z0-9]{1,9}-\d{4}-\d{6,12}$/;

/**
 * A case in a path, by its id or its case reference (any letter case); anything else is a 400
 * naming `id`, before any lookup.
 */
@Injectable()
export class CaseIdPipe implements PipeTransform<string, CaseKey> {
  transform(value: string): CaseKey {
    if (UUID.test(value)) return { id: value.toLowerCase() };
    const reference = value.toUpperCase();
    if (REFERENCE.test(reference)) return { reference };
    const message = 'id must be an application id (uuid) or a case reference such as BIO-2026-000123';
    throw new DomainError('bad_request', 'invalid_id', 'The path names no case', {
      errors: [{ field: 'id', pointer: '/id', messages: [message] }],
    });
  }
}
