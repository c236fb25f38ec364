import type { ErrorSchema, RJSFSchema, RJSFValidationError, UiSchema } from '@rjsf/utils';
import type { Language } from '../i18n/format';
import { fill } from './form-context';
import { fieldAt, labelAt, type FormLayout } from './layout';

// From a scheme's published form layout (steps, words, kinds of input) to what RJSF reads: a
// uiSchema, error texts that name the field, and field ids and steps for the error summary.

export type JsonSchema = Record<string, unknown>;
export type FormData = Record<string, unknown>;

/** An error to show: where (a path in the form data, empty for the whole form) and what. */
export interface FormError {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

const WIDGETS = {
  kroner: 'kroner',
  percent: 'percent',
  date: 'dateText',
  textarea: 'textarea',
  radio: 'radio',
} as const;

function resolver(root: JsonSchema) {
  const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
  return (s: JsonSchema): JsonSchema =>
    typeof s.$ref === 'string' ? (defs[s.$ref.replace('#/$defs/', '')] ?? {}) : s;
}

/** The uiSchema of a scheme form in one language, with the steps' order for the top-level fields. */
export function uiSchemaFor(schema: JsonSchema, layout: FormLayout, language: Language): UiSchema {
  const resolve = resolver(schema);
  const uiOf = (s: JsonSchema, path: string): UiSchema => {
    const field = layout.fields[path];
    const resolved = resolve(s);
    const ui: UiSchema = {};
    const options: Record<string, string | boolean | object> = { orderable: false, copyable: false };
    if (field) {
      ui['ui:title'] = field.label[language];
      if (field.help) ui['ui:description'] = field.help[language];
      if (field.widget) ui['ui:widget'] = WIDGETS[field.widget];
      if (field.itemLabel) options.itemLabel = field.itemLabel[language];
      if (field.visibleWhen) options.visibleWhen = field.visibleWhen;
      if (Array.isArray(resolved.enum))
        ui['ui:enumNames'] = resolved.enum.map((v) => field.options?.[String(v)]?.[language] ?? String(v));
    }
    ui['ui:options'] = options;
    const properties = resolved.properties as Record<string, JsonSchema> | undefined;
    if (properties)
      for (const [key, child] of Object.entries(properties))
        ui[key] = uiOf(child, path ? `${path}.${key}` : key);
    if (resolved.type === 'array' && resolved.items)
      ui.items = uiOf(resolved.items as JsonSchema, `${path}[]`);
    return ui;
  };
  const root = uiOf(schema, '');
  root['ui:order'] = [...layout.steps.flatMap((s) => s.fields), '*'];
  return root;
}

/** The id RJSF gives the field at a data path (`root_costPlan_0_amountOre`), which summary links target. */
export const fieldId = (path: readonly (string | number)[]) => ['root', ...path].join('_');

/** RJSF's dotted property (`.costPlan.0.amountOre`) as a path. */
export const propertyPath = (property: string | undefined): (string | number)[] =>
  (property ?? '')
    .split('.')
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/** The server's field (`content.costPlan.0.amountOre`, or `costPlan.0.amountOre`) as a path. */
export const serverPath = (field: string | undefined, prefix: string): (string | number)[] =>
  propertyPath((field ?? '').replace(new RegExp(`^${prefix}(\\.|$)`), ''));

/** The step (index) that asks the field at a path. */
export const stepOf = (layout: FormLayout, path: readonly (string | number)[]) =>
  Math.max(
    0,
    layout.steps.findIndex((s) => s.fields.includes(String(path[0]))),
  );

/** Whether a top-level field is asked with this data (its `visibleWhen` holds, or it has none). */
export function isAsked(layout: FormLayout, key: string, data: FormData): boolean {
  const when = layout.fields[key]?.visibleWhen;
  return !when || data[when.field] === when.equals;
}

/** The steps with at least one field asked, with their index in the layout. */
export const askedSteps = (layout: FormLayout, data: FormData) =>
  layout.steps
    .map((step, index) => ({ ...step, index }))
    .filter((step) => step.fields.some((key) => isAsked(layout, key, data)));

/** The data without what is not asked (a section for another measure, say), so it is neither sent nor checked. */
export function withoutUnasked(layout: FormLayout, data: FormData): FormData {
  const prune = (value: unknown, path: string): unknown => {
    if (Array.isArray(value)) return value.map((item) => prune(item, `${path}[]`));
    if (!value || typeof value !== 'object') return value;
    const object = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(object)) {
      const childPath = path ? `${path}.${key}` : key;
      const when = layout.fields[childPath]?.visibleWhen;
      if (when && object[when.field] !== when.equals) continue;
      out[key] = prune(child, childPath);
    }
    return out;
  };
  return prune(data, '') as FormData;
}

