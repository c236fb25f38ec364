import {
  callFormLayout,
  fieldsUnder,
  localized as l,
  trainingCallFields,
  trainingCostLinesFields,
  trainingDeclarationsFields,
  trainingFinancingPlanFields,
  type FormFieldUi,
  type FormLayout,
  type LocalizedText,
} from '@lib/engine';
import type { CoronaContractOutcome, CoronaMeasure } from './corona-vocabulary';

/**
 * How the corona measures' application and final report are asked: the measure first, then only
 * that measure's section (each section is asked when `measure` names it).
 */

const MEASURES: Record<CoronaMeasure, LocalizedText> = {
  bio_extra: l('Ekstraordinære BIO-midler', 'Extraordinary BIO money'),
  apprentice_package: l('Tiltakspakke for formidling av lærlinger', 'Apprentice package'),
  fagbrev_pa_jobb: l('Fagbrev på jobb', 'Trade certificate at work (Fagbrev på jobb)'),
};

const OUTCOMES: Record<CoronaContractOutcome, LocalizedText> = {
  running: l('Løper fortsatt', 'Still running'),
  completed: l('Fullført med fagprøve', 'Completed (trade test)'),
  ended: l('Hevet før tiden', 'Ended early'),
};

const when = (measure: CoronaMeasure) => ({ field: 'measure', equals: measure });

const commitsToReporting = {
  label: l('Vi forplikter oss til å rapportere', 'We commit to reporting'),
};

const contractBase = (): Record<string, FormFieldUi> => ({
  '': { label: l('Kontrakter', 'Contracts'), itemLabel: l('Kontrakt', 'Contract') },
  '[]': { label: l('Kontrakt', 'Contract') },
  '[].candidateReference': {
    label: l('Kandidatreferanse', 'Candidate reference'),
    help: l(
      'Deres egen referanse, ikke fødselsnummer.',
      'Your own reference, not a national identity number.',
    ),
  },
  '[].vigoContractNumber': { label: l('Kontraktnummer i Vigo', 'Vigo contract number') },
  '[].trade': { label: l('Fag', 'Trade') },
  '[].signedOn': { label: l('Signert dato', 'Signed on'), widget: 'date' },
});

const reportContracts = (): Record<string, FormFieldUi> => ({
  '': { label: l('Kontrakter', 'Contracts'), itemLabel: l('Kontrakt', 'Contract') },
  '[]': { label: l('Kontrakt', 'Contract') },
  '[].reference': { label: l('Kontraktreferanse', 'Contract reference') },
  '[].outcome': { label: l('Status', 'Status'), options: OUTCOMES, widget: 'radio' },
  '[].endedOn': {
    label: l('Hevet dato', 'Ended on'),
    widget: 'date',
    visibleWhen: { field: 'outcome', equals: 'ended' },
  },
});

