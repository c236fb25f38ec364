import { ProblemError } from '../../../api/problem';
import type { Frame, Scheme } from '../../../api/types';
import type { FormFieldUi, FormLayout, LocalizedText } from '../../../forms/layout';
import { labelAt } from '../../../forms/layout';
import {
  hasField,
  propertyPath,
  type FormData,
  type FormError,
  type JsonSchema,
} from '../../../forms/layout-ui';
import {
  formatKroner,
  isoDateInNorway,
  reasonSentence,
  TIME_ZONE,
  type Language,
} from '../../../i18n/format';
import type { Translate } from '../../../i18n/i18n';

// The call editor's form: the fields every call has (name, year, frame) beside the scheme's
// parameters, drawn from its parameter schema and call form. Two parameters are asked in other
// terms than the API keeps them: the submission window's instants as days in Norway, and who may
// apply (a list of rules, each type at most once) as one field per rule type.

export interface CallFormWords {
  readonly details: string;
  readonly title: string;
  readonly year: string;
  readonly frame: string;
  readonly frameHelp: string;
}

const same = (text: string): LocalizedText => ({ nb: text, en: text });

const definitions = (scheme: Scheme) => (scheme.parametersSchema.$defs ?? {}) as Record<string, JsonSchema>;

/** A `$ref` to a definition of the scheme's parameter schema, resolved. */
const resolved = (scheme: Scheme, node: JsonSchema | undefined): JsonSchema =>
  node && typeof node.$ref === 'string'
    ? (definitions(scheme)[node.$ref.replace('#/$defs/', '')] ?? {})
    : (node ?? {});

const parameterProperties = (scheme: Scheme) =>
  (scheme.parametersSchema.properties ?? {}) as Record<string, JsonSchema>;

/** The scheme's window: its kinds (if any), its instants and its lists of instants, by field. */
function windowSchema(scheme: Scheme): JsonSchema {
  return resolved(scheme, parameterProperties(scheme).window);
}

/** The window as the form asks it: each instant a day (`YYYY-MM-DD`), each list of instants a list of days. */
function windowFormSchema(scheme: Scheme): JsonSchema {
  const window = windowSchema(scheme);
  const properties: Record<string, JsonSchema> = {};
  for (const [key, node] of Object.entries((window.properties ?? {}) as Record<string, JsonSchema>)) {
    const { description: _d, examples: _e, ...rest } = node;
    properties[key] =
      Array.isArray(node.enum) || node.type !== 'array'
        ? rest
        : {
            type: 'array',
            items: { type: 'string' },
            ...(typeof node.minItems === 'number' ? { minItems: node.minItems } : {}),
            ...(typeof node.maxItems === 'number' ? { maxItems: node.maxItems } : {}),
          };
  }
  return {
    type: 'object',
    additionalProperties: false,
    properties,
    ...(window.required ? { required: window.required } : {}),
  };
}

/** A rule type of who may apply: its name, its argument's field, and the argument as a list or a count. */
export interface EligibilityRuleKind {
  readonly rule: string;
  readonly argument: string;
  readonly schema: JsonSchema;
}

/** The rule types the scheme's schema allows for `eligibility` (one shape per type). */
export function eligibilityRuleKinds(scheme: Scheme): EligibilityRuleKind[] {
  const list = resolved(scheme, parameterProperties(scheme).eligibility);
  const variants = (resolved(scheme, list.items as JsonSchema | undefined).oneOf ?? []) as JsonSchema[];
  return variants.flatMap((variant) => {
    const properties = (resolved(scheme, variant).properties ?? {}) as Record<string, JsonSchema>;
    const rule = (properties.rule?.enum as unknown[] | undefined)?.[0];
    const argument = Object.keys(properties).find((key) => key !== 'rule');
    return typeof rule === 'string' && argument
      ? [{ rule, argument, schema: properties[argument] ?? {} }]
      : [];
  });
}

