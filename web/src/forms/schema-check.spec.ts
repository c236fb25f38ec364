import { describe, expect, it } from '@jest/globals';
import { checkSchema, toValidationErrors, type RawError } from './schema-check';

// As the server generates them: $defs, $ref, required, additionalProperties false, string and number limits.
const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 5 },
    code: { type: 'string', pattern: '^(?=[A-Z0-9]*\\d)[A-Z0-9]{2,4}$' },
    count: { type: 'integer', minimum: 1, maximum: 10 },
    kind: { type: 'string', enum: ['a', 'b'] },
    lines: { type: 'array', minItems: 1, items: { $ref: '#/$defs/Line' } },
  },
  required: ['title', 'count', 'lines'],
  additionalProperties: false,
  $defs: {
    Line: {
      type: 'object',
      properties: { amountOre: { type: 'number', minimum: 0 }, done: { type: 'boolean' } },
      required: ['amountOre'],
      additionalProperties: false,
    },
  },
};

const errorsOf = (data: unknown) => {
  const raw: RawError[] = [];
  checkSchema(schema, data, schema, raw);
  return toValidationErrors(raw).map((e) => `${e.property} ${e.name}`);
};

describe('checkSchema (no eval, for the CSP)', () => {
  it('accepts a valid form', () => {
    expect(
      errorsOf({ title: 'Tak', code: 'AB1', count: 3, kind: 'a', lines: [{ amountOre: 0, done: true }] }),
    ).toEqual([]);
    expect(errorsOf({ title: 'x', count: 1, lines: [{ amountOre: 1 }] })).toEqual([]);
  });

  it('names every error by its property, as RJSF and the error summary expect', () => {
    expect(
      errorsOf({ title: '', code: 'abc', count: 1.5, kind: 'c', lines: [{ amountOre: -1, extra: 1 }, {}] }),
    ).toEqual([
      '.title minLength',
      '.code pattern',
      '.count type',
      '.kind enum',
      '.lines.0.amountOre minimum',
      '.lines.0 additionalProperties',
      '.lines.1.amountOre required',
    ]);
    expect(errorsOf({ title: 'toolong', count: 11, lines: [] })).toEqual([
      '.title maxLength',
      '.count maximum',
      '.lines minItems',
    ]);
    expect(errorsOf({})).toEqual(['.title required', '.count required', '.lines required']);
  });
});
