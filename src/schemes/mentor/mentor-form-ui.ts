import {
  callFormLayout,
  fieldsUnder,
  localized as l,
  type FormFieldUi,
  type FormLayout,
  type LocalizedText,
} from '@lib/engine';
import type { MentorCostCategory, MentorGoalOutcome, MentorOwnShareKind } from './mentor-vocabulary';

/** How the mentor/trainee scheme's application (søknad) and final report (sluttrapport) are asked. */

const COST_CATEGORIES: Record<MentorCostCategory, LocalizedText> = {
  project_management: l('Prosjektledelse', 'Project management'),
  mentor_activities: l('Aktiviteter for mentorer', 'Mentor activities'),
  participant_activities: l('Aktiviteter for deltakere', 'Participant activities'),
  premises: l('Lokaler', 'Premises'),
  travel: l('Reiser', 'Travel'),
  administration: l('Administrasjon', 'Administration'),
  other: l('Annet', 'Other'),
};

const OWN_SHARE_KINDS: Record<MentorOwnShareKind, LocalizedText> = {
  cash: l('Kontanter', 'Cash'),
  staff_time: l('Egen arbeidstid', 'Staff time'),
  premises: l('Lokaler', 'Premises'),
  other_costs: l('Andre kostnader', 'Other costs'),
};