const isList = (kind: EligibilityRuleKind) => kind.schema.type === 'array';

/** A list's entries as typed, one pattern: `AS, ENK SA` (commas, semicolons or spaces between). */
function listPattern(kind: EligibilityRuleKind): string {
  const pattern = (kind.schema.items as JsonSchema | undefined)?.pattern;
  const item = (typeof pattern === 'string' ? pattern : '^.+$').replace(/^\^|\$$/g, '');
  return `^\\s*(?:${item})(?:\\s*[,;\\s]\\s*(?:${item}))*\\s*$`;
}

/** Who may apply as the form asks it: one optional field per rule type (a list typed as text). */
function eligibilityFormSchema(scheme: Scheme): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(
      eligibilityRuleKinds(scheme).map((kind) => [
        kind.rule,
        isList(kind)
          ? { type: 'string', pattern: listPattern(kind) }
          : { type: 'integer', minimum: typeof kind.schema.minimum === 'number' ? kind.schema.minimum : 0 },
      ]),
    ),
  };
}

/** The county's frames a call of this scheme may draw on, newest year first. */
export const framesFor = (frames: readonly Frame[], schemeId: string) =>
  frames
    .filter((f) => f.schemeId === schemeId)
    .sort((a, b) => b.year - a.year || a.name.localeCompare(b.name));

/** The form's JSON Schema: the call's own fields, then the scheme's parameters. */
export function callFormSchema(scheme: Scheme, frames: readonly Frame[]): JsonSchema {
  const schema = scheme.parametersSchema;
  const properties = { ...parameterProperties(scheme) };
  if (properties.window) properties.window = windowFormSchema(scheme);
  if (properties.eligibility) properties.eligibility = eligibilityFormSchema(scheme);
  const required = ((schema.required ?? []) as string[]).filter((key) => key !== 'eligibility');
  const choices = framesFor(frames, scheme.id);
  return {
    type: 'object',
    additionalProperties: false,
    required: ['title', 'year', ...required],
    properties: {
      title: { type: 'string', minLength: 3, maxLength: 200 },
      year: { type: 'integer', minimum: 2000, maximum: 2100 },
      ...(choices.length ? { frameId: { type: 'string', enum: choices.map((f) => f.id) } } : {}),
      ...properties,
    },
    ...(schema.$defs ? { $defs: schema.$defs } : {}),
  };
}

/**
 * The words the form needs beyond the scheme's call form: the window's instants asked as dates, and
 * each rule type of who may apply as a field (the type's words, its argument's help).
 */
function derivedFields(scheme: Scheme, form: FormLayout): Record<string, FormFieldUi> {
  const fields: Record<string, FormFieldUi> = {};
  for (const [key, node] of Object.entries(
    (windowSchema(scheme).properties ?? {}) as Record<string, JsonSchema>,
  )) {
    if (Array.isArray(node.enum)) continue;
    const path = node.type === 'array' ? `window.${key}[]` : `window.${key}`;
    const field = form.fields[path] ?? form.fields[`window.${key}`];
    if (field) fields[path] = { ...field, widget: 'date' };
  }
  const words = form.fields['eligibility[].rule']?.options ?? {};
  for (const kind of eligibilityRuleKinds(scheme)) {
    const argument = form.fields[`eligibility[].${kind.argument}`];
    const label = words[kind.rule] ?? argument?.label ?? same(kind.rule);
    fields[`eligibility.${kind.rule}`] = { label, ...(argument?.help ? { help: argument.help } : {}) };
  }
  return fields;
}

