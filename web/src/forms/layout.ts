import type { Language } from '../i18n/format';

// A scheme's published form layout (libs/engine/src/form-layout.ts) and the lookups on it that need
// no form library: a field's words and a choice's words by path, and the steps that ask the fields.
// The applicant's form (layout-ui.ts) and the county's read-only view of an application share them.

export interface LocalizedText {
  readonly nb: string;
  readonly en: string;
}
export interface FormFieldUi {
  readonly label: LocalizedText;
  readonly help?: LocalizedText;
  readonly widget?: 'kroner' | 'percent' | 'date' | 'textarea' | 'radio';
  readonly options?: Readonly<Record<string, LocalizedText>>;
  readonly itemLabel?: LocalizedText;
  readonly visibleWhen?: { readonly field: string; readonly equals: string | boolean };
}
export interface FormStep {
  readonly title: LocalizedText;
  readonly fields: readonly string[];
}
export interface FormLayout {
  readonly steps: readonly FormStep[];
  readonly fields: Readonly<Record<string, FormFieldUi>>;
}

/** A data path (`['costPlan', 0, 'amountOre']`) as a layout path (`costPlan[].amountOre`). */
export function layoutPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (acc, segment) =>
      typeof segment === 'number' || /^\d+$/.test(segment) ? `${acc}[]` : acc ? `${acc}.${segment}` : segment,
    '',
  );
}

/** The layout's description of the field at a data path; undefined where the layout has none. */
export const fieldAt = (layout: FormLayout, path: readonly (string | number)[]): FormFieldUi | undefined =>
  layout.fields[layoutPath(path)];

/** The label of the field at a path, in the language; the nearest labelled parent if it has none. */
export function labelAt(layout: FormLayout, path: readonly (string | number)[], language: Language): string {
  for (let n = path.length; n > 0; n--) {
    const field = fieldAt(layout, path.slice(0, n));
    if (field) return field.label[language];
  }
  return '';
}

/** A choice's value in words (`participant_wages` → "Lønn til deltakerne …"); undefined if the layout has none. */
export const choiceText = (
  layout: FormLayout,
  path: readonly (string | number)[],
  value: unknown,
  language: Language,
): string | undefined => fieldAt(layout, path)?.options?.[String(value)]?.[language];

/**
 * Top-level fields grouped by the step that asks them, in the layout's order (steps with none of
 * the fields left out); fields no step asks come last, in a group without a step.
 */
export function groupedBySteps(
  layout: FormLayout,
  keys: readonly string[],
): { readonly step?: FormStep; readonly keys: readonly string[] }[] {
  const groups: { step?: FormStep; keys: string[] }[] = layout.steps
    .map((step) => ({ step, keys: step.fields.filter((key) => keys.includes(key)) }))
    .filter((group) => group.keys.length > 0);
  const asked = new Set(layout.steps.flatMap((step) => step.fields));
  const rest = keys.filter((key) => !asked.has(key));
  if (rest.length > 0) groups.push({ keys: rest });
  return groups;
}
