import {
  callFormLayout,
  fieldsUnder,
  localized as l,
  type FormFieldUi,
  type FormLayout,
  type LocalizedText,
} from '@lib/engine';
import type { JobbsjansenAgeBand, JobbsjansenCostCategory } from './jobbsjansen-vocabulary';

/** How Jobbsjansen's application (søknad) and final report (sluttrapport) are asked, step by step. */

const COST_CATEGORIES: Record<JobbsjansenCostCategory, LocalizedText> = {
  teaching_staff: l('Lærerressurser', 'Teaching staff'),
  teaching_materials: l('Læremidler', 'Teaching materials'),
  running_costs: l('Drift av tilbudet', 'Running the offer'),
  project_staff: l('Prosjektstilling og koordinering', 'Project staff and coordination'),
  ordinary_operations: l('Ordinær drift', 'Ordinary operations'),
};

const AGE_BANDS: Record<JobbsjansenAgeBand, LocalizedText> = {
  aged16to18: l('16–18 år', 'Aged 16–18'),
  aged19to21: l('19–21 år', 'Aged 19–21'),
  aged22to24: l('22–24 år', 'Aged 22–24'),
};

const costLines = (label: LocalizedText): Record<string, FormFieldUi> => ({
  '': {
    label,
    help: l('Før opp én linje per kostnad.', 'One line per cost.'),
    itemLabel: l('Kostnad', 'Cost'),
  },
  '[]': { label: l('Kostnad', 'Cost') },
  '[].category': { label: l('Kategori', 'Category'), options: COST_CATEGORIES },
  '[].description': { label: l('Beskrivelse', 'Description'), widget: 'textarea' },
  '[].amountOre': { label: l('Beløp', 'Amount'), widget: 'kroner' },
});

const financing = (label: LocalizedText, withGrant: boolean): Record<string, FormFieldUi> => ({
  '': { label },
  ownFinancingOre: { label: l('Egenfinansiering', 'Own financing'), widget: 'kroner' },
  otherFundingOre: {
    label: l('Annen finansiering', 'Other funding'),
    help: l('Skriv 0 hvis dere ikke har annen finansiering.', 'Enter 0 if you have no other funding.'),
    widget: 'kroner',
  },
  ...(withGrant
    ? { requestedGrantOre: { label: l('Omsøkt tilskudd', 'Grant applied for'), widget: 'kroner' as const } }
    : {}),
});

export const JOBBSJANSEN_APPLICATION_FORM: FormLayout = {
  steps: [
    { title: l('Prosjektet', 'The project'), fields: ['projectTitle', 'projectDescription', 'cooperation'] },
    {
      title: l('Tid og deltakere', 'Time and participants'),
      fields: ['startDate', 'endDate', 'participants', 'schoolYearsPerParticipant'],
    },
    { title: l('Kostnader og finansiering', 'Costs and financing'), fields: ['costPlan', 'financingPlan'] },
  ],
  fields: {
    projectTitle: { label: l('Prosjektnavn', 'Project title') },
    projectDescription: {
      label: l('Beskrivelse av tilbudet', 'Description of the offer'),
      help: l('Hvilken opplæring dere gir, og hvordan.', 'What schooling you offer, and how.'),
      widget: 'textarea',
    },
    cooperation: {
      label: l('Samarbeid', 'Cooperation'),
      help: l(
        'Hvem dere samarbeider med, for eksempel NAV og videregående skoler.',
        'Who you work with, such as NAV and upper secondary schools.',
      ),
      widget: 'textarea',
    },
    startDate: { label: l('Startdato', 'Start date'), widget: 'date' },
    endDate: { label: l('Sluttdato', 'End date'), widget: 'date' },
    participants: { label: l('Deltakere per aldersgruppe', 'Participants by age group') },
    'participants.aged16to18': { label: AGE_BANDS.aged16to18 },
    'participants.aged19to21': { label: AGE_BANDS.aged19to21 },
    'participants.aged22to24': { label: AGE_BANDS.aged22to24 },
    schoolYearsPerParticipant: {
      label: l('Skoleår per deltaker', 'School years per participant'),
      help: l('1 eller 2.', '1 or 2.'),
    },
    ...fieldsUnder('costPlan', costLines(l('Kostnadsplan', 'Cost plan'))),
    ...fieldsUnder('financingPlan', financing(l('Finansieringsplan', 'Financing plan'), true)),
  },
};

