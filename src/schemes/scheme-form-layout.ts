import type { FormLayout } from '@lib/engine';
import type { JsonSchema } from './scheme-schemas';

interface Node {
  readonly path: string;
  readonly schema: JsonSchema;
  /** The keys of the object that holds this field (for `visibleWhen`), if it is an object's property. */
  readonly siblings: readonly string[];
}

/** Every field of a generated schema by layout path (`a.b`, list entries `a[]`, `a[].b`), depth first. */
export function schemaFieldPaths(root: JsonSchema): Node[] {
  const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
  const resolve = (s: JsonSchema): JsonSchema =>
    typeof s.$ref === 'string' ? (defs[s.$ref.replace('#/$defs/', '')] ?? {}) : s;
  const found: Node[] = [];
  const visit = (schema: JsonSchema, prefix: string) => {
    const s = resolve(schema);
    const properties = s.properties as Record<string, JsonSchema> | undefined;
    if (properties) {
      const keys = Object.keys(properties);
      for (const [key, child] of Object.entries(properties)) {
        const path = prefix ? `${prefix}.${key}` : key;
        found.push({ path, schema: resolve(child), siblings: keys });
        visit(child, path);
      }
    } else if (s.type === 'array' && s.items) {
      const path = `${prefix}[]`;
      found.push({ path, schema: resolve(s.items as JsonSchema), siblings: [] });
      visit(s.items as JsonSchema, path);
    }
    // One of several shapes (the kernel's eligibility rules): each shape's fields at the same path.
    for (const variant of (s.oneOf ?? s.anyOf ?? []) as JsonSchema[]) visit(variant, prefix);
  };
  visit(root, '');
  return found;
}

/**
 * Whether a form layout fits its schema: every top-level field in exactly one step, every field
 * labelled in bokmål and English, every choice's values in words, no label for a field that does
 * not exist, and widgets only where they fit. Returns every problem found.
 */
export function formLayoutProblems(schema: JsonSchema, layout: FormLayout): string[] {
  const problems: string[] = [];
  const topLevel = Object.keys(schema.properties ?? {});
  const placed = new Map<string, number>();
  layout.steps.forEach((step, i) => {
    if (!step.title.nb.trim() || !step.title.en.trim())
      problems.push(`step ${i + 1} has no title in nb and en`);
    if (!step.fields.length) problems.push(`step ${i + 1} has no fields`);
    for (const field of step.fields) {
      if (!topLevel.includes(field))
        problems.push(`step ${i + 1} names "${field}", which is not a top-level field`);
      placed.set(field, (placed.get(field) ?? 0) + 1);
    }
  });
  for (const field of topLevel) {
    const count = placed.get(field) ?? 0;
    if (count !== 1) problems.push(`"${field}" is in ${count} steps, not exactly one`);
  }
  const nodes = schemaFieldPaths(schema);
  const paths = new Set(nodes.map((n) => n.path));
  for (const { path, schema: field, siblings } of nodes) {
    const ui = layout.fields[path];
    if (!ui) {
      problems.push(`"${path}" has no label`);
      continue;
    }
    if (!ui.label.nb.trim() || !ui.label.en.trim()) problems.push(`"${path}" lacks a label in nb or en`);
    if (ui.help && (!ui.help.nb.trim() || !ui.help.en.trim()))
      problems.push(`"${path}" lacks help in nb or en`);
    const values = (field.enum ?? []) as unknown[];
    for (const value of values) {
      const option = ui.options?.[String(value)];
      if (!option?.nb.trim() || !option.en.trim())
        problems.push(`"${path}": the choice "${String(value)}" has no words`);
    }
    if (ui.widget === 'kroner' && field.type !== 'number' && field.type !== 'integer')
      problems.push(`"${path}" is not a number, so not an amount in kroner`);
    if (ui.widget === 'percent' && field.type !== 'number' && field.type !== 'integer')
      problems.push(`"${path}" is not a number, so not basis points shown as per cent`);
    if (
      /basisPoints/i.test(
        path
          .split(/[.[\]]/)
          .filter(Boolean)
          .at(-1) ?? '',
      ) &&
      ui.widget !== 'percent'
    )
      problems.push(`"${path}" is in basis points, so it is shown and typed as per cent`);
    if ((ui.widget === 'date' || ui.widget === 'textarea') && field.type !== 'string')
      problems.push(`"${path}" is not a text, so not a ${ui.widget}`);
    if (ui.widget === 'radio' && !values.length)
      problems.push(`"${path}" is no choice, so not radio buttons`);
    if (ui.visibleWhen && !siblings.includes(ui.visibleWhen.field))
      problems.push(`"${path}" depends on "${ui.visibleWhen.field}", which is not beside it`);
  }
  for (const path of Object.keys(layout.fields))
    if (!paths.has(path)) problems.push(`"${path}" is labelled but is no field of the schema`);
  return problems;
}