export const CORONA_APPLICATION_FORM: FormLayout = {
  steps: [
    { title: l('Tiltak', 'Measure'), fields: ['measure'] },
    { title: l('Søknaden', 'The application'), fields: ['bioExtra', 'apprenticePackage', 'fagbrevPaJobb'] },
  ],
  fields: {
    measure: {
      label: l('Hvilket tiltak søker dere om?', 'Which measure are you applying for?'),
      options: MEASURES,
      widget: 'radio',
    },
    bioExtra: { label: MEASURES.bio_extra, visibleWhen: when('bio_extra') },
    'bioExtra.naceCode': {
      label: l('Næringskode (NACE)', 'Industry code (NACE)'),
      help: l('For eksempel 55.1.', 'For example 55.1.'),
    },
    'bioExtra.coronaImpact': {
      label: l('Hvordan pandemien rammer bedriften', 'How the pandemic affects the company'),
      widget: 'textarea',
    },
    'bioExtra.restructuringNeed': { label: l('Omstillingsbehov', 'Restructuring need'), widget: 'textarea' },
    'bioExtra.trainingPlan': { label: l('Opplæringsplan', 'Training plan') },
    'bioExtra.trainingPlan.content': {
      label: l('Innhold og organisering', 'Content and organisation'),
      widget: 'textarea',
    },
    'bioExtra.trainingPlan.providerName': { label: l('Kursleverandør', 'Training provider') },
    'bioExtra.startDate': { label: l('Startdato', 'Start date'), widget: 'date' },
    'bioExtra.endDate': { label: l('Sluttdato', 'End date'), widget: 'date' },
    'bioExtra.participants': { label: l('Deltakere', 'Participants') },
    'bioExtra.participants.count': { label: l('Antall ansatte som deltar', 'Employees taking part') },
    'bioExtra.participants.weeksEach': {
      label: l('Uker opplæring per deltaker', 'Training weeks per participant'),
    },
    'bioExtra.participants.fullyLaidOffCount': {
      label: l('Av dem helt permitterte', 'Of them fully laid off'),
    },
    ...fieldsUnder('bioExtra.costPlan', trainingCostLinesFields()),
    ...fieldsUnder('bioExtra.financingPlan', trainingFinancingPlanFields()),
    ...fieldsUnder('bioExtra.declarations', trainingDeclarationsFields()),
    'bioExtra.declarations.notInDifficultyOnReferenceDate': {
      label: l(
        'Bedriften var ikke i økonomiske vanskeligheter 31. desember 2019',
        'The company was not in difficulty on 31 December 2019',
      ),
    },
    apprenticePackage: { label: MEASURES.apprentice_package, visibleWhen: when('apprentice_package') },
    ...fieldsUnder('apprenticePackage.contracts', contractBase()),
    'apprenticePackage.contracts[].packageCode': { label: l('Pakkekode', 'Package code') },
    'apprenticePackage.contracts[].programme': {
      label: l('Utdanningsprogram', 'Education programme'),
      help: l('To store bokstaver, for eksempel EL.', 'Two capital letters, such as EL.'),
    },
    'apprenticePackage.contracts[].statutoryRight': {
      label: l('Kandidaten har rett til læreplass', 'The candidate has a statutory right'),
    },
    'apprenticePackage.contracts[].newPlacement': { label: l('Ny læreplass', 'New placement') },
    'apprenticePackage.contracts[].candidateResidesInCounty': {
      label: l('Kandidaten bor i fylket', 'The candidate lives in the county'),
    },
    'apprenticePackage.longestApprenticeLayoffWeeks': {
      label: l('Lengste permittering av en lærling, uker', 'Longest apprentice layoff, weeks'),
    },
    'apprenticePackage.requestedGrantOre': {
      label: l('Omsøkt tilskudd', 'Grant applied for'),
      widget: 'kroner',
    },
    'apprenticePackage.declarations': { label: l('Erklæringer', 'Declarations') },
    'apprenticePackage.declarations.fundsGoUndiminishedToEmployer': {
      label: l('Tilskuddet går uavkortet til lærebedriften', 'The grant goes undiminished to the employer'),
    },
    'apprenticePackage.declarations.commitsToReporting': commitsToReporting,
    fagbrevPaJobb: { label: MEASURES.fagbrev_pa_jobb, visibleWhen: when('fagbrev_pa_jobb') },
    ...fieldsUnder('fagbrevPaJobb.contracts', contractBase()),
    'fagbrevPaJobb.contracts[].employedByApplicant': {
      label: l('Ansatt hos søker', 'Employed by the applicant'),
    },
    'fagbrevPaJobb.contracts[].laidOff': { label: l('Permittert', 'Laid off') },
    'fagbrevPaJobb.requestedGrantOre': { label: l('Omsøkt tilskudd', 'Grant applied for'), widget: 'kroner' },
    'fagbrevPaJobb.declarations': { label: l('Erklæringer', 'Declarations') },
    'fagbrevPaJobb.declarations.commitsToReporting': commitsToReporting,
  },
};

export const CORONA_REPORT_FORM: FormLayout = {
  steps: [
    { title: l('Tiltak', 'Measure'), fields: ['measure'] },
    { title: l('Rapporten', 'The report'), fields: ['bioExtra', 'apprenticePackage', 'fagbrevPaJobb'] },
  ],
  fields: {
    measure: {
      label: l('Hvilket tiltak rapporterer dere på?', 'Which measure are you reporting on?'),
      options: MEASURES,
      widget: 'radio',
    },
    bioExtra: { label: MEASURES.bio_extra, visibleWhen: when('bio_extra') },
    'bioExtra.summary': { label: l('Sammendrag', 'Summary'), widget: 'textarea' },
    'bioExtra.participantsCompleted': {
      label: l('Antall deltakere som fullførte', 'Participants who completed'),
    },
    ...fieldsUnder('bioExtra.actualCosts', trainingCostLinesFields(l('Faktiske kostnader', 'Actual costs'))),
    apprenticePackage: { label: MEASURES.apprentice_package, visibleWhen: when('apprentice_package') },
    ...fieldsUnder('apprenticePackage.contracts', reportContracts()),
    'apprenticePackage.fundsPassedUndiminishedToEmployer': {
      label: l('Tilskuddet gikk uavkortet til lærebedriften', 'The grant went undiminished to the employer'),
    },
    fagbrevPaJobb: { label: MEASURES.fagbrev_pa_jobb, visibleWhen: when('fagbrev_pa_jobb') },
    'fagbrevPaJobb.summary': { label: l('Sammendrag', 'Summary'), widget: 'textarea' },
    ...fieldsUnder('fagbrevPaJobb.contracts', reportContracts()),
  },
};

