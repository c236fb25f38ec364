import { describe, expect, it } from '@jest/globals';
import { fieldId, inFormOrder, transformErrorsFor, uiSchemaFor, withoutUnasked } from './layout-ui';
import { layoutPath, type FormLayout } from './layout';

const l = (nb: string, en: string) => ({ nb, en });

const schema = {
  type: 'object',
  properties: {
    measure: { type: 'string', enum: ['a', 'b'] },
    partA: { $ref: '#/$defs/PartA' },
    lines: { type: 'array', minItems: 1, items: { $ref: '#/$defs/Line' } },
  },
  required: ['measure', 'lines'],
  $defs: {
    PartA: {
      type: 'object',
      properties: { title: { type: 'string' }, confirmed: { type: 'boolean' } },
      required: ['title', 'confirmed'],
    },
    Line: { type: 'object', properties: { amountOre: { type: 'number' } }, required: ['amountOre'] },
  },
};

const layout: FormLayout = {
  steps: [
    { title: l('Tiltak', 'Measure'), fields: ['measure'] },
    { title: l('Resten', 'The rest'), fields: ['lines', 'partA'] },
  ],
  fields: {
    measure: {
      label: l('Tiltak', 'Measure'),
      options: { a: l('Tiltak A', 'Measure A'), b: l('Tiltak B', 'Measure B') },
    },
    partA: { label: l('Del A', 'Part A'), visibleWhen: { field: 'measure', equals: 'a' } },
    'partA.title': { label: l('Tittel', 'Title'), help: l('Kort.', 'Short.') },
    'partA.confirmed': { label: l('Bekreftet', 'Confirmed') },
    lines: { label: l('Kostnader', 'Costs'), itemLabel: l('Kostnad', 'Cost') },
    'lines[]': { label: l('Kostnad', 'Cost') },
    'lines[].amountOre': { label: l('Beløp', 'Amount'), widget: 'kroner' },
  },
};

const words = {
  required: 'Fyll ut {label}.',
  choose: 'Velg {label}.',
  answer: 'Svar på: {label}.',
  maxLength: '{label} for lang.',
  minimum: '{label} minst {limit}.',
  maximum: '{label} høyst {limit}.',
  minItems: '{label}: legg til minst {limit} {item}.',
  pattern: '{label} feil format.',
  invalid: '{label} feil.',
};

describe('form layout to RJSF', () => {
  it('gives every field its words and input in the language, and the steps’ order', () => {
    const ui = uiSchemaFor(schema, layout, 'en');
    expect(ui['ui:order']).toEqual(['measure', 'lines', 'partA', '*']);
    expect(ui.measure).toMatchObject({ 'ui:title': 'Measure', 'ui:enumNames': ['Measure A', 'Measure B'] });
    expect(ui.partA.title).toMatchObject({ 'ui:title': 'Title', 'ui:description': 'Short.' });
    expect(ui.lines).toMatchObject({
      'ui:title': 'Costs',
      'ui:options': { itemLabel: 'Cost', orderable: false },
    });
    expect(ui.lines.items.amountOre).toMatchObject({ 'ui:title': 'Amount', 'ui:widget': 'kroner' });
  });

  it('leaves out what is not asked with the data (another measure’s section)', () => {
    expect(withoutUnasked(layout, { measure: 'b', partA: { title: 'x' }, lines: [] })).toEqual({
      measure: 'b',
      lines: [],
    });
    expect(withoutUnasked(layout, { measure: 'a', partA: { title: 'x' } })).toEqual({
      measure: 'a',
      partA: { title: 'x' },
    });
  });

  it('names each missing field of a missing object, and says what a list and a choice need', () => {
    const transform = transformErrorsFor(schema, layout, 'nb', words);
    const messages = transform([
      { name: 'required', property: '.measure', params: { missingProperty: 'measure' }, stack: '' },
      { name: 'required', property: '.partA', params: { missingProperty: 'partA' }, stack: '' },
      { name: 'required', property: '.lines', params: { missingProperty: 'lines' }, stack: '' },
      {
        name: 'required',
        property: '.lines.0.amountOre',
        params: { missingProperty: 'amountOre' },
        stack: '',
      },
    ]).map((e) => [e.property, e.message]);
    expect(messages).toEqual([
      ['.measure', 'Velg Tiltak.'],
      ['.partA.title', 'Fyll ut Tittel.'],
      ['.partA.confirmed', 'Svar på: Bekreftet.'],
      ['.lines', 'Kostnader: legg til minst 1 kostnad.'],
      ['.lines.0.amountOre', 'Fyll ut Beløp.'],
    ]);
  });

  it('orders errors as the form asks the fields, and links them to RJSF’s field ids', () => {
    const ordered = inFormOrder(layout, [
      { path: ['partA', 'title'], message: 'c' },
      { path: ['lines', 0, 'amountOre'], message: 'b' },
      { path: ['measure'], message: 'a' },
      { path: [], message: 'general' },
    ]);
    expect(ordered.map((e) => e.message)).toEqual(['general', 'a', 'b', 'c']);
    expect(fieldId(['lines', 0, 'amountOre'])).toBe('root_lines_0_amountOre');
    expect(layoutPath(['lines', 0, 'amountOre'])).toBe('lines[].amountOre');
  });
});
