import { DomainError } from '../errors';
import { decodeCursor, encodeCursor } from './pagination';

const ID = '0b6f3c4e-8d2a-4f1b-9c3d-2e5a7b9c1d0f';
const forged = (json: string) => Buffer.from(json).toString('base64url');

describe('cursors', () => {
  it('round-trips what the API issues', () => {
    expect(decodeCursor(encodeCursor(['Fjordverk AS', ID]), ['text', 'uuid'])).toEqual(['Fjordverk AS', ID]);
    expect(decodeCursor(encodeCursor(['12345']), ['bigint'])).toEqual(['12345']);
    expect(decodeCursor(encodeCursor(['2026-01-05T08:00:00.000Z', ID]), ['instant', 'uuid'])).toEqual([
      '2026-01-05T08:00:00.000Z',
      ID,
    ]);
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor', ['uuid']],
    ['JSON that is not an array', forged('{"a":1}'), ['uuid']],
    ['the wrong length', forged(`["${ID}","x"]`), ['uuid']],
    ['a number where a uuid belongs', forged('[1]'), ['uuid']],
    ['text where a uuid belongs', forged('["x"]'), ['uuid']],
    ['two strings where (text, uuid) belong', forged('["x","y"]'), ['text', 'uuid']],
    ['null elements', forged('[null,null]'), ['text', 'uuid']],
    ['a NUL inside the text', forged(`["a\\u0000b","${ID}"]`), ['text', 'uuid']],
    ['a lone surrogate inside the text', forged(`["a\\ud800","${ID}"]`), ['text', 'uuid']],
    ['a non-numeric bigint', forged('["12a"]'), ['bigint']],
    ['an impossible instant', forged(`["2027-02-30T12:00:00Z","${ID}"]`), ['instant', 'uuid']],
  ] as const)('refuses %s with a 400 naming after', (_name, cursor, shape) => {
    let thrown: unknown;
    try {
      decodeCursor(cursor, shape);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({
      kind: 'bad_request',
      code: 'invalid_cursor',
      extensions: { errors: [expect.objectContaining({ field: 'after', pointer: '/after' })] },
    });
  });
});
