import { describe, expect, it } from '@jest/globals';
import type { Scheme } from '../../../api/types';
import {
  callFormData,
  callFormLayout,
  callFormSchema,
  callRequest,
  eligibilityRules,
  formPath,
  newCallFormData,
  osloInstant,
} from './call-form-model';

const l = (nb: string, en: string) => ({ nb, en });
const list = (pattern: string) => ({
  type: 'array',
  minItems: 1,
  uniqueItems: true,
  items: { type: 'string', pattern },
});
const rule = (name: string, argument: string, schema: object) => ({
  type: 'object',
  required: ['rule', argument],
  additionalProperties: false,
  properties: { rule: { type: 'string', enum: [name] }, [argument]: schema },
});

// As the server publishes a scheme (src/schemes/scheme-schemas.ts and the kernel's call form).
const scheme = {
  id: 'bio',
  parametersSchema: {
    type: 'object',
    required: ['window', 'eligibility', 'acceptanceDays'],
    properties: {
      window: { type: 'object', $ref: '#/$defs/SubmissionWindowDto' },
      eligibility: {
        type: 'array',
        items: {
          oneOf: [
            rule('organisation_form', 'forms', list('^[A-Z]{2,4}$')),
            rule('min_employees', 'count', { type: 'integer', minimum: 0 }),
            rule('employees_below', 'count', { type: 'integer', minimum: 0 }),
            rule('county', 'countyCodes', list('^\\d{2}$')),
            rule('municipality', 'municipalityNumbers', list('^\\d{4}$')),
          ],
        },
      },
      maxGrantBySize: { type: 'object', $ref: '#/$defs/Caps' },
      acceptanceDays: { type: 'integer' },
      aidIntensityBasisPoints: { type: 'number', minimum: 0, maximum: 10_000 },
    },
    $defs: {
      SubmissionWindowDto: {
        type: 'object',
        required: ['kind', 'opensAt'],
        properties: {
          kind: { type: 'string', enum: ['rolling', 'fixed'] },
          opensAt: { type: 'string', description: 'Date-time with offset' },
          closesAt: { type: 'string' },
          deadlines: { type: 'array', minItems: 1, maxItems: 24, items: { type: 'string' } },
        },
      },
      Caps: { type: 'object', properties: { smallCompanyMaxOre: { type: 'number' } } },
    },
  },
  callForm: {
    steps: [
      { title: l('Søknadsperiode og målgruppe', 'Period'), fields: ['window', 'eligibility'] },
      { title: l('Tilskudd', 'Grant'), fields: ['maxGrantBySize', 'aidIntensityBasisPoints'] },
      { title: l('Saksgang', 'Case handling'), fields: ['acceptanceDays'] },
    ],
    fields: {
      window: { label: l('Søknadsperiode', 'Application period') },
      'window.kind': { label: l('Type', 'Kind'), widget: 'radio' },
      'window.opensAt': { label: l('Åpner', 'Opens') },
      'window.closesAt': { label: l('Søknadsfrist', 'Deadline') },
      'window.deadlines': {
        label: l('Søknadsfrister', 'Deadlines'),
        itemLabel: l('Søknadsfrist', 'Deadline'),
      },
      'window.deadlines[]': { label: l('Søknadsfrist', 'Deadline') },
      eligibility: { label: l('Hvem kan søke', 'Who may apply') },
      'eligibility[].rule': {
        label: l('Krav', 'Requirement'),
        options: {
          organisation_form: l('Organisasjonsformer som kan søke', 'Organisation forms that may apply'),
          county: l('Fylker søkeren må holde til i', 'Counties'),
        },
      },
      'eligibility[].forms': {
        label: l('Organisasjonsformer', 'Forms'),
        help: l('For eksempel AS', 'E.g. AS'),
      },
      aidIntensityBasisPoints: { label: l('Støtteintensitet', 'Aid intensity'), widget: 'percent' },
    },
  },
} as unknown as Scheme;

const stored = {
  title: 'BIO 2027',
  year: 2027,
  frameId: null,
  parameters: {
    window: {
      kind: 'fixed',
      opensAt: '2027-01-04T08:00:00+01:00',
      deadlines: ['2027-04-01T12:00:00+02:00', '2027-10-01T23:59:59+02:00'],
    },
    eligibility: [
      { rule: 'organisation_form', forms: ['AS', 'ENK'] },
      { rule: 'min_employees', count: 1 },
      { rule: 'county', countyCodes: ['50'] },
    ],
    acceptanceDays: 21,
    aidIntensityBasisPoints: 4000,
  },
};

