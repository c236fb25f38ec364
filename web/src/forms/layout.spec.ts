import { describe, expect, it } from '@jest/globals';
import { choiceText, fieldAt, groupedBySteps, labelAt, type FormLayout } from './layout';

const l = (nb: string, en: string) => ({ nb, en });

const layout: FormLayout = {
  steps: [
    { title: l('Omstilling', 'Restructuring'), fields: ['need'] },
    { title: l('Tid', 'Time'), fields: ['startDate', 'endDate'] },
    { title: l('Kostnader', 'Costs'), fields: ['costPlan'] },
  ],
  fields: {
    need: { label: l('Omstillingsbehov', 'Restructuring need') },
    startDate: { label: l('Startdato', 'Start date'), widget: 'date' },
    endDate: { label: l('Sluttdato', 'End date'), widget: 'date' },
    costPlan: { label: l('Kostnadsplan', 'Cost plan') },
    'costPlan[]': { label: l('Kostnad', 'Cost') },
    'costPlan[].category': {
      label: l('Kategori', 'Category'),
      options: { participant_wages: l('Lønn til deltakerne', 'Participants’ wages') },
    },
  },
};

describe('form layout lookups', () => {
  it('finds a field by its data path, through list entries', () => {
    expect(fieldAt(layout, ['need'])?.label.nb).toBe('Omstillingsbehov');
    expect(fieldAt(layout, ['costPlan', 2, 'category'])?.label.en).toBe('Category');
    expect(fieldAt(layout, ['costPlan', 2, 'description'])).toBeUndefined();
    expect(labelAt(layout, ['costPlan', 2, 'description'], 'nb')).toBe('Kostnad');
  });

  it('gives a choice in words in the language, and nothing for a value or field it does not know', () => {
    expect(choiceText(layout, ['costPlan', 0, 'category'], 'participant_wages', 'nb')).toBe(
      'Lønn til deltakerne',
    );
    expect(choiceText(layout, ['costPlan', 0, 'category'], 'participant_wages', 'en')).toBe(
      'Participants’ wages',
    );
    expect(choiceText(layout, ['costPlan', 0, 'category'], 'travel', 'nb')).toBeUndefined();
    expect(choiceText(layout, ['need'], 'participant_wages', 'nb')).toBeUndefined();
  });

  it('groups fields by the steps that ask them, in the steps’ order, with the unplaced last', () => {
    const groups = groupedBySteps(layout, ['costPlan', 'legacy', 'endDate', 'need']);
    expect(groups.map((g) => [g.step?.title.nb, g.keys])).toEqual([
      ['Omstilling', ['need']],
      ['Tid', ['endDate']],
      ['Kostnader', ['costPlan']],
      [undefined, ['legacy']],
    ]);
    expect(groupedBySteps(layout, ['need']).map((g) => g.keys)).toEqual([['need']]);
  });
});