/** The form's layout: a first step with the call's own fields, then the scheme's call form. */
export function callFormLayout(
  scheme: Scheme,
  frames: readonly Frame[],
  words: CallFormWords,
  language: Language,
): FormLayout {
  const form = scheme.callForm as FormLayout;
  const choices = framesFor(frames, scheme.id);
  return {
    steps: [
      {
        title: same(words.details),
        fields: ['title', 'year', ...(choices.length ? ['frameId'] : [])],
      },
      ...form.steps,
    ],
    fields: {
      ...form.fields,
      ...derivedFields(scheme, form),
      title: { label: same(words.title) },
      year: { label: same(words.year) },
      frameId: {
        label: same(words.frame),
        help: same(words.frameHelp),
        options: Object.fromEntries(
          choices.map((f) => [f.id, same(`${f.name} (${formatKroner(f.allocated, language)})`)]),
        ),
      },
    },
  };
}

/** The instant a day starts (or a moment of it) in Norway, with its offset: `2027-01-04T00:00:00+01:00`. */
export function osloInstant(day: string, time: string): string {
  const probe = new Date(`${day}T12:00:00Z`);
  const offset =
    new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' })
      .formatToParts(probe)
      .find((p) => p.type === 'timeZoneName')
      ?.value.replace('GMT', '') || '+00:00';
  return `${day}T${time}${offset === '' ? '+00:00' : offset}`;
}

type Window = Readonly<Record<string, unknown>>;

/** The window's instants as days in Norway (lists of instants as lists of days); its kind as it is. */
export function windowDays(window: Window | undefined): FormData {
  const days: FormData = {};
  for (const [key, value] of Object.entries(window ?? {})) {
    if (key === 'kind') days[key] = value;
    else if (typeof value === 'string') days[key] = isoDateInNorway(value);
    else if (Array.isArray(value))
      days[key] = value.filter((v): v is string => typeof v === 'string').map((v) => isoDateInNorway(v));
  }
  return days;
}

/** A day as an instant: an instant of `kept` still on that day, else the day's start or end in Norway. */
const instantOn = (day: string, kept: readonly string[], time: string) =>
  kept.find((instant) => isoDateInNorway(instant) === day) ?? osloInstant(day, time);

/**
 * The window's days as the API takes them: the opening at the start of its day, every other day at
 * its end (23:59:59, the last moment to apply), keeping `base`'s own instants on days left unchanged.
 */