export const JOBBSJANSEN_REPORT_FORM: FormLayout = {
  steps: [
    { title: l('Resultater', 'Results'), fields: ['summary', 'results'] },
    { title: l('Deltakere', 'Participants'), fields: ['participants'] },
    { title: l('Regnskap', 'Accounts'), fields: ['actualCosts', 'actualFinancing'] },
  ],
  fields: {
    summary: { label: l('Sammendrag', 'Summary'), widget: 'textarea' },
    results: { label: l('Resultater i tall', 'Results in figures') },
    'results.participants': { label: l('Deltakere i alt', 'Participants in total') },
    'results.completed': { label: l('Fullførte grunnskoleopplæringen', 'Completed the schooling') },
    'results.continuedUpperSecondary': {
      label: l('Gikk videre til videregående', 'Went on to upper secondary'),
    },
    'results.work': { label: l('Gikk over i arbeid', 'Went into work') },
    'results.droppedOut': { label: l('Avbrøt', 'Dropped out') },
    participants: {
      label: l('Deltakerne', 'The participants'),
      help: l(
        'Én linje per deltaker, med en kode i stedet for navn.',
        'One line per participant, with a code instead of a name.',
      ),
      itemLabel: l('Deltaker', 'Participant'),
    },
    'participants[]': { label: l('Deltaker', 'Participant') },
    'participants[].code': {
      label: l('Deltakerkode', 'Participant code'),
      help: l(
        '6–12 store bokstaver og sifre, minst én av hver.',
        '6–12 capital letters and digits, at least one of each.',
      ),
    },
    'participants[].ageBand': { label: l('Aldersgruppe', 'Age group'), options: AGE_BANDS },
    'participants[].outcome': {
      label: l('Resultat', 'Outcome'),
      options: {
        completed: l('Fullførte', 'Completed'),
        continued_upper_secondary: l('Gikk videre til videregående', 'Went on to upper secondary'),
        work: l('Gikk over i arbeid', 'Went into work'),
        dropped_out: l('Avbrøt', 'Dropped out'),
      },
    },
    ...fieldsUnder('actualCosts', costLines(l('Faktiske kostnader', 'Actual costs'))),
    ...fieldsUnder('actualFinancing', financing(l('Faktisk finansiering', 'Actual financing'), false)),
  },
};

/** How a county's administrator sets a Jobbsjansen call's rules (utlysningens regler). */
/** The yearly report (årsrapport): project level, then participant level, in one step. */
export const JOBBSJANSEN_YEARLY_REPORT_FORM: FormLayout = {
  steps: [
    {
      title: l('Årsrapport', 'Yearly report'),
      fields: ['activities', 'teachingHours', 'progress', 'participants', 'completed', 'droppedOut'],
    },
  ],
  fields: {
    activities: { label: l('Aktiviteter i året', 'Activities this year'), widget: 'textarea' },
    teachingHours: { label: l('Timer med opplæring', 'Hours of teaching') },
    progress: {
      label: l('Framdrift', 'Progress'),
      help: l('Hvordan går prosjektet etter planen?', 'How is the project going against its plan?'),
      widget: 'textarea',
    },
    participants: { label: l('Antall deltakere', 'Number of participants') },
    completed: { label: l('Antall som har fullført', 'Number who completed') },
    droppedOut: { label: l('Antall som har avbrutt', 'Number who dropped out') },
  },
};

export const JOBBSJANSEN_CALL_FORM: FormLayout = callFormLayout({
  advancePayment: false,
  window: {
    window: { label: l('Søknadsperiode', 'Application period') },
    'window.opensAt': { label: l('Åpner', 'Opens') },
    'window.closesAt': { label: l('Søknadsfrist', 'Application deadline') },
  },
  steps: [
    {
      title: l('Prosjekt og tilskudd', 'Project and grant'),
      fields: [
        'projectPeriod',
        'maxGrantPerProjectOre',
        'minOwnShareBasisPoints',
        'minParticipants',
        'minParticipantsIsHardRule',
      ],
    },
    { title: l('Utbetaling', 'Payment'), fields: ['payments'] },
  ],
  fields: {
    projectPeriod: { label: l('Prosjektperiode', 'Project period') },
    'projectPeriod.earliestStart': { label: l('Tidligste oppstart', 'Earliest start'), widget: 'date' },
    'projectPeriod.latestEnd': { label: l('Seneste avslutning', 'Latest end'), widget: 'date' },
    maxGrantPerProjectOre: {
      label: l('Største tilskudd per prosjekt', 'Largest grant per project'),
      widget: 'kroner',
    },
    minOwnShareBasisPoints: {
      label: l('Minste egenandel', 'Smallest own share'),
      help: l(
        'Andel av prosjektets totale kostnader, i prosent.',
        "Share of the project's total costs, in per cent.",
      ),
      widget: 'percent',
    },
    minParticipants: { label: l('Minste antall deltakere', 'Fewest participants') },
    minParticipantsIsHardRule: {
      label: l('Færre deltakere gir avslag', 'Fewer participants means a refusal'),
      help: l('Nei: bare et råd til søkeren.', 'No: only advice to the applicant.'),
    },
    payments: { label: l('Utbetalinger', 'Payments') },
    'payments.springDate': { label: l('Utbetaling om våren', 'Spring payment'), widget: 'date' },
    'payments.autumnDate': { label: l('Utbetaling om høsten', 'Autumn payment'), widget: 'date' },
    'payments.yearlyReportDue': {
      label: l('Frist for årsrapport', 'Yearly report due'),
      help: l(
        'Den andre utbetalingen venter på godkjent årsrapport. Tom: 30 dager før den andre utbetalingen.',
        'The second payment waits for an approved yearly report. Empty: 30 days before the second payment.',
      ),
      widget: 'date',
    },
    'payments.springShareBasisPoints': {
      label: l('Vårens andel', "Spring's share"),
      help: l(
        'I prosent; 50 er halvparten. Resten utbetales om høsten.',
        'In per cent; 50 is half. The rest is paid in the autumn.',
      ),
      widget: 'percent',
    },
  },
});
