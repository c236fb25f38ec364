import type { RJSFValidationError } from '@rjsf/utils';

/*
 * RJSF's validator for the scheme forms, without ajv: ajv compiles schemas into functions
 * (`new Function`), which the app's Content-Security-Policy (`script-src 'self'`, no
 * 'unsafe-eval') rightly forbids. The schemas the server publishes (generated from class-validator
 * DTOs, src/schemes/scheme-schemas.ts) use a small, fixed set of JSON Schema keywords, and this
 * checks exactly those by walking the schema: type, enum, minLength, maxLength, pattern, minimum,
 * maximum, required, properties, additionalProperties, items, minItems, maxItems, $ref into $defs,
 * and allOf/anyOf/oneOf. Other keywords are not checked here; the server checks everything again
 * on submission.
 */

type Schema = Record<string, unknown>;

/** An error in ajv's shape (what RJSF's error list and `transformErrors` expect). */
export interface RawError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

const typeOf = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'number' && Number.isInteger(value)
        ? 'integer'
        : typeof value;

const hasType = (value: unknown, type: string) =>
  type === 'number'
    ? typeof value === 'number' && Number.isFinite(value)
    : type === 'integer'
      ? Number.isInteger(value)
      : typeOf(value) === type;

/** Checks `data` against `schema` (with `root` for $refs); pushes every error found onto `out`. */
export function checkSchema(
  schema: Schema,
  data: unknown,
  root: Schema,
  out: RawError[],
  at = '',
  schemaAt = '#',
): void {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const target = (root.$defs as Record<string, Schema> | undefined)?.[name];
    if (target) checkSchema(target, data, root, out, at, `${schemaAt}/$ref`);
    return;
  }
  const fail = (keyword: string, params: Record<string, unknown>, message: string, path = at) =>
    out.push({ instancePath: path, schemaPath: `${schemaAt}/${keyword}`, keyword, params, message });

  const types =
    schema.type === undefined
      ? []
      : Array.isArray(schema.type)
        ? (schema.type as string[])
        : [schema.type as string];
  if (types.length && !types.some((type) => hasType(data, type))) {
    fail('type', { type: types.join(',') }, `must be ${types.join(',')}`);
    return;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((v) => v === data))
    fail('enum', { allowedValues: schema.enum }, 'must be equal to one of the allowed values');

  if (typeof data === 'string') {
    const length = [...data].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength)
      fail(
        'minLength',
        { limit: schema.minLength },
        `must NOT have fewer than ${schema.minLength} characters`,
      );
    if (typeof schema.maxLength === 'number' && length > schema.maxLength)
      fail(
        'maxLength',
        { limit: schema.maxLength },
        `must NOT have more than ${schema.maxLength} characters`,
      );
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(data))
      fail('pattern', { pattern: schema.pattern }, `must match pattern "${schema.pattern}"`);
  }
  if (typeof data === 'number') {
    if (typeof schema.minimum === 'number' && data < schema.minimum)
      fail('minimum', { comparison: '>=', limit: schema.minimum }, `must be >= ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && data > schema.maximum)
      fail('maximum', { comparison: '<=', limit: schema.maximum }, `must be <= ${schema.maximum}`);
  }
  if (Array.isArray(data)) {
    if (typeof schema.minItems === 'number' && data.length < schema.minItems)
      fail('minItems', { limit: schema.minItems }, `must NOT have fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && data.length > schema.maxItems)
      fail('maxItems', { limit: schema.maxItems }, `must NOT have more than ${schema.maxItems} items`);
    if (schema.items && typeof schema.items === 'object')
      data.forEach((item, i) =>
        checkSchema(schema.items as Schema, item, root, out, `${at}/${i}`, `${schemaAt}/items`),
      );
  }
  if (typeOf(data) === 'object') {
    const object = data as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[])
      if (object[name] === undefined)
        fail('required', { missingProperty: name }, `must have required property '${name}'`);
    for (const [name, value] of Object.entries(object)) {
      if (value === undefined) continue;
      const property = properties[name];
      if (property)
        checkSchema(property, value, root, out, `${at}/${name}`, `${schemaAt}/properties/${name}`);
      else if (schema.additionalProperties === false)
        fail('additionalProperties', { additionalProperty: name }, 'must NOT have additional properties');
    }
  }
  const matches = (list: unknown) =>
    (Array.isArray(list) ? (list as Schema[]) : []).map((sub) => {
      const errors: RawError[] = [];
      checkSchema(sub, data, root, errors, at, schemaAt);
      return errors;
    });
  for (const errors of matches(schema.allOf)) out.push(...errors);
  const anyOf = matches(schema.anyOf);
  if (anyOf.length && !anyOf.some((e) => !e.length)) fail('anyOf', {}, 'must match a schema in anyOf');
  const oneOf = matches(schema.oneOf);
  if (oneOf.length && oneOf.filter((e) => !e.length).length !== 1)
    fail('oneOf', {}, 'must match exactly one schema in oneOf');
}

/** Ajv-shaped errors as RJSF's: the property as a dotted path, with a missing property appended. */
export function toValidationErrors(raw: readonly RawError[]): RJSFValidationError[] {
  return raw.map((error) => {
    let property = error.instancePath.replace(/\//g, '.');
    const missing = error.params.missingProperty;
    if (typeof missing === 'string') property = `${property}.${missing}`;
    return {
      name: error.keyword,
      property,
      message: error.message,
      params: error.params,
      stack: `${property} ${error.message}`.trim(),
      schemaPath: error.schemaPath,
    };
  });
}
