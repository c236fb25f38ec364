import type { Language } from '../i18n/format';

/** What the templates and widgets of a scheme form need besides their own props. */
export interface SchemeFormContext {
  readonly language: Language;
  /** The top-level fields of the step on screen; the others are kept but not drawn. */
  readonly stepFields: readonly string[];
  /** The form's own words (buttons, "optional", Yes/No, input hints), in the page's language. */
  readonly words: FormWords;
}

export interface FormWords {
  readonly optional: string;
  readonly yes: string;
  readonly no: string;
  readonly choose: string;
  /** `{item}` is the list's entry in words, e.g. "Legg til kostnad". */
  readonly add: string;
  /** `{item}` and `{number}`: "Fjern kostnad 2". */
  readonly remove: string;
  /** `{item}` and `{number}`: "Kostnad 2". */
  readonly itemHeading: string;
  readonly kronerInvalid: string;
  readonly percentInvalid: string;
  readonly dateInvalid: string;
  readonly dateHint: string;
  readonly numberInvalid: string;
}

export const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
