import { ProblemError } from '../../../api/problem';
import type { Frame, Scheme } from '../../../api/types';
import type { FormLayout, FormStep, LocalizedText } from '../../../forms/layout';
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

// The call editor's form: the fields every call has (name, year, frame, opening and closing day)
// beside the scheme's parameters, drawn from its parameter schema and call form. The window and
// who may apply are kept as the call (or the call it is based on) has them; the dates set the window.

/** Parameters the page asks in its own words, or keeps as they are, instead of the scheme's form. */
const OWN_PARAMETERS = ['window', 'eligibility'];

export interface CallFormWords {
  readonly details: string;
  readonly title: string;
  readonly year: string;
  readonly frame: string;
  readonly frameHelp: string;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly closesOnHelp: string;
}

const same = (text: string): LocalizedText => ({ nb: text, en: text });

const schemaParameters = (scheme: Scheme) => {
  const schema = scheme.parametersSchema;
  const properties = { ...((schema.properties ?? {}) as Record<string, JsonSchema>) };
  for (const key of OWN_PARAMETERS) delete properties[key];
  const required = ((schema.required ?? []) as string[]).filter((key) => !OWN_PARAMETERS.includes(key));
  return { schema, properties, required };
};

/** The county's frames a call of this scheme may draw on, newest year first. */
export const framesFor = (frames: readonly Frame[], schemeId: string) =>
  frames
    .filter((f) => f.schemeId === schemeId)
    .sort((a, b) => b.year - a.year || a.name.localeCompare(b.name));

/** The form's JSON Schema: the call's own fields, then the scheme's parameters. */
export function callFormSchema(scheme: Scheme, frames: readonly Frame[]): JsonSchema {
  const { schema, properties, required } = schemaParameters(scheme);
  const choices = framesFor(frames, scheme.id);
  return {
    type: 'object',
    additionalProperties: false,
    required: ['title', 'year', 'opensOn', ...required],
    properties: {
      title: { type: 'string', minLength: 3, maxLength: 200 },
      year: { type: 'integer', minimum: 2000, maximum: 2100 },
      ...(choices.length ? { frameId: { type: 'string', enum: choices.map((f) => f.id) } } : {}),
      opensOn: { type: 'string' },
      closesOn: { type: 'string' },
      ...properties,
    },
    ...(schema.$defs ? { $defs: schema.$defs } : {}),
  };
}

/** The form's layout: a first step with the call's own fields, then the scheme's call form. */
export function callFormLayout(
  scheme: Scheme,
  frames: readonly Frame[],
  words: CallFormWords,
  language: Language,
): FormLayout {
  const form = scheme.callForm as FormLayout;
  const steps: FormStep[] = form.steps
    .map((step) => ({ ...step, fields: step.fields.filter((f) => !OWN_PARAMETERS.includes(f)) }))
    .filter((step) => step.fields.length > 0);
  const choices = framesFor(frames, scheme.id);
  return {
    steps: [
      {
        title: same(words.details),
        fields: ['title', 'year', ...(choices.length ? ['frameId'] : []), 'opensOn', 'closesOn'],
      },
      ...steps,
    ],
    fields: {
      ...form.fields,
      title: { label: same(words.title) },
      year: { label: same(words.year) },
      frameId: {
        label: same(words.frame),
        help: same(words.frameHelp),
        options: Object.fromEntries(
          choices.map((f) => [f.id, same(`${f.name} (${formatKroner(f.allocated, language)})`)]),
        ),
      },
      opensOn: { label: same(words.opensOn), widget: 'date' },
      closesOn: { label: same(words.closesOn), help: same(words.closesOnHelp), widget: 'date' },
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

interface Window {
  readonly kind?: string;
  readonly opensAt?: string;
  readonly closesAt?: string;
  readonly deadlines?: readonly string[];
  readonly [key: string]: unknown;
}

/** What the form starts with: the call's fields and parameters (dates as days in Norway). */
export function callFormData(call: {
  title: string;
  year: number;
  frameId: string | null;
  parameters: Record<string, unknown>;
}): FormData {
  const { window, eligibility: _eligibility, ...rest } = call.parameters as { window?: Window } & FormData;
  return {
    ...rest,
    title: call.title,
    year: call.year,
    ...(call.frameId ? { frameId: call.frameId } : {}),
    ...(window?.opensAt ? { opensOn: isoDateInNorway(window.opensAt) } : {}),
    ...(window?.closesAt ? { closesOn: isoDateInNorway(window.closesAt) } : {}),
  };
}

/** A day as an instant: the base's own instant when it is that day still, else the given time of day. */
const instantOn = (day: string, base: string | undefined, time: string) =>
  base && isoDateInNorway(base) === day ? base : osloInstant(day, time);

/**
 * The form as the API takes it: the call's fields, and parameters with the window set from the
 * dates (a rolling window where the scheme has kinds) and who may apply kept from `base`.
 */
export function callRequest(scheme: Scheme, data: FormData, base: Record<string, unknown>) {
  const { title, year, frameId, opensOn, closesOn, ...parameters } = data;
  const baseWindow = (base.window ?? {}) as Window;
  const windowSchema = windowProperties(scheme);
  const { closesAt: _closesAt, deadlines: _deadlines, kind: _kind, ...kept } = baseWindow;
  const window = {
    ...kept,
    ...('kind' in windowSchema ? { kind: 'rolling' } : {}),
    opensAt: instantOn(String(opensOn), baseWindow.opensAt, '00:00:00'),
    ...(typeof closesOn === 'string' && closesOn
      ? { closesAt: instantOn(closesOn, baseWindow.closesAt, '23:59:59') }
      : {}),
  };
  return {
    title: String(title),
    year: Number(year),
    frameId: typeof frameId === 'string' && frameId ? frameId : null,
    parameters: { ...parameters, eligibility: base.eligibility ?? [], window },
  };
}

function windowProperties(scheme: Scheme): Record<string, unknown> {
  const schema = scheme.parametersSchema;
  const window = (schema.properties as Record<string, JsonSchema> | undefined)?.window ?? {};
  const ref = typeof window.$ref === 'string' ? window.$ref.replace('#/$defs/', '') : '';
  const defs = (schema.$defs ?? {}) as Record<string, JsonSchema>;
  return ((defs[ref] ?? window).properties ?? {}) as Record<string, unknown>;
}

/** Where a field the server names (`parameters.window.closesAt`, `title`) is in the form. */
export function formPath(field: string | undefined, schema: JsonSchema): (string | number)[] {
  const name = (field ?? '').replace(/^parameters\./, '');
  if (/^window\.(closesAt|deadlines|extensions)/.test(name)) return ['closesOn'];
  if (/^window(\.|$)/.test(name)) return ['opensOn'];
  const path = propertyPath(name);
  return path.length && hasField(schema, path) ? path : [];
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
