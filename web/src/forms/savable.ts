import { propertyPath, type FormData, type JsonSchema } from './layout-ui';
import { schemeValidator } from './validator';

/**
 * The draft as it can be saved: the server refuses a draft with a malformed field (a code in the
 * wrong format, an empty list), so values the schema already refuses stay in the form but are left
 * out of what is saved. Missing fields are fine in a draft.
 */
export function savableDraft(schema: JsonSchema, data: FormData): FormData {
  const { errors } = schemeValidator.validateFormData(data, schema);
  let result: unknown = structuredClone(data);
  for (const error of errors) {
    if (error.name === 'required') continue;
    const path = propertyPath(error.property);
    if (!path.length) continue;
    result = without(result, path);
  }
  return result as FormData;
}

function without(value: unknown, path: readonly (string | number)[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined || !value || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (typeof head !== 'number' || head >= value.length) return value;
    // An entry of a list is never dropped (the others would move up); only what is wrong inside it.
    if (!rest.length) return value;
    return (value as unknown[]).map((item, i) => (i === head ? without(item, rest) : item));
  }
  const object = value as Record<string, unknown>;
  if (!(String(head) in object)) return value;
  if (!rest.length) {
    const { [String(head)]: _dropped, ...others } = object;
    return others;
  }
  return { ...object, [String(head)]: without(object[String(head)], rest) };
}
