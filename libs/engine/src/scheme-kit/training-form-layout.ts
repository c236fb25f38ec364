import { localized as l, type FormFieldUi } from '../form-layout';
import type { CostPlanLine } from '../scheme-definition';
import type { TrainingCostLine } from './training-costs';

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

/** State-aid bases in words. */
export const TRAINING_AID_BASIS_LABELS = {
  gber_art31: l('Gruppeunntaket (GBER) artikkel 31, opplæringsstøtte', 'GBER article 31, training aid'),
  de_minimis: l('Bagatellstøtte (de minimis)', 'De minimis aid'),
} as const;

/**
 * The call parameters of a training scheme (BIO and corona's BIO extra): state aid, intensity,
 * caps, cost rules and the project's length, as a county administrator sets them.
 */
export const trainingCallFields = (): Record<string, FormFieldUi> => ({
  stateAidBasis: { label: l('Støttegrunnlag', 'State-aid basis'), options: TRAINING_AID_BASIS_LABELS },
  aidIntensityBasisPoints: {
    label: l('Støtteintensitet', 'Aid intensity'),
    help: l(
      'Største andel av støtteberettigede kostnader tilskuddet kan dekke, i prosent.',
      'The largest share of eligible costs the grant may cover, in per cent.',
    ),
    widget: 'percent',
  },
  maxGrantBySize: {
    label: l('Største tilskudd etter bedriftens størrelse', 'Largest grant by company size'),
  },
  'maxGrantBySize.smallBelowEmployees': {
    label: l('Små bedrifter har færre ansatte enn', 'Small companies have fewer employees than'),
  },
  'maxGrantBySize.smallCompanyMaxOre': {
    label: l('Største tilskudd til en liten bedrift', 'Largest grant to a small company'),
    widget: 'kroner',
  },
  'maxGrantBySize.otherCompanyMaxOre': {
    label: l('Største tilskudd til andre bedrifter', 'Largest grant to other companies'),
    widget: 'kroner',
  },
  maxGrantPerParticipantOre: {
    label: l('Største tilskudd per deltaker', 'Largest grant per participant'),
    widget: 'kroner',
  },
  minTrainingCostShare: {
    label: l('Minste andel kursutgifter', 'Smallest share of provider costs'),
    help: l(
      'Utgifter til kursleverandør som brøk av støtteberettigede kostnader, for eksempel 1 av 3.',
      'Provider costs as a fraction of eligible costs, for example 1 in 3.',
    ),
  },
  'minTrainingCostShare.numerator': { label: l('Teller', 'Numerator') },
  'minTrainingCostShare.denominator': { label: l('Nevner', 'Denominator') },
  maxTravelAndAdministrationBasisPoints: {
    label: l('Største andel reise og administrasjon', 'Largest share of travel and administration'),
    help: l('Andel av totale kostnader, i prosent.', 'Share of the total costs, in per cent.'),
    widget: 'percent',
  },
  eligibleCostCategories: {
    label: l('Støtteberettigede kostnader', 'Eligible costs'),
    itemLabel: l('Kostnadstype', 'Cost type'),
  },
  'eligibleCostCategories[]': {
    label: l('Kostnadstype', 'Cost type'),
    options: TRAINING_COST_CATEGORY_LABELS,
  },
  maxWeeksPerParticipant: { label: l('Største antall uker per deltaker', 'Most weeks per participant') },
  completionMonths: {
    label: l('Prosjektet må være ferdig innen (måneder)', 'The project must end within (months)'),
  },
  startNotBeforeApplicationDate: {
    label: l(
      'Prosjektet kan ikke starte før søknaden er sendt',
      'The project may not start before the application is sent',
    ),
  },
});

/**
 * A training-aid cost plan as the lines a payout request reports against: each line by its place
 * in the plan, named by its category and, where given, its description.
 */
export function trainingCostPlanLines(costPlan: readonly TrainingCostLine[]): CostPlanLine[] {
  return costPlan.map((line, i) => {
    const category = TRAINING_COST_CATEGORY_LABELS[line.category];
    const description = line.description?.trim();
    return {
      key: String(i),
      label: description
        ? { nb: `${category.nb}: ${description}`, en: `${category.en}: ${description}` }
        : category,
      approvedOre: line.amountOre,
    };
  });
}
