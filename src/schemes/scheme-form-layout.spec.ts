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
});
