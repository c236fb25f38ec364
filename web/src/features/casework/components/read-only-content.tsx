import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { Fragment, type ReactNode } from 'react';
import { choiceText, fieldAt, groupedBySteps, type FormLayout } from '../../../forms/layout';
import type { Language } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';

/** The part of JSON Schema this renderer reads. */
interface JsonSchema {
  title?: string;
  description?: string;
  type?: string | string[];
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  $defs?: Record<string, JsonSchema>;
}

type Path = readonly (string | number)[];

/** What every level of the form needs: the root schema (for `$ref`s) and the scheme's layout, if any. */
interface Form {
  readonly root: JsonSchema;
  readonly layout: FormLayout | undefined;
}

/** `#/$defs/Name` against the root schema; anything else is left as it is. */
function resolved(schema: JsonSchema | undefined, root: JsonSchema): JsonSchema {
  let current = schema ?? {};
  for (let depth = 0; current.$ref && depth < 10; depth++) {
    const name = current.$ref.startsWith('#/$defs/') ? current.$ref.slice('#/$defs/'.length) : '';
    const target = root.$defs?.[name];
    if (!target) break;
    current = { ...target, ...current, $ref: undefined };
  }
  return current;
}

/** Where the layout does not name a field: the schema's title, or the property's name in words. */
function fallbackLabel(key: string, schema: JsonSchema): string {
  if (schema.title) return schema.title;
  const words = key
    .replace(/Ore$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Money on the API is whole øre, named `…Ore` or described as øre: people read kroner. */
const isMoney = (key: string, schema: JsonSchema) =>
  /Ore$/.test(key) || /^øre\b/i.test(schema.description ?? '');

const asObject = (value: unknown) => (value ?? {}) as Record<string, unknown>;

/** The keys of an object to show: the schema's order, then anything the schema does not name. */
function shownKeys(properties: Record<string, JsonSchema>, object: Record<string, unknown>): string[] {
  const keys = [...Object.keys(properties), ...Object.keys(object).filter((k) => !(k in properties))];
  return keys.filter((key) => object[key] !== undefined && object[key] !== null);
}

/**
 * An application's form, read-only, in the words of its scheme's form layout: a heading per step,
 * each field's label and each choice in the reader's language, amounts in kroner, dates the
 * Norwegian way. A field the layout does not describe is named from its schema.
 */
export function ReadOnlyContent({
  schema,
  layout,
  content,
  headingLevel = 3,
}: {
  schema: Record<string, unknown>;
  layout: FormLayout | undefined;
  content: unknown;
  /** The level of the steps' headings: one below the heading the content sits under. */
  headingLevel?: 3 | 4 | 5;
}) {
  const { t, language } = useI18n();
  const form: Form = { root: schema, layout };
  if (!layout) return <ObjectValue form={form} schema={form.root} path={[]} value={content} />;
  const object = asObject(content);
  const properties = resolved(form.root, form.root).properties ?? {};
  const groups = groupedBySteps(layout, shownKeys(properties, object));
  return groups.map((group, i) => (
    <Fragment key={i}>
      {(group.step || groups.length > 1) && (
        <Heading level={headingLevel} data-size="xs">
          {group.step ? group.step.title[language] : t('casework.content.other')}
        </Heading>
      )}
      <Rows form={form} properties={properties} path={[]} object={object} keys={group.keys} />
    </Fragment>
  ));
}

/**
 * The labels of the top-level fields whose values differ between two versions of the same form, in
 * the form's order: what a resubmission changed.
 */
export function changedFieldLabels(
  schema: Record<string, unknown>,
  layout: FormLayout | undefined,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  language: Language,
): string[] {
  const root: JsonSchema = schema;
  const properties = resolved(root, root).properties ?? {};
  const named = Object.keys(properties);
  const others = [...Object.keys(before), ...Object.keys(after)].filter((key) => !(key in properties));
  return [...new Set([...named, ...others])]
    .filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
    .map(
      (key) =>
        (layout && fieldAt(layout, [key])?.label[language]) ??
        fallbackLabel(key, resolved(properties[key], root)),
    );
}

function ObjectValue({
  form,
  schema,
  path,
  value,
}: {
  form: Form;
  schema: JsonSchema;
  path: Path;
  value: unknown;
}) {
  const object = asObject(value);
  const properties = resolved(schema, form.root).properties ?? {};
  return (
    <Rows
      form={form}
      properties={properties}
      path={path}
      object={object}
      keys={shownKeys(properties, object)}
    />
  );
}

function Rows({
  form,
  properties,
  path,
  object,
  keys,
}: {
  form: Form;
  properties: Record<string, JsonSchema>;
  path: Path;
  object: Record<string, unknown>;
  keys: readonly string[];
}) {
  const { language } = useI18n();
  return (
    <dl className="facts read-only">
      {keys.map((key) => {
        const property = resolved(properties[key], form.root);
        const fieldPath = [...path, key];
        const label =
          (form.layout && fieldAt(form.layout, fieldPath)?.label[language]) ?? fallbackLabel(key, property);
        return (
          <div key={key} className="read-only-row">
            <dt>{label}</dt>
            <dd>
              <AnyValue form={form} schema={property} path={fieldPath} value={object[key]} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function AnyValue({
  form,
  schema,
  path,
  value,
}: {
  form: Form;
  schema: JsonSchema;
  path: Path;
  value: unknown;
}): ReactNode {
  const { t, kroner, date, language } = useI18n();
  const field = form.layout && fieldAt(form.layout, path);
  if (Array.isArray(value)) {
    if (value.length === 0) return t('casework.content.none');
    const items = resolved(schema.items, form.root);
    return (
      <ol className="read-only-list">
        {(value as unknown[]).map((item, i) => (
          <li key={i}>
            <AnyValue form={form} schema={items} path={[...path, i]} value={item} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === 'object' && value !== null) {
    return <ObjectValue form={form} schema={schema} path={path} value={value} />;
  }
  const choice = form.layout && choiceText(form.layout, path, value, language);
  if (choice !== undefined) return choice;
  if (typeof value === 'boolean') return value ? t('casework.content.yes') : t('casework.content.no');
  if (typeof value === 'number') {
    const money = field?.widget === 'kroner' || isMoney(String(path.at(-1) ?? ''), schema);
    return money && Number.isSafeInteger(value) ? kroner(value) : String(value);
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return <time dateTime={value}>{date(`${value}T12:00:00Z`)}</time>;
  }
  return <Paragraph className="pre-wrap">{String(value)}</Paragraph>;
}
