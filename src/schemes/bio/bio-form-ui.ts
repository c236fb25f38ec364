import {
  callFormLayout,
  fieldsUnder,
  localized as l,
  trainingCallFields,
  trainingCostLinesFields,
  trainingDeclarationsFields,
  trainingFinancingPlanFields,
  type FormLayout,
} from '@lib/engine';
import type { BioProviderType } from './bio-vocabulary';

/** How BIO's application (søknad) and final report (sluttrapport) are asked, step by step. */

const PROVIDER_TYPES: Record<BioProviderType, ReturnType<typeof l>> = {
  university: l('Universitet', 'University'),
  university_college: l('Høgskole', 'University college'),
  vocational_college: l('Fagskole', 'Vocational college'),
  upper_secondary: l('Videregående skole', 'Upper secondary school'),
  private_provider: l('Privat kursleverandør', 'Private training provider'),
  equipment_supplier: l('Leverandør av utstyr eller programvare', 'Equipment or software supplier'),
  in_house: l('Egne ansatte lærer opp kolleger', 'Own staff training colleagues'),
};

export const BIO_APPLICATION_FORM: FormLayout = {
  steps: [
    {
      title: l('Omstilling og opplæring', 'Restructuring and training'),
      fields: ['restructuringNeed', 'trainingPlan'],
    },
    {
      title: l('Tid og deltakere', 'Time and participants'),
      fields: ['startDate', 'endDate', 'participants'],
    },
    { title: l('Kostnader og finansiering', 'Costs and financing'), fields: ['costPlan', 'financingPlan'] },
    { title: l('Erklæringer', 'Declarations'), fields: ['declarations'] },
  ],
  fields: {
    restructuringNeed: {
      label: l('Omstillingsbehov', 'Restructuring need'),
      help: l(
        'Beskriv hvilken omstilling bedriften står i, og hvorfor opplæringen trengs.',
        'Describe the restructuring the company faces and why the training is needed.',
      ),
      widget: 'textarea',
    },
    trainingPlan: { label: l('Opplæringsplan', 'Training plan') },
    'trainingPlan.content': {
      label: l('Innhold og organisering', 'Content and organisation'),
      help: l(
        'Hva opplæringen dekker, og hvordan den er lagt opp.',
        'What the training covers and how it is organised.',
      ),
      widget: 'textarea',
    },
    'trainingPlan.providerName': { label: l('Kursleverandør', 'Training provider') },
    'trainingPlan.providerType': {
      label: l('Type kursleverandør', 'Type of provider'),
      options: PROVIDER_TYPES,
    },
    startDate: {
      label: l('Startdato', 'Start date'),
      help: l('Første dag i prosjektet.', 'First day of the project.'),
      widget: 'date',
    },
    endDate: {
      label: l('Sluttdato', 'End date'),
      help: l('Siste dag i prosjektet.', 'Last day of the project.'),
      widget: 'date',
    },
    participants: { label: l('Deltakere', 'Participants') },
    'participants.count': { label: l('Antall ansatte som deltar', 'Employees taking part') },
    'participants.weeksEach': { label: l('Uker opplæring per deltaker', 'Training weeks per participant') },
    ...fieldsUnder('costPlan', trainingCostLinesFields()),
    ...fieldsUnder('financingPlan', trainingFinancingPlanFields()),
    ...fieldsUnder('declarations', trainingDeclarationsFields()),
  },
};

export const BIO_REPORT_FORM: FormLayout = {
  steps: [
    { title: l('Gjennomføring', 'What was done'), fields: ['summary', 'participantsCompleted'] },
    { title: l('Regnskap', 'Accounts'), fields: ['actualCosts'] },
  ],
  fields: {
    summary: {
      label: l('Sammendrag', 'Summary'),
      help: l(
        'Hva ble gjort, og hvordan gikk det sammenlignet med planen?',
        'What was done, and how did it compare with the plan?',
      ),
      widget: 'textarea',
    },
    participantsCompleted: { label: l('Antall deltakere som fullførte', 'Participants who completed') },
    ...fieldsUnder('actualCosts', trainingCostLinesFields(l('Faktiske kostnader', 'Actual costs'))),
  },
};

/** How a county's administrator sets a BIO call's rules (utlysningens regler). */
export const BIO_CALL_FORM: FormLayout = callFormLayout({
  advancePayment: true,
  steps: [
    {
      title: l('Tilskudd og støtte', 'Grant and state aid'),
      fields: ['stateAidBasis', 'aidIntensityBasisPoints', 'maxGrantBySize', 'maxGrantPerParticipantOre'],
    },
    {
      title: l('Kostnader og prosjekt', 'Costs and project'),
      fields: [
        'eligibleCostCategories',
        'minTrainingCostShare',
        'maxTravelAndAdministrationBasisPoints',
        'maxWeeksPerParticipant',
        'completionMonths',
        'startNotBeforeApplicationDate',
        'minDaysFromApplicationToStart',
      ],
    },
  ],
  fields: {
    ...trainingCallFields(),
    minDaysFromApplicationToStart: {
      label: l('Dager fra søknad til oppstart', 'Days from application to start'),
      help: l(
        'Dager som må gå fra søknaden er sendt til prosjektet starter; 0 for ingen.',
        'Days that must pass from sending the application to the start of the project; 0 for none.',
      ),
    },
  },
});
