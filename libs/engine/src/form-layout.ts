import type { LocalizedText } from './scheme-definition';

/*
 * How a scheme's form is drawn for applicants: its steps and, per field, the words and the kind of
 * input. The JSON Schema (generated from the scheme's DTO) says what is accepted; this says how it
 * is asked. A scheme keeps one for its application and one for its final report, next to its DTOs;
 * the web app draws any scheme's form from the two without code of its own.
 */

/**
 * The kind of input a field gets where its schema type alone does not say it: an amount in øre
 * shown and typed as kroner, a share in basis points shown and typed as per cent (`12,5` %), a calendar date (`YYYY-MM-DD`) typed as dd.mm.åååå, a longer text,
 * or a short choice shown as radio buttons instead of a list.
 */
export type FormWidget = 'kroner' | 'percent' | 'date' | 'textarea' | 'radio';

/** One field of a form: label and help text in bokmål and English, and the kind of input. */
export interface FormFieldUi {
  readonly label: LocalizedText;
  readonly help?: LocalizedText;
  readonly widget?: FormWidget;
  /** For a choice (`enum`): each value in words. */
  readonly options?: Readonly<Record<string, LocalizedText>>;
  /** For a list: what one entry is called (the "add" button and each entry's heading use it). */
  readonly itemLabel?: LocalizedText;
  /** Asked only when another field of the same object (its key) holds this value. */
  readonly visibleWhen?: { readonly field: string; readonly equals: string | boolean };
}

/** One step of a form: its title and the top-level fields asked in it, in order. */
export interface FormStep {
  readonly title: LocalizedText;
  readonly fields: readonly string[];
}

/**
 * A form's layout. `fields` is keyed by path: `restructuringNeed`, a nested field
 * `trainingPlan.content`, a list's entry `costPlan[]` and a field of the entries
 * `costPlan[].amountOre`. Every field of the schema has one, and every top-level field is in
 * exactly one step (the scheme conformance suite checks both).
 */
export interface FormLayout {
  readonly steps: readonly FormStep[];
  readonly fields: Readonly<Record<string, FormFieldUi>>;
}

/** Prefixes every key of a set of field descriptions, to reuse a kit's fields under a scheme's path. */
export function fieldsUnder(
  path: string,
  fields: Readonly<Record<string, FormFieldUi>>,
): Record<string, FormFieldUi> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, ui]) => [
      key === '' ? path : `${path}${key.startsWith('[') ? '' : '.'}${key}`,
      ui,
    ]),
  );
}

/** A text in bokmål and English, for the layouts' many labels. */
export const localized = (nb: string, en: string): LocalizedText => ({ nb, en });
