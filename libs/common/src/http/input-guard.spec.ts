import { DomainError } from '../errors';
import { findInputFault, findQueryEncodingFault, inputGuard, MAX_INPUT_DEPTH } from './input-guard';
import { RequestValidationException } from './validation';

describe('findInputFault', () => {
  it('accepts ordinary JSON, including paired surrogates and large safe integers', () => {
    expect(
      findInputFault({
        name: 'Bølgen AS 🌊',
        amount: Number.MAX_SAFE_INTEGER,
        lines: [{ text: 'a', n: -3.5 }, null, true],
      }),
    ).toBeNull();
    expect(findInputFault(undefined)).toBeNull();
  });

  it.each([
    ['a NUL character', { a: { b: 'x\u0000y' } }, '/a/b'],
    ['a lone high surrogate', { list: ['ok', 'x\uD800'] }, '/list/1'],
    ['a lone low surrogate', { s: '\uDC00x' }, '/s'],
    ['a surrogate pair in the wrong order', { s: '\uDC00\uD800' }, '/s'],
    ['a number beyond the safe integers', { amount: 2 ** 53 }, '/amount'],
    ['a negative number beyond the safe integers', { amount: -(2 ** 60) }, '/amount'],
    ['a non-finite number', { amount: Infinity }, '/amount'],
    ['NaN', { amount: NaN }, '/amount'],
    ['a NUL in a key', { ['bad\u0000key']: 1 }, '/bad\u0000key'],
    ['a key with a slash, escaped in the pointer', { 'a/b': { '~': 'x\u0000' } }, '/a~1b/~0'],
  ])('refuses %s and names its JSON pointer', (_name, value, pointer) => {
    expect(findInputFault(value)?.pointer).toBe(pointer);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s', (key) => {
    // JSON.parse makes `__proto__` an own property, as a request body would have it.
    const parsed = JSON.parse(`{"outer":{"${key}":{"isAdmin":true}}}`) as unknown;
    const fault = findInputFault(parsed);
    expect(fault).toEqual({
      field: `outer.${key}`,
      pointer: `/outer/${key}`,
      messages: [`${key} is not a field of this API`],
    });
  });

  it(`refuses nesting deeper than ${MAX_INPUT_DEPTH} and allows it up to there`, () => {
    const nest = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;
    expect(findInputFault(nest(MAX_INPUT_DEPTH))).toBeNull();
    expect(findInputFault(nest(MAX_INPUT_DEPTH + 1))?.messages[0]).toMatch(/nested deeper/);
  });

  it('walks 100 000 nested arrays without exhausting the stack (and JSON.parse survives them too)', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    expect(findInputFault({ content: deep })?.pointer).toBe('/content' + '/0'.repeat(MAX_INPUT_DEPTH - 1));
  });
});

describe('findQueryEncodingFault', () => {
  it('passes well-formed queries, encoded or not', () => {
    expect(findQueryEncodingFault('/a?schemeId=bio&name=B%C3%B8lgen+AS&x')).toBeNull();
    expect(findQueryEncodingFault('/a')).toBeNull();
  });

  it.each([
    ['half a surrogate pair', '/a?schemeId=%ED%A0%80', 'schemeId'],
    ['a byte that is no character', '/a?limit=1&after=%FF', 'after'],
    ['a broken escape', '/a?status=%E2%82', 'status'],
  ])('refuses %s, naming the parameter', (_name, url, field) => {
    expect(findQueryEncodingFault(url)?.field).toBe(field);
  });
});

describe('inputGuard', () => {
  const run = (req: { headers: Record<string, string>; body?: unknown; query?: unknown }) => {
    let passed: unknown = 'not called';
    inputGuard(req as never, {} as never, (error?: unknown) => (passed = error));
    return passed;
  };
  const body = (contentType?: string) => ({
    headers: { 'content-length': '12', ...(contentType ? { 'content-type': contentType } : {}) },
  });

  it('passes JSON bodies and requests without a body', () => {
    expect(run({ ...body('application/json; charset=utf-8'), body: { a: 1 } })).toBeUndefined();
    expect(run({ ...body('application/merge-patch+json'), body: { a: 1 } })).toBeUndefined();
    expect(run({ headers: {}, query: { limit: '5' } })).toBeUndefined();
    expect(run({ headers: { 'content-length': '0' } })).toBeUndefined();
  });

  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/xml',
    'multipart/form-data',
    undefined,
  ])('answers a body of type %s with 415', (contentType) => {
    const error = run(body(contentType));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'unsupported_media_type' });
  });

  it('answers an empty body declared as a form with 415 (it is not "no body")', () => {
    expect(
      run({ headers: { 'content-length': '0', 'content-type': 'application/x-www-form-urlencoded' } }),
    ).toMatchObject({
      kind: 'unsupported_media_type',
    });
  });

  it('answers a chunked body without a JSON type with 415', () => {
    expect(run({ headers: { 'transfer-encoding': 'chunked' } })).toMatchObject({
      kind: 'unsupported_media_type',
    });
  });

  it('refuses a bad value in the query or the body, naming the field', () => {
    const inQuery = run({ headers: {}, query: { schemeId: 'bio\u0000' } });
    expect(inQuery).toBeInstanceOf(RequestValidationException);
    expect((inQuery as RequestValidationException).fieldProblems[0].field).toBe('schemeId');
    const inBody = run({ ...body('application/json'), body: { title: 'x\uD800' } });
    expect((inBody as RequestValidationException).fieldProblems[0].pointer).toBe('/title');
  });
});
