import {
  callFormLayout,
  fieldsUnder,
  localized as l,
  type FormFieldUi,
  type FormLayout,
  type LocalizedText,
} from '@lib/engine';
import type { EtablererApplicantCategory, EtablererCostCategory } from './etablerer-vocabulary';

/** How the entrepreneurship-training scheme's application and final report are asked, step by step. */

const APPLICANT_CATEGORIES: Record<EtablererApplicantCategory, LocalizedText> = {
  public_body: l('Offentlig virksomhet', 'Public body'),
  private_expert_organisation: l('Privat fagmiljø', 'Private expert organisation'),
  voluntary_organisation: l('Frivillig organisasjon', 'Voluntary organisation'),
};

const COST_CATEGORIES: Record<EtablererCostCategory, LocalizedText> = {
  trainer_personnel: l('Kursholdere', 'Trainers'),
  travel_accommodation: l('Reise og opphold', 'Travel and accommodation'),
  materials: l('Materiell', 'Materials'),
  advisory_services: l('Rådgivning', 'Advisory services'),
  participant_personnel: l('Deltakernes tid', 'Participants’ time'),
  indirect_costs: l('Indirekte kostnader', 'Indirect costs'),
  other: l('Annet', 'Other'),
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

const results = (label: LocalizedText): Record<string, FormFieldUi> => ({
  '': { label },
  courseParticipants: { label: l('Kursdeltakere', 'Course participants') },
  newBusinesses: { label: l('Nye virksomheter', 'New businesses') },
  guidanceSessions: { label: l('Veiledningstimer', 'Guidance sessions') },
});

export const ETABLERER_APPLICATION_FORM: FormLayout = {
  steps: [
    {
      title: l('Prosjektet og søkeren', 'The project and the applicant'),
      fields: ['projectTitle', 'applicant', 'targetGroup'],
    },
    {
      title: l('Innhold og gjennomføring', 'Content and implementation'),
      fields: ['courseContent', 'implementationPlan', 'startDate', 'endDate', 'plannedResults'],
    },
    { title: l('Kostnader og finansiering', 'Costs and financing'), fields: ['costPlan', 'financingPlan'] },
    { title: l('Erklæringer', 'Declarations'), fields: ['declarations'] },
  ],
  fields: {
    projectTitle: { label: l('Prosjektnavn', 'Project title') },
    applicant: { label: l('Søkeren', 'The applicant') },
    'applicant.category': {
      label: l('Type søker', 'Kind of applicant'),
      options: APPLICANT_CATEGORIES,
      widget: 'radio',
    },
    'applicant.expertise': { label: l('Kompetanse', 'Expertise'), widget: 'textarea' },
    'applicant.registeredInVoluntaryRegister': {
      label: l(
        'Registrert i Frivillighetsregisteret',
        'Registered in the Register of Non-Profit Organisations',
      ),
    },
    targetGroup: { label: l('Målgruppe', 'Target group') },
    'targetGroup.description': {
      label: l('Beskrivelse av målgruppen', 'Description of the target group'),
      widget: 'textarea',
    },
    'targetGroup.includesHomeBasedWomen': {
      label: l('Målgruppen omfatter hjemmeværende kvinner', 'The target group includes home-based women'),
    },
    courseContent: { label: l('Kursinnhold', 'Course content'), widget: 'textarea' },
    implementationPlan: { label: l('Gjennomføringsplan', 'Implementation plan'), widget: 'textarea' },
    startDate: { label: l('Startdato', 'Start date'), widget: 'date' },
    endDate: { label: l('Sluttdato', 'End date'), widget: 'date' },
    ...fieldsUnder('plannedResults', results(l('Planlagte resultater', 'Planned results'))),
    ...fieldsUnder('costPlan', costLines(l('Kostnadsplan', 'Cost plan'))),
    financingPlan: { label: l('Finansieringsplan', 'Financing plan') },
    'financingPlan.ownFundsOre': { label: l('Egne midler', 'Own funds'), widget: 'kroner' },
    'financingPlan.otherPublicFundingOre': {
      label: l('Annen offentlig finansiering', 'Other public funding'),
      help: l('Skriv 0 hvis dere ikke har noe.', 'Enter 0 if you have none.'),
      widget: 'kroner',
    },
    'financingPlan.requestedGrantOre': { label: l('Omsøkt tilskudd', 'Grant applied for'), widget: 'kroner' },
    declarations: { label: l('Erklæringer', 'Declarations') },
    'declarations.economicActivity': {
      label: l('Tiltaket er økonomisk aktivitet', 'The measure is an economic activity'),
    },
    'declarations.smeDeclared': {
      label: l('Vi er en liten eller mellomstor bedrift', 'We are a small or medium-sized enterprise'),
    },
    'declarations.notMandatoryTraining': {
      label: l('Opplæringen er ikke lovpålagt', 'The training is not required by law'),
    },
  },
};

export const ETABLERER_REPORT_FORM: FormLayout = {
  steps: [
    { title: l('Resultater', 'Results'), fields: ['summary', 'results'] },
    {
      title: l('Regnskap', 'Accounts'),
      fields: ['actualCosts', 'actualOwnFundsOre', 'otherPublicFundingOre'],
    },
  ],
  fields: {
    summary: { label: l('Sammendrag', 'Summary'), widget: 'textarea' },
    ...fieldsUnder('results', results(l('Oppnådde resultater', 'Results achieved'))),
    ...fieldsUnder('actualCosts', costLines(l('Faktiske kostnader', 'Actual costs'))),
    actualOwnFundsOre: { label: l('Faktiske egne midler', 'Actual own funds'), widget: 'kroner' },
    otherPublicFundingOre: {
      label: l('Annen offentlig finansiering', 'Other public funding'),
      help: l('Skriv 0 hvis dere ikke har hatt noe.', 'Enter 0 if you had none.'),
      widget: 'kroner',
    },
  },
};

/** How a county's administrator sets an etablerer call's rules (utlysningens regler). */
export const ETABLERER_CALL_FORM: FormLayout = callFormLayout({
  advancePayment: true,
  steps: [
    {
      title: l('Tilskudd og prosjekt', 'Grant and project'),
      fields: ['maxGrantOre', 'aidIntensity', 'minOwnFundsBasisPoints', 'maxProjectMonths'],
    },
  ],
  fields: {
    maxGrantOre: { label: l('Største tilskudd per prosjekt', 'Largest grant per project'), widget: 'kroner' },
    aidIntensity: { label: l('Støtteintensitet', 'Aid intensity') },
    'aidIntensity.basisPoints': {
      label: l('Støtteintensitet', 'Aid intensity'),
      help: l('Andel av støtteberettigede kostnader, i prosent.', 'Share of eligible costs, in per cent.'),
      widget: 'percent',
    },
    'aidIntensity.smeBasisPoints': {
      label: l('Støtteintensitet for små og mellomstore bedrifter', 'Aid intensity for SMEs'),
      widget: 'percent',
    },
    'aidIntensity.smeBelowEmployees': {
      label: l('Små og mellomstore bedrifter har færre ansatte enn', 'SMEs have fewer employees than'),
    },
    minOwnFundsBasisPoints: {
      label: l('Minste egenkapital', 'Smallest own funds'),
      help: l(
        'Egenkapital i prosent av beløpet det søkes om; 100 betyr minst like mye.',
        'Own funds in per cent of the amount applied for; 100 means at least as much.',
      ),
      widget: 'percent',
    },
    maxProjectMonths: { label: l('Lengste prosjektperiode (måneder)', 'Longest project period (months)') },
  },
});