describe('the call form', () => {
  it('takes a day as its start, or end, in Norwegian time: winter and summer offsets', () => {
    expect(osloInstant('2027-01-04', '00:00:00')).toBe('2027-01-04T00:00:00+01:00');
    expect(osloInstant('2027-06-30', '23:59:59')).toBe('2027-06-30T23:59:59+02:00');
  });

  it('shows the window as days in Norway and who may apply as one field per rule type', () => {
    expect(callFormData(scheme, stored)).toEqual({
      title: 'BIO 2027',
      year: 2027,
      window: { kind: 'fixed', opensAt: '2027-01-04', deadlines: ['2027-04-01', '2027-10-01'] },
      eligibility: { organisation_form: 'AS, ENK', min_employees: 1, county: '50' },
      acceptanceDays: 21,
      aidIntensityBasisPoints: 4000,
    });
  });

  it('sends back what it was given unchanged: the same instants, the same rules', () => {
    expect(callRequest(scheme, callFormData(scheme, stored), stored.parameters)).toEqual(stored);
  });

  it('sends new days as their start (opening) or their last moment (deadlines) in Norway, and an added deadline', () => {
    const data = callFormData(scheme, stored);
    const window = data.window as { deadlines: string[] };
    const request = callRequest(
      scheme,
      {
        ...data,
        window: { ...window, opensAt: '2027-01-05', deadlines: [...window.deadlines, '2027-12-01'] },
      },
      stored.parameters,
    );
    expect(request.parameters.window).toEqual({
      kind: 'fixed',
      opensAt: '2027-01-05T00:00:00+01:00',
      deadlines: ['2027-04-01T12:00:00+02:00', '2027-10-01T23:59:59+02:00', '2027-12-01T23:59:59+01:00'],
    });
  });

  it('sends a rolling window with or without its closing day', () => {
    const rolling = (closesAt?: string) =>
      callRequest(
        scheme,
        { title: 'BIO', year: 2027, window: { kind: 'rolling', opensAt: '2027-01-04', closesAt } },
        {},
      ).parameters.window;
    expect(rolling('2027-11-30')).toEqual({
      kind: 'rolling',
      opensAt: '2027-01-04T00:00:00+01:00',
      closesAt: '2027-11-30T23:59:59+01:00',
    });
    expect(rolling()).toEqual({ kind: 'rolling', opensAt: '2027-01-04T00:00:00+01:00' });
  });

  it('makes rules of the fields of who may apply: lists split and in capitals, empty fields no rule', () => {
    expect(
      eligibilityRules(scheme, {
        organisation_form: ' as, ENK;SA  NUF ',
        employees_below: 250,
        county: '',
        municipality: '5001, 5001 5006',
      }),
    ).toEqual([
      { rule: 'organisation_form', forms: ['AS', 'ENK', 'SA', 'NUF'] },
      { rule: 'employees_below', count: 250 },
      { rule: 'municipality', municipalityNumbers: ['5001', '5006'] },
    ]);
    expect(eligibilityRules(scheme, undefined)).toEqual([]);
  });

  it("starts a new call from the county's latest: its rules and the window's kind, no name or dates", () => {
    const data = newCallFormData(scheme, stored);
    expect(data).toMatchObject({ title: '', window: { kind: 'fixed' }, acceptanceDays: 21 });
    expect(data.eligibility).toEqual({ organisation_form: 'AS, ENK', min_employees: 1, county: '50' });
  });

  it('asks the window in days and who may apply by rule type, with a list typed as text', () => {
    const schema = callFormSchema(scheme, []) as {
      required: string[];
      properties: Record<
        string,
        { properties?: Record<string, Record<string, unknown>>; required?: string[] }
      >;
    };
    expect(schema.required).toEqual(['title', 'year', 'window', 'acceptanceDays']);
    expect(schema.properties.window).toEqual({
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'opensAt'],
      properties: {
        kind: { type: 'string', enum: ['rolling', 'fixed'] },
        opensAt: { type: 'string' },
        closesAt: { type: 'string' },
        deadlines: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 24 },
      },
    });
    const eligibility = schema.properties.eligibility?.properties ?? {};
    expect(Object.keys(eligibility)).toEqual([
      'organisation_form',
      'min_employees',
      'employees_below',
      'county',
      'municipality',
    ]);
    expect(eligibility.min_employees).toEqual({ type: 'integer', minimum: 0 });
    const forms = new RegExp(String(eligibility.organisation_form?.pattern));
    expect(['AS', 'AS, ENK', 'AS ENK;SA'].every((text) => forms.test(text))).toBe(true);
    expect(['A', 'AS,, ENK', 'as', 'AS, 12'].some((text) => forms.test(text))).toBe(false);
  });

  it("labels the window's days as dates and each rule type in the call form's words", () => {
    const words = { details: 'Utlysningen', title: 'Navn', year: 'År', frame: 'Ramme', frameHelp: '' };
    const layout = callFormLayout(scheme, [], words, 'nb');
    expect(layout.steps.map((s) => s.fields)).toEqual([
      ['title', 'year'],
      ['window', 'eligibility'],
      ['maxGrantBySize', 'aidIntensityBasisPoints'],
      ['acceptanceDays'],
    ]);
    expect(layout.fields['window.opensAt']).toMatchObject({ label: { nb: 'Åpner' }, widget: 'date' });
    expect(layout.fields['window.deadlines[]']).toMatchObject({ widget: 'date' });
    expect(layout.fields['window.kind']?.widget).toBe('radio');
    expect(layout.fields['eligibility.organisation_form']).toEqual({
      label: l('Organisasjonsformer som kan søke', 'Organisation forms that may apply'),
      help: l('For eksempel AS', 'E.g. AS'),
    });
  });

  it("places the server's fields on the form by their path, or on the nearest field it has", () => {
    const schema = callFormSchema(scheme, []);
    expect(formPath('parameters.window.closesAt', schema)).toEqual(['window', 'closesAt']);
    expect(formPath('window.deadlines.1', schema)).toEqual(['window', 'deadlines', 1]);
    expect(formPath('parameters.maxGrantBySize.smallCompanyMaxOre', schema)).toEqual([
      'maxGrantBySize',
      'smallCompanyMaxOre',
    ]);
    expect(formPath('eligibility', schema)).toEqual(['eligibility']);
    expect(formPath('eligibility.0.forms', schema)).toEqual(['eligibility']);
    expect(formPath('nothing.here', schema)).toEqual([]);
  });
});