const OUTCOMES: Record<MentorGoalOutcome, LocalizedText> = {
  achieved: l('Nådd', 'Achieved'),
  partly_achieved: l('Delvis nådd', 'Partly achieved'),
  not_achieved: l('Ikke nådd', 'Not achieved'),
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

const ownShareLines = (label: LocalizedText): Record<string, FormFieldUi> => ({
  '': {
    label,
    help: l('Egen arbeidstid føres med timer og årslønn.', 'Staff time is given as hours and annual salary.'),
    itemLabel: l('Egenandel', 'Own share'),
  },
  '[]': { label: l('Egenandel', 'Own share') },
  '[].kind': { label: l('Type', 'Kind'), options: OWN_SHARE_KINDS },
  '[].description': { label: l('Beskrivelse', 'Description') },
  '[].amountOre': { label: l('Verdi', 'Value'), widget: 'kroner' },
  '[].hours': {
    label: l('Timer', 'Hours'),
    help: l('Inntil to desimaler, for eksempel 37,5.', 'At most two decimals, such as 37.5.'),
    visibleWhen: { field: 'kind', equals: 'staff_time' },
  },
  '[].grossAnnualSalaryOre': {
    label: l('Brutto årslønn', 'Gross annual salary'),
    widget: 'kroner',
    visibleWhen: { field: 'kind', equals: 'staff_time' },
  },
});

export const MENTOR_APPLICATION_FORM: FormLayout = {
  steps: [
    { title: l('Prosjektet', 'The project'), fields: ['projectTitle', 'applicantCompetence', 'goals'] },
    {
      title: l('Målgruppe og gjennomføring', 'Target group and implementation'),
      fields: ['targetGroup', 'mentorRecruitmentPlan', 'implementationPlan', 'timePlan'],
    },
    { title: l('Kostnader og finansiering', 'Costs and financing'), fields: ['costPlan', 'financingPlan'] },
    { title: l('Erklæringer', 'Declarations'), fields: ['declarations'] },
  ],
  fields: {
    projectTitle: { label: l('Prosjektnavn', 'Project title') },
    applicantCompetence: {
      label: l('Søkers kompetanse', 'The applicant’s competence'),
      help: l('Hvilken erfaring dere har med mentorordninger.', 'Your experience with mentoring schemes.'),
      widget: 'textarea',
    },
    goals: { label: l('Mål', 'Goals') },
    'goals.mainGoal': { label: l('Hovedmål', 'Main goal'), widget: 'textarea' },
    'goals.subGoals': { label: l('Delmål', 'Sub-goals'), itemLabel: l('Delmål', 'Sub-goal') },
    'goals.subGoals[]': { label: l('Delmål', 'Sub-goal') },
    'goals.expectedResults': { label: l('Forventede resultater', 'Expected results'), widget: 'textarea' },
    targetGroup: { label: l('Målgruppe', 'Target group') },
    'targetGroup.description': {
      label: l('Beskrivelse av målgruppen', 'Description of the target group'),
      widget: 'textarea',
    },
    'targetGroup.area': {
      label: l('Område', 'Area'),
      help: l('Kommune eller region.', 'Municipality or region.'),
    },
    'targetGroup.participantCount': { label: l('Antall deltakere', 'Number of participants') },
    mentorRecruitmentPlan: { label: l('Rekruttering av mentorer', 'Recruiting mentors'), widget: 'textarea' },
    implementationPlan: { label: l('Gjennomføringsplan', 'Implementation plan'), widget: 'textarea' },
    timePlan: { label: l('Tidsplan', 'Time plan') },
    'timePlan.startDate': { label: l('Startdato', 'Start date'), widget: 'date' },
    'timePlan.endDate': { label: l('Sluttdato', 'End date'), widget: 'date' },
    'timePlan.milestones': { label: l('Milepæler', 'Milestones'), itemLabel: l('Milepæl', 'Milestone') },
    'timePlan.milestones[]': { label: l('Milepæl', 'Milestone') },
    'timePlan.milestones[].date': { label: l('Dato', 'Date'), widget: 'date' },
    'timePlan.milestones[].activity': { label: l('Aktivitet', 'Activity') },
    ...fieldsUnder('costPlan', costLines(l('Kostnadsplan', 'Cost plan'))),
    financingPlan: { label: l('Finansieringsplan', 'Financing plan') },
    'financingPlan.requestedGrantOre': { label: l('Omsøkt tilskudd', 'Grant applied for'), widget: 'kroner' },
    ...fieldsUnder('financingPlan.ownShare', ownShareLines(l('Egenandel', 'Own share'))),
    'financingPlan.otherPublicFunding': {
      label: l('Annen offentlig finansiering', 'Other public funding'),
      itemLabel: l('Finansieringskilde', 'Funding source'),
    },
    'financingPlan.otherPublicFunding[]': { label: l('Finansieringskilde', 'Funding source') },
    'financingPlan.otherPublicFunding[].source': { label: l('Kilde', 'Source') },
    'financingPlan.otherPublicFunding[].amountOre': { label: l('Beløp', 'Amount'), widget: 'kroner' },
    declarations: { label: l('Erklæringer', 'Declarations') },
    'declarations.noDoubleFunding': {
      label: l('De samme kostnadene er ikke finansiert fra andre', 'The same costs are not funded by others'),
    },
    'declarations.economicActivity': {
      label: l('Prosjektet er økonomisk aktivitet', 'The project is an economic activity'),
    },
    'declarations.deMinimisReceivedOre': {
      label: l(
        'Bagatellmessig støtte mottatt siste tre år',
        'De minimis aid received in the last three years',
      ),
      help: l('Skriv 0 hvis dere ikke har fått noe.', 'Enter 0 if you have received none.'),
      widget: 'kroner',
    },
    'declarations.staffTimeDocumentedWithTimesheets': {
      label: l('Egen arbeidstid dokumenteres med timelister', 'Staff time is documented with timesheets'),
    },
    'declarations.leaderSignature': { label: l('Underskrift fra leder', 'Signature of the leader') },
    'declarations.leaderSignature.name': { label: l('Navn', 'Name') },
    'declarations.leaderSignature.position': { label: l('Stilling', 'Position') },
    'declarations.leaderSignature.confirmed': {
      label: l('Jeg bekrefter at opplysningene er riktige', 'I confirm that the information is correct'),
    },
  },
};

export const MENTOR_REPORT_FORM: FormLayout = {
  steps: [
    {
      title: l('Resultater', 'Results'),
      fields: ['summary', 'goalResults', 'participantsReached', 'mentorsRecruited'],
    },
    {
      title: l('Regnskap', 'Accounts'),
      fields: ['actualCosts', 'actualOwnShare', 'otherPublicFundingOre', 'ownShareDocumented'],
    },
  ],
  fields: {
    summary: { label: l('Sammendrag', 'Summary'), widget: 'textarea' },
    goalResults: { label: l('Måloppnåelse', 'Goals achieved'), itemLabel: l('Mål', 'Goal') },
    'goalResults[]': { label: l('Mål', 'Goal') },
    'goalResults[].goal': { label: l('Mål', 'Goal') },
    'goalResults[].outcome': { label: l('Oppnådd?', 'Achieved?'), options: OUTCOMES, widget: 'radio' },
    'goalResults[].result': { label: l('Resultat', 'Result'), widget: 'textarea' },
    participantsReached: { label: l('Deltakere nådd', 'Participants reached') },
    mentorsRecruited: { label: l('Mentorer rekruttert', 'Mentors recruited') },
    ...fieldsUnder('actualCosts', costLines(l('Faktiske kostnader', 'Actual costs'))),
    ...fieldsUnder('actualOwnShare', ownShareLines(l('Faktisk egenandel', 'Actual own share'))),
    otherPublicFundingOre: {
      label: l('Annen offentlig finansiering', 'Other public funding'),
      help: l('Skriv 0 hvis dere ikke har hatt noe.', 'Enter 0 if you had none.'),
      widget: 'kroner',
    },
    ownShareDocumented: {
      label: l('Egenandelen er dokumentert', 'The own share is documented'),
    },
  },
};

/** How a county's administrator sets a mentor call's rules (utlysningens regler). */
export const MENTOR_CALL_FORM: FormLayout = callFormLayout({
  advancePayment: true,
  steps: [
    {
      title: l('Tilskudd og prosjekt', 'Grant and project'),
      fields: [
        'maxGrantOre',
        'deMinimisCeilingOre',
        'minOwnShareBasisPoints',
        'staffTimeRate',
        'timesheetsRequired',
        'priorityMinParticipants',
        'maxProjectMonths',
      ],
    },
  ],
  fields: {
    maxGrantOre: { label: l('Største tilskudd per prosjekt', 'Largest grant per project'), widget: 'kroner' },
    deMinimisCeilingOre: {
      label: l('Tak for bagatellstøtte over tre år', 'De minimis ceiling over three years'),
      widget: 'kroner',
    },
    minOwnShareBasisPoints: {
      label: l('Minste egenandel', 'Smallest own share'),
      help: l('Andel av beløpet det søkes om, i prosent.', 'Share of the amount applied for, in per cent.'),
      widget: 'percent',
    },
    staffTimeRate: { label: l('Timesats for egen arbeidstid', 'Hourly rate for own staff time') },
    'staffTimeRate.basisPointsOfAnnualSalary': {
      label: l('Timesats i prosent av årslønn', 'Hourly rate in per cent of annual salary'),
      help: l('0,12 er 1,2 promille av brutto årslønn.', '0.12 is 1.2 per mille of the gross annual salary.'),
      widget: 'percent',
    },
    'staffTimeRate.maxHourlyRateOre': {
      label: l('Høyeste timesats', 'Highest hourly rate'),
      widget: 'kroner',
    },
    timesheetsRequired: { label: l('Timelister kreves', 'Timesheets required') },
    priorityMinParticipants: {
      label: l(
        'Færre deltakere enn dette gir lavere prioritet',
        'Fewer participants than this lowers the priority',
      ),
    },
    maxProjectMonths: { label: l('Lengste prosjektperiode (måneder)', 'Longest project period (months)') },
  },
});
