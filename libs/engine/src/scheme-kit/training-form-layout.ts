import { localized as l, type FormFieldUi } from '../form-layout';

/*
 * The words of the training-aid form pieces (training-forms.ts), for schemes that ask for them:
 * a scheme places them under its own paths with `fieldsUnder`.
 */

/** The training-aid cost categories in words. */
export const TRAINING_COST_CATEGORY_LABELS = {
  participant_wages: l('Lønn til deltakerne i opplæringstiden', 'Participants’ wages during training'),
  provider_fees: l('Kursavgift og tilbyder', 'Course and provider fees'),
  travel_subsistence: l('Reise, diett og overnatting', 'Travel, subsistence and accommodation'),
  administration: l('Administrasjon av prosjektet', 'Project administration'),
} as const;

/** A list of cost lines (kostnadsplan); the keys are relative to the list. */
export const trainingCostLinesFields = (
  label = l('Kostnadsplan', 'Cost plan'),
): Record<string, FormFieldUi> => ({
  '': {
    label,
    help: l(
      'Før opp én linje per kostnad. Flere linjer kan ha samme kategori.',
      'One line per cost. Several lines may share a category.',
    ),
    itemLabel: l('Kostnad', 'Cost'),
  },
  '[]': { label: l('Kostnad', 'Cost') },
  '[].category': { label: l('Kategori', 'Category'), options: TRAINING_COST_CATEGORY_LABELS },
  '[].description': { label: l('Beskrivelse', 'Description'), widget: 'textarea' },
  '[].amountOre': { label: l('Beløp', 'Amount'), widget: 'kroner' },
});

/** The financing plan (finansieringsplan); the keys are relative to it. */
export const trainingFinancingPlanFields = (): Record<string, FormFieldUi> => ({
  '': { label: l('Finansieringsplan', 'Financing plan') },
  ownContributionOre: {
    label: l('Egenandel', 'Own contribution'),
    help: l('Bedriftens egne midler eller egen tid.', 'The company’s own money or time.'),
    widget: 'kroner',
  },
  otherPublicSupportOre: {
    label: l('Annen offentlig støtte', 'Other public support'),
    help: l(
      'Skriv 0 hvis dere ikke har annen offentlig støtte.',
      'Enter 0 if you have no other public support.',
    ),
    widget: 'kroner',
  },
  requestedGrantOre: { label: l('Omsøkt tilskudd', 'Grant applied for'), widget: 'kroner' },
});

/** The state-aid declarations; the keys are relative to them. */
export const trainingDeclarationsFields = (): Record<string, FormFieldUi> => ({
  '': { label: l('Erklæringer', 'Declarations') },
  otherPublicSupportReceived: {
    label: l(
      'Bedriften har fått annen offentlig støtte til de samme kostnadene',
      'The company has received other public support for the same costs',
    ),
  },
  otherPublicSupportAmountOre: {
    label: l('Beløp annen offentlig støtte', 'Amount of other public support'),
    help: l('Skriv 0 hvis dere ikke har fått noe.', 'Enter 0 if you have received none.'),
    widget: 'kroner',
  },
  notInEconomicDifficulty: {
    label: l(
      'Bedriften er ikke et foretak i økonomiske vanskeligheter',
      'The company is not an undertaking in difficulty',
    ),
  },
});