/** How a county's administrator sets a corona call's rules (utlysningens regler): one measure per call. */
export const CORONA_CALL_FORM: FormLayout = callFormLayout({
  advancePayment: true,
  window: {
    window: { label: l('Søknadsperiode', 'Application period') },
    'window.opensAt': { label: l('Åpner', 'Opens') },
    'window.closesAt': { label: l('Opprinnelig søknadsfrist', 'Original application deadline') },
    'window.extensions': {
      label: l('Forlengede søknadsfrister', 'Extended application deadlines'),
      help: l(
        'Tidligste først; den siste stenger utlysningen. Legg til en frist for å forlenge utlysningen.',
        'Earliest first; the last one closes the call. Add a deadline to extend the call.',
      ),
      itemLabel: l('Forlenget søknadsfrist', 'Extended deadline'),
    },
    'window.extensions[]': { label: l('Forlenget søknadsfrist', 'Extended deadline') },
  },
  steps: [
    { title: l('Tiltak', 'Measure'), fields: ['measure'] },
    { title: l('Ekstraordinære BIO-midler', 'Extraordinary BIO money'), fields: ['bioExtra'] },
    { title: l('Tiltakspakke for lærlinger', 'Apprentice package'), fields: ['apprenticePackage'] },
    { title: l('Fagbrev på jobb', 'Trade certificate at work'), fields: ['fagbrevPaJobb'] },
  ],
  fields: {
    measure: { label: l('Tiltak', 'Measure'), options: MEASURES, widget: 'radio' },
    bioExtra: {
      label: l('Regler for ekstraordinære BIO-midler', 'Rules for extraordinary BIO money'),
      visibleWhen: { field: 'measure', equals: 'bio_extra' },
    },
    ...fieldsUnder('bioExtra', trainingCallFields()),
    'bioExtra.difficultyReferenceDate': {
      label: l('Dato for vurdering av økonomiske problemer', 'Reference date for financial difficulty'),
      help: l(
        'En bedrift som ikke var i økonomiske problemer denne dagen, kan søke selv om den er det nå.',
        'A company not in difficulty on this day may apply even if it is now.',
      ),
      widget: 'date',
    },
    'bioExtra.prioritisedSectors': {
      label: l('Prioriterte næringer', 'Prioritised sectors'),
      itemLabel: l('Næring', 'Sector'),
    },
    'bioExtra.prioritisedSectors[]': { label: l('Næring', 'Sector') },
    'bioExtra.prioritisedSectors[].naceCodePrefix': {
      label: l('Næringskode (NACE) eller starten av den', 'Industry code (NACE) or its start'),
    },
    'bioExtra.prioritisedSectors[].name': { label: l('Navn', 'Name') },
    apprenticePackage: {
      label: l('Regler for tiltakspakken', 'Rules for the apprentice package'),
      visibleWhen: { field: 'measure', equals: 'apprentice_package' },
    },
    ...fieldsUnder('apprenticePackage', contractPeriodFields()),
    'apprenticePackage.packages': { label: l('Pakker', 'Packages'), itemLabel: l('Pakke', 'Package') },
    'apprenticePackage.packages[]': { label: l('Pakke', 'Package') },
    'apprenticePackage.packages[].code': { label: l('Kode', 'Code') },
    'apprenticePackage.packages[].name': { label: l('Navn', 'Name') },
    'apprenticePackage.packages[].ratePerContractOre': {
      label: l('Sats per lærekontrakt', 'Rate per apprenticeship contract'),
      widget: 'kroner',
    },
    'apprenticePackage.packages[].requiresNewPlacement': {
      label: l('Krever ny læreplass', 'Requires a new placement'),
    },
    'apprenticePackage.packages[].requiresStatutoryRight': {
      label: l('Krever lovfestet rett til læreplass', 'Requires a statutory right'),
    },
    'apprenticePackage.packages[].minPriorLayoffWeeks': {
      label: l('Minste antall uker permittert før', 'Fewest weeks laid off before'),
      help: l('0 for ingen krav.', '0 for no condition.'),
    },
    'apprenticePackage.maxPerCompanyOre': {
      label: l('Største tilskudd per bedrift', 'Largest grant per company'),
      widget: 'kroner',
    },
    'apprenticePackage.prioritisedProgrammes': {
      label: l('Prioriterte utdanningsprogram (koder)', 'Prioritised programmes (codes)'),
      itemLabel: l('Utdanningsprogram', 'Programme'),
    },
    'apprenticePackage.prioritisedProgrammes[]': { label: l('Kode', 'Code') },
    'apprenticePackage.candidateMustResideInCounty': {
      label: l('Kandidaten må bo i fylket', 'The candidate must live in the county'),
    },
    fagbrevPaJobb: {
      label: l('Regler for fagbrev på jobb', 'Rules for trade certificate at work'),
      visibleWhen: { field: 'measure', equals: 'fagbrev_pa_jobb' },
    },
    ...fieldsUnder('fagbrevPaJobb', contractPeriodFields()),
    'fagbrevPaJobb.ratePerContractOre': {
      label: l('Sats per kontrakt', 'Rate per contract'),
      widget: 'kroner',
    },
    'fagbrevPaJobb.maxPerCompanyOre': {
      label: l('Største tilskudd per bedrift', 'Largest grant per company'),
      widget: 'kroner',
    },
    'fagbrevPaJobb.prioritiseLaidOffCandidates': {
      label: l('Permitterte kandidater prioriteres', 'Laid-off candidates come first'),
    },
  },
});

function contractPeriodFields(): Record<string, FormFieldUi> {
  return {
    contractPeriod: { label: l('Periode for signering av kontrakter', 'Contract signing period') },
    'contractPeriod.from': { label: l('Første dag', 'First day'), widget: 'date' },
    'contractPeriod.to': { label: l('Siste dag', 'Last day'), widget: 'date' },
  };
}