export function windowInstants(days: FormData, base: Window | undefined): Record<string, unknown> {
  const window: Record<string, unknown> = {};
  const instantsOf = (value: unknown): string[] =>
    (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
  for (const [key, value] of Object.entries(days)) {
    const kept = instantsOf(base?.[key]);
    const time = key === 'opensAt' ? '00:00:00' : '23:59:59';
    if (key === 'kind') window[key] = value;
    else if (typeof value === 'string' && value) window[key] = instantOn(value, kept, time);
    else if (Array.isArray(value))
      window[key] = value
        .filter((v): v is string => typeof v === 'string' && v !== '')
        .map((day) => instantOn(day, kept, time));
  }
  return window;
}

interface Rule {
  readonly rule?: unknown;
  readonly [argument: string]: unknown;
}

/** Who may apply as the form's fields: each rule's argument under its type, a list as `AS, ENK`. */
export function eligibilityFields(scheme: Scheme, rules: unknown): FormData {
  const fields: FormData = {};
  const kinds = eligibilityRuleKinds(scheme);
  for (const rule of Array.isArray(rules) ? (rules as Rule[]) : []) {
    const kind = kinds.find((k) => k.rule === rule.rule);
    if (!kind) continue;
    const argument = rule[kind.argument];
    fields[kind.rule] = Array.isArray(argument) ? argument.join(', ') : argument;
  }
  return fields;
}

/** The form's fields of who may apply as the API's rules, in the schema's order; an empty field sets no rule. */
export function eligibilityRules(scheme: Scheme, fields: unknown): Rule[] {
  const values = (fields ?? {}) as FormData;
  return eligibilityRuleKinds(scheme).flatMap((kind): Rule[] => {
    const value = values[kind.rule];
    if (isList(kind)) {
      const entries = typeof value === 'string' ? value.split(/[\s,;]+/).filter(Boolean) : [];
      return entries.length
        ? [{ rule: kind.rule, [kind.argument]: [...new Set(entries.map((e) => e.toUpperCase()))] }]
        : [];
    }
    return typeof value === 'number' ? [{ rule: kind.rule, [kind.argument]: value }] : [];
  });
}

/** What the form starts with: the call's fields and parameters (the window in days, who may apply by type). */
export function callFormData(
  scheme: Scheme,
  call: { title: string; year: number; frameId: string | null; parameters: Record<string, unknown> },
): FormData {
  const { window, eligibility, ...rest } = call.parameters as { window?: Window; eligibility?: unknown };
  return {
    ...rest,
    title: call.title,
    year: call.year,
    ...(call.frameId ? { frameId: call.frameId } : {}),
    ...(window ? { window: windowDays(window) } : {}),
    eligibility: eligibilityFields(scheme, eligibility),
  };
}

/** The form data for a new call built on an earlier one: its rules, but no name, frame or dates (the window's kind kept). */
export function newCallFormData(scheme: Scheme, template: Parameters<typeof callFormData>[1]): FormData {
  const data = callFormData(scheme, { ...template, frameId: null });
  const kind = (data.window as FormData | undefined)?.kind;
  return { ...data, title: '', window: kind === undefined ? {} : { kind } };
}

/**
 * The form as the API takes it: the call's fields, and parameters with the window's days as
 * instants (keeping `base`'s instants on unchanged days) and who may apply as rules.
 */
export function callRequest(scheme: Scheme, data: FormData, base: Record<string, unknown>) {
  const { title, year, frameId, window, eligibility, ...parameters } = data;
  return {
    title: String(title),
    year: Number(year),
    frameId: typeof frameId === 'string' && frameId ? frameId : null,
    parameters: {
      ...parameters,
      eligibility: eligibilityRules(scheme, eligibility),
      window: windowInstants((window ?? {}) as FormData, base.window as Window | undefined),
    },
  };
}

/** Where a field the server names (`parameters.window.closesAt`, `title`) is in the form. */
export function formPath(field: string | undefined, schema: JsonSchema): (string | number)[] {
  const path = propertyPath((field ?? '').replace(/^parameters\./, ''));
  // The nearest field the form has: a rule of who may apply (`eligibility.0.forms`) is on "who may apply".
  for (let n = path.length; n > 0; n--) if (hasField(schema, path.slice(0, n))) return path.slice(0, n);
  return [];
}

interface Reason {
  readonly code: string;
  readonly message: string;
  readonly text?: LocalizedText;
  readonly field?: string;
}

/**
 * A refused save as errors on the form: the fields the API found wrong, the scheme's rules not
 * met (each on its field where it names one), a frame of another scheme or county. Null when the
 * refusal is of another kind (a stale version, a lost connection).
 */
export function refusedCallErrors(
  error: unknown,
  schema: JsonSchema,
  layout: FormLayout,
  language: Language,
  t: Translate,
): FormError[] | null {
  if (!(error instanceof ProblemError)) return null;
  const problem = error.problem as { code?: string; errors?: { field: string }[]; reasons?: Reason[] };
  if (error.status === 404 || problem.code === 'frame_of_other_scheme')
    return [{ path: ['frameId'], message: t('callAdmin.error.frame') }];
  if (![400, 422].includes(error.status)) return null;
  const found: FormError[] = [];
  for (const { field } of problem.errors ?? []) {
    const path = formPath(field, schema);
    const label = labelAt(layout, path, language);
    found.push({
      path,
      message: label ? t('form.error.server', { label }) : t('callAdmin.error.field', { field }),
    });
  }
  for (const reason of problem.reasons ?? []) {
    const path = formPath(reason.field, schema);
    const label = labelAt(layout, path, language);
    const message = reasonSentence(reason, language);
    found.push({
      path,
      message: label ? t('form.error.rule', { label, message }) : t('callAdmin.error.rule', { message }),
    });
  }
  return found.length ? found : null;
}
