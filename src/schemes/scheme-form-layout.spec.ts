import { localized as l, type FormLayout } from '@lib/engine';
import { formLayoutProblems } from './scheme-form-layout';

const schema = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    kind: { type: 'string', enum: ['a', 'b'] },
    lines: { type: 'array', items: { $ref: '#/$defs/Line' } },
  },
  $defs: { Line: { type: 'object', properties: { amountOre: { type: 'number' } } } },
};

const layout: FormLayout = {
  steps: [
    { title: l('Først', 'First'), fields: ['title', 'kind'] },
    { title: l('Så', 'Then'), fields: ['lines'] },
  ],
  fields: {
    title: { label: l('Tittel', 'Title') },
    kind: { label: l('Type', 'Kind'), options: { a: l('A', 'A'), b: l('B', 'B') } },
    lines: { label: l('Linjer', 'Lines') },
    'lines[]': { label: l('Linje', 'Line') },
    'lines[].amountOre': { label: l('Beløp', 'Amount'), widget: 'kroner' },
  },
};

describe('formLayoutProblems', () => {
  it('accepts a layout that asks every field once, in words', () => {
    expect(formLayoutProblems(schema, layout)).toEqual([]);
  });

  it('names a field left out of the steps, or asked twice', () => {
    const steps = [{ title: l('Alt', 'All'), fields: ['title', 'title', 'lines'] }];
    expect(formLayoutProblems(schema, { ...layout, steps })).toEqual([
      '"title" is in 2 steps, not exactly one',
      '"kind" is in 0 steps, not exactly one',
    ]);
  });

  it('names a nested field without a label, a missing English text and an unnamed choice', () => {
    const { 'lines[].amountOre': _, ...fields } = layout.fields;
    const problems = formLayoutProblems(schema, {
      ...layout,
      fields: {
        ...fields,
        title: { label: l('Tittel', ' ') },
        kind: { label: l('Type', 'Kind'), options: { a: l('A', 'A') } },
      },
    });
    expect(problems).toEqual([
      '"title" lacks a label in nb or en',
      '"kind": the choice "b" has no words',
      '"lines[].amountOre" has no label',
    ]);
  });

  it('names a label for a field that does not exist and a widget that does not fit', () => {
    const fields = {
      ...layout.fields,
      title: { label: l('Tittel', 'Title'), widget: 'kroner' as const },
      extra: { label: l('X', 'X') },
    };
    expect(formLayoutProblems(schema, { ...layout, fields })).toEqual([
      '"title" is not a number, so not an amount in kroner',
      '"extra" is labelled but is no field of the schema',
    ]);
  });

  it('asks basis points as per cent, and only numbers', () => {
    const shares = {
      type: 'object',
      properties: { advanceBasisPoints: { type: 'integer' }, title: { type: 'string' } },
    };
    const ask = (advance: 'percent' | undefined, title: 'percent' | undefined): FormLayout => ({
      steps: [{ title: l('Alt', 'All'), fields: ['advanceBasisPoints', 'title'] }],
      fields: {
        advanceBasisPoints: { label: l('Forskudd', 'Advance'), widget: advance },
        title: { label: l('Tittel', 'Title'), widget: title },
      },
    });
    expect(formLayoutProblems(shares, ask('percent', undefined))).toEqual([]);
    expect(formLayoutProblems(shares, ask(undefined, 'percent'))).toEqual([
      '"advanceBasisPoints" is in basis points, so it is shown and typed as per cent',
      '"title" is not a number, so not basis points shown as per cent',
    ]);
  });

  it("labels each shape's fields of a list of one of several shapes, and each shape's choice", () => {
    const rules = {
      type: 'object',
      properties: {
        rules: {
          type: 'array',
          items: {
            oneOf: [
              { type: 'object', properties: { rule: { enum: ['min'] }, count: { type: 'integer' } } },
              { type: 'object', properties: { rule: { enum: ['county'] }, codes: { type: 'string' } } },
            ],
          },
        },
      },
    };
    const fields = {
      rules: { label: l('Regler', 'Rules') },
      'rules[]': { label: l('Regel', 'Rule') },
      'rules[].rule': { label: l('Type', 'Kind'), options: { min: l('Minst', 'At least') } },
      'rules[].count': { label: l('Antall', 'Count') },
    };
    const steps = [{ title: l('Alt', 'All'), fields: ['rules'] }];
    expect(formLayoutProblems(rules, { steps, fields })).toEqual([
      '"rules[].rule": the choice "county" has no words',
      '"rules[].codes" has no label',
    ]);
  });
});
