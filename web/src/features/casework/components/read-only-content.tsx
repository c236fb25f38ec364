import { Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
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

/** The schema's title, or the property's name in words: `requestedGrantOre` → "Requested grant". */
function labelOf(key: string, schema: JsonSchema): string {
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

/**
 * An application's form, read-only, drawn from its scheme's JSON Schema: nested objects as
 * description lists, arrays as numbered lists, amounts in kroner, dates the Norwegian way.
 */
export function ReadOnlyContent({ schema, content }: { schema: Record<string, unknown>; content: unknown }) {
  const root = schema as JsonSchema;
  return <ObjectValue schema={root} root={root} value={content} />;
}

function ObjectValue({ schema, root, value }: { schema: JsonSchema; root: JsonSchema; value: unknown }) {
  const object = (value ?? {}) as Record<string, unknown>;
  const properties = resolved(schema, root).properties ?? {};
  // The schema's order first, then anything the schema does not name.
  const keys = [...Object.keys(properties), ...Object.keys(object).filter((k) => !(k in properties))];
  const shown = keys.filter((key) => object[key] !== undefined && object[key] !== null);
  return (
    <dl className="facts read-only">
      {shown.map((key) => {
        const property = resolved(properties[key], root);
        return (
          <div key={key} className="read-only-row">
            <dt>{labelOf(key, property)}</dt>
            <dd>
              <AnyValue name={key} schema={property} root={root} value={object[key]} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function AnyValue({
  name,
  schema,
  root,
  value,
}: {
  name: string;
  schema: JsonSchema;
  root: JsonSchema;
  value: unknown;
}): ReactNode {
  const { t, kroner, date } = useI18n();
  if (Array.isArray(value)) {
    if (value.length === 0) return t('casework.content.none');
    const items = resolved(schema.items, root);
    return (
      <ol className="read-only-list">
        {(value as unknown[]).map((item, i) => (
          <li key={i}>
            <AnyValue name={name} schema={items} root={root} value={item} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === 'object' && value !== null) {
    return <ObjectValue schema={schema} root={root} value={value} />;
  }
  if (typeof value === 'boolean') return value ? t('casework.content.yes') : t('casework.content.no');
  if (typeof value === 'number') {
    return isMoney(name, schema) && Number.isSafeInteger(value) ? kroner(value) : String(value);
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return <time dateTime={value}>{date(`${value}T12:00:00Z`)}</time>;
  }
  return <Paragraph className="pre-wrap">{String(value)}</Paragraph>;
}