/** Texts of the validation messages, by ajv keyword; `{label}` and `{limit}` are filled in. */
export interface ErrorWords {
  readonly required: string;
  readonly choose: string;
  readonly answer: string;
  readonly maxLength: string;
  readonly minimum: string;
  readonly maximum: string;
  readonly minItems: string;
  readonly pattern: string;
  readonly invalid: string;
}

/** Errors in the order the form asks their fields: by step, then by field within the step. */
export function inFormOrder(layout: FormLayout, errors: readonly FormError[]): FormError[] {
  const order = layout.steps.flatMap((s) => s.fields);
  const rank = (e: FormError) => (e.path.length ? order.indexOf(String(e.path[0])) : -1);
  return errors
    .map((error, i) => ({ error, i }))
    .sort((a, b) => rank(a.error) - rank(b.error) || a.i - b.i)
    .map(({ error }) => error);
}

/**
 * A missing object stands for its missing fields: its required fields (and theirs) are reported
 * one by one, so that each message sits by its own input rather than on the whole group.
 */
function expandMissingObjects(schema: JsonSchema, errors: RJSFValidationError[]): RJSFValidationError[] {
  const expand = (error: RJSFValidationError): RJSFValidationError[] => {
    if (error.name !== 'required') return [error];
    const node = schemaAt(schema, propertyPath(error.property));
    if (node?.type !== 'object') return [error];
    const required = (node.required ?? []) as string[];
    return required.flatMap((name) =>
      expand({ ...error, property: `${error.property ?? ''}.${name}`, params: { missingProperty: name } }),
    );
  };
  return errors.flatMap(expand);
}

/** Ajv's errors as sentences that name the field ("Fyll ut Beløp"), in the page's language. */
export function transformErrorsFor(
  schema: JsonSchema,
  layout: FormLayout,
  language: Language,
  words: ErrorWords,
) {
  return (errors: RJSFValidationError[]): RJSFValidationError[] =>
    expandMissingObjects(schema, errors)
      // A choice outside its list also fails "type" and "enum": one message is enough.
      .filter((e, i, all) => all.findIndex((o) => o.property === e.property) === i || e.name === 'required')
      .map((error) => {
        const path = propertyPath(error.property);
        const label = labelAt(layout, path, language);
        const field = fieldAt(layout, path);
        const params = (error.params ?? {}) as Record<string, unknown>;
        const node = schemaAt(schema, path);
        const limit = params.limit ?? (node?.type === 'array' ? (node.minItems ?? 1) : undefined);
        const isChoice = Boolean(field?.options) || Array.isArray(node?.enum);
        const isYesNo = node?.type === 'boolean';
        let text: string;
        switch (error.name) {
          case 'required':
          case 'minLength':
            text =
              node?.type === 'array'
                ? words.minItems
                : isChoice
                  ? words.choose
                  : isYesNo
                    ? words.answer
                    : words.required;
            break;
          case 'maxLength':
            text = words.maxLength;
            break;
          case 'minimum':
            text = words.minimum;
            break;
          case 'maximum':
            text = words.maximum;
            break;
          case 'minItems':
            text = words.minItems;
            break;
          case 'pattern':
            text = words.pattern;
            break;
          case 'enum':
            text = words.choose;
            break;
          case 'type':
            text = params.type === 'boolean' ? words.answer : words.invalid;
            break;
          default:
            text = words.invalid;
        }
        const item = field?.itemLabel?.[language] ?? '';
        return {
          ...error,
          message: fill(text, {
            label,
            limit: typeof limit === 'number' ? String(limit) : '',
            item: item.toLocaleLowerCase(),
          }),
        };
      });
}

/** Errors placed on their fields, for RJSF's `extraErrors`. */
export function errorSchemaOf(errors: readonly FormError[]): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const { path, message } of errors) {
    let node = root;
    for (const segment of path) {
      const key = String(segment);
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    const list = (node.__errors ??= []) as string[];
    if (!list.includes(message)) list.push(message);
  }
  return root as ErrorSchema;
}

/** The schema of the field at a data path ($refs resolved); undefined when there is no such field. */
export function schemaAt(schema: JsonSchema, path: readonly (string | number)[]): JsonSchema | undefined {
  const resolve = resolver(schema);
  let node: JsonSchema | undefined = schema;
  for (const segment of path) {
    if (!node) return undefined;
    const resolved: JsonSchema = resolve(node);
    if (typeof segment === 'number') node = resolved.items as JsonSchema | undefined;
    else node = (resolved.properties as Record<string, JsonSchema> | undefined)?.[segment];
  }
  return node && resolve(node);
}

/** Whether the schema has a field at this path (a reason may name a field the form does not ask). */
export const hasField = (schema: RJSFSchema, path: readonly (string | number)[]) =>
  schemaAt(schema, path) !== undefined;
