import { getMetadataStorage } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { ELIGIBILITY_RULES_VALIDATOR, eligibilityRulesJsonSchema, type DtoClass } from '@lib/engine';
// class-transformer keeps @Type() targets here; without it nested objects would not be described.
import { defaultMetadataStorage as untypedStorage } from 'class-transformer/cjs/storage';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';

const defaultMetadataStorage = untypedStorage as MetadataStorage;

/** A JSON Schema (2020-12) document. */
export type JsonSchema = Record<string, unknown>;

let cache: Record<string, JsonSchema> | null = null;

/** The JSON type of a property's TypeScript type where it is a primitive (a list or object: nothing to add). */
function primitiveTypeOf(meta: { target: unknown; propertyName: string }): JsonSchema {
  if (typeof meta.target !== 'function') return {};
  const type = Reflect.getMetadata(
    'design:type',
    meta.target.prototype as object,
    meta.propertyName,
  ) as unknown;
  if (type === String) return { type: 'string' };
  if (type === Number) return { type: 'number' };
  if (type === Boolean) return { type: 'boolean' };
  return {};
}

/** Every DTO's schema, generated once from the validation metadata the server itself enforces. */
function allSchemas(): Record<string, JsonSchema> {
  cache ??= validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    classValidatorMetadataStorage: getMetadataStorage(),
    refPointerPrefix: '#/$defs/',
    forbidUnknownValues: true,
    // A custom check says nothing of its shape: the generator falls back on the property's
    // TypeScript type, which for a list (or a list checked entry by entry, `{ each: true }`) is
    // `Array`, and points at a `#/$defs/Array` that does not exist. The custom checks are described
    // here instead (the conformance suite finds any `$ref` left dangling).
    additionalConverters: {
      [ELIGIBILITY_RULES_VALIDATOR]: () => eligibilityRulesJsonSchema(),
      isIsoInstant: { type: 'string' },
      isIsoDate: { type: 'string' },
      // `Optional`'s "not null" says only that a field given has a value; its other checks say which.
      notNull: (meta: { target: unknown; propertyName: string }) => primitiveTypeOf(meta),
    },
  }) as Record<string, JsonSchema>;
  return cache;
}

/**
 * The generated schema of a class, with the fields of every class it extends. A class that only
 * extends another (a scheme's `BioCostLineDto extends TrainingCostLineDto {}`) has no validation
 * metadata of its own and is described by its ancestors, under its own name. The ancestors' fields
 * are merged here by walking the prototype chain by name rather than left to the generator's own
 * inheritance, which compares class identities and once, in a full test run, left a subclass's
 * inherited fields out.
 */
function generatedSchemaOf(cls: DtoClass<object>): JsonSchema | undefined {
  const schemas = allSchemas();
  const chain: JsonSchema[] = [];
  for (let c: unknown = cls; typeof c === 'function' && c.name; c = Object.getPrototypeOf(c)) {
    const schema = schemas[c.name];
    if (schema) chain.push(schema);
  }
  if (chain.length <= 1) return chain[0];
  const properties: Record<string, unknown> = {};
  const required = new Set<string>();
  for (const schema of chain.reverse()) {
    Object.assign(properties, (schema.properties as Record<string, unknown> | undefined) ?? {});
    for (const name of (schema.required as string[] | undefined) ?? []) required.add(name);
  }
  return { ...chain[chain.length - 1], properties, ...(required.size ? { required: [...required] } : {}) };
}

/** What `@ApiProperty` says of a field (its documentation), kept by @nestjs/swagger under this key. */
const API_PROPERTY = 'swagger/apiModelProperties';

/** The DTO class and every class it nests (through `@Type`), each once. */
export function dtoClassesOf(dto: DtoClass<object>): DtoClass<object>[] {
  const found = new Map<string, DtoClass<object>>();
  const visit = (cls: DtoClass<object>) => {
    if (found.has(cls.name)) return;
    found.set(cls.name, cls);
    const generated = generatedSchemaOf(cls) as { properties?: Record<string, unknown> } | undefined;
    for (const key of Object.keys(generated?.properties ?? {})) {
      const nested = defaultMetadataStorage.findTypeMetadata(cls, key)?.typeFunction() as
        DtoClass<object> | undefined;
      if (nested) visit(nested);
    }
  };
  visit(dto);
  return [...found.values()];
}

/** What `@ApiProperty` says of each field of a class (undefined: undocumented). */
export function apiPropertyOf(
  cls: DtoClass<object>,
  key: string,
): { description?: string; example?: unknown } | undefined {
  return Reflect.getMetadata(API_PROPERTY, cls.prototype as object, key) as
    { description?: string; example?: unknown } | undefined;
}

/** The fields class-validator checks on a class (what the API accepts). */
export function validatedFieldsOf(cls: DtoClass<object>): string[] {
  const generated = generatedSchemaOf(cls) as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(generated?.properties ?? {});
}

/** Every `$ref` in a schema that points at no definition of it (`#/$defs/Array` where there is none). */
export function danglingRefs(schema: JsonSchema): string[] {
  const defs = (schema.$defs ?? {}) as Record<string, unknown>;
  const found: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === '$ref') {
        const target = typeof value === 'string' ? /^#\/\$defs\/(.+)$/.exec(value)?.[1] : undefined;
        if (target === undefined || !(target in defs)) found.push(String(value));
      } else visit(value);
    }
  };
  visit(schema);
  return found;
}

/**
 * The JSON Schema of what a DTO accepts, for a form renderer: the class and every class it nests,
 * with the fields' documentation from `@ApiProperty`, and unknown fields refused as the API does.
 */
export function jsonSchemaOf(dto: DtoClass<object>): JsonSchema {
  const defs: Record<string, JsonSchema> = {};
  const visit = (cls: DtoClass<object>) => {
    const generated = generatedSchemaOf(cls) as { properties?: Record<string, JsonSchema> } | undefined;
    if (defs[cls.name] || !generated) return;
    const properties: Record<string, JsonSchema> = {};
    for (const [key, schema] of Object.entries(generated.properties ?? {})) {
      const doc = (Reflect.getMetadata(API_PROPERTY, cls.prototype as object, key) ?? {}) as {
        description?: string;
        example?: unknown;
      };
      properties[key] = {
        ...schema,
        ...(doc.description ? { description: doc.description } : {}),
        ...(doc.example !== undefined ? { examples: [doc.example] } : {}),
      };
      const nested = defaultMetadataStorage.findTypeMetadata(cls, key)?.typeFunction() as
        DtoClass<object> | undefined;
      if (nested) visit(nested);
    }
    defs[cls.name] = { ...generated, properties, additionalProperties: false };
  };
  visit(dto);
  const { [dto.name]: root, ...rest } = defs;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: dto.name,
    ...root,
    ...(Object.keys(rest).length ? { $defs: rest } : {}),
  };
}
