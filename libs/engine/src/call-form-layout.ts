import { localized as l, type FormFieldUi, type FormLayout, type FormStep } from './form-layout';

/*
 * How a call's parameters (utlysningens regler) are asked of a county's administrator: the words
 * for the fields every call has, for a scheme's call form to reuse beside its own. Like the
 * application forms, a scheme keeps its call form next to its DTOs and the web app draws it.
 */

/** The fields every call has, the submission window and payment plan excepted. */
export function callParameterFields(): Record<string, FormFieldUi> {
  return {
    ...eligibilityFields(),
    acceptanceDays: {
      label: l('Frist for å akseptere tilsagnet (dager)', 'Days to accept the grant'),
      help: l(
        'Dager søkeren har til å akseptere tilsagnet etter at det er sendt.',
        'Days the applicant has to accept the grant commitment once it is sent.',
      ),
    },
    informationResponseBusinessDays: {
      label: l(
        'Svarfrist når søkeren blir bedt om mer (virkedager)',
        'Days to answer a request for information (business days)',
      ),
      help: l(
        'Virkedager søkeren får til å svare, uten helger og helligdager; saksbehandleren kan velge en annen frist.',
        'Business days the applicant has to answer, weekends and public holidays left out; the case officer may choose another date.',
      ),
    },
    appealPreparationDays: {
      label: l('Frist for å forberede en klage (dager)', 'Days to prepare an appeal'),
      help: l(
        'Dager fylkeskommunen har til å omgjøre vedtaket eller sende klagen til klagenemnda før saksbehandleren får en påminnelse; 21 om den står tom.',
        'Days the county has to reverse the decision or send the appeal to the appeals board before the case officer is reminded; 21 when left empty.',
      ),
    },
    repaymentDueDays: {
      label: l('Betalingsfrist for tilbakebetalingskrav (dager)', 'Days to pay back a repayment claim'),
      help: l(
        'Dager tilskuddsmottakeren får til å betale tilbake det som er utbetalt ut over sluttoppgjøret; 30 om den står tom.',
        'Days the grant holder has to pay back what was paid beyond the final settlement; 30 when left empty.',
      ),
    },
    delegationThresholdOre: {
      label: l('Grense for politisk behandling', 'Threshold for a political decision'),
      help: l(
        'Tilskudd over dette beløpet avgjøres av hovedutvalget, ikke administrasjonen.',
        'Grants above this amount are decided by the political committee, not the administration.',
      ),
      widget: 'kroner',
    },
    reminderDays: {
      label: l(
        'Påminnelser om sluttrapport (dager før fristen)',
        'Final report reminders (days before it is due)',
      ),
      itemLabel: l('Påminnelse', 'Reminder'),
    },
    'reminderDays[]': { label: l('Dager før fristen', 'Days before it is due') },
    overdueEscalationDays: {
      label: l('Varsel til saksbehandler (dager etter fristen)', 'Alert to the case officer (days overdue)'),
      help: l(
        'Dager etter at sluttrapporten skulle vært levert før saksbehandleren varsles.',
        'Days after the final report was due before the case officer is alerted.',
      ),
    },
    payoutAttestation: {
      label: l('Bekreftelse av utbetalingsanmodninger', 'Confirmation of payout requests'),
      help: l(
        'Hvem som må bekrefte en anmodning om utbetaling, etter beløpet. Uten: regnskapsfører fra 200 000 kr.',
        "Who must confirm a payout request, by its amount. Left out: an accountant's from NOK 200,000.",
      ),
    },
    'payoutAttestation.managerSignatureBelowOre': {
      label: l(
        'Daglig leders bekreftelse holder under',
        "The managing director's confirmation suffices below",
      ),
      widget: 'kroner',
    },
    'payoutAttestation.accountantConfirmationFromOre': {
      label: l(
        'Regnskapsførers eller revisors bekreftelse kreves fra',
        "An accountant's or auditor's confirmation is required from",
      ),
      widget: 'kroner',
    },
    partPaymentMaxBasisPoints: {
      label: l('Delutbetalinger før sluttrapport, høyst', 'Part payments before the final report, at most'),
      help: l(
        'Andel av tilskuddet i prosent som kan utbetales før sluttrapporten, forskudd medregnet. Uten: 90 %.',
        'Share of the grant in per cent that may be paid before the final report, the advance included. Left out: 90 %.',
      ),
      widget: 'percent',
    },
    appealable: {
      label: l('Vedtakene kan påklages', 'Decisions may be appealed'),
      help: l(
        'Om vedtak etter utlysningen er enkeltvedtak med klagerett; vedtaksbrevet sier da hvor, hvordan og innen hvilken dag. Uten: ordningens standard.',
        'Whether decisions under the call are individual decisions that may be appealed; the decision letter then says where, how and by which day. Left out: the scheme’s default.',
      ),
    },
    legalBasis: {
      label: l('Hjemmel i vedtaksbrevet', 'Legal basis in the decision letter'),
      help: l(
        'Det vedtakene bygger på, slik vedtaksbrevet skal gjengi det. Uten: ordningens retningslinjer.',
        'What the decisions rest on, as the decision letter states it. Left out: the scheme’s guidelines.',
      ),
    },
    attachments: {
      label: l('Vedlegg', 'Attachments'),
      help: l(
        'Vedleggene søkeren kan laste opp med søknaden, svar, utbetalingsanmodninger og delrapporter, og om de må være med før det kan sendes. Uten: ordningens standard, ellers alle typer, ingen påkrevd.',
        'The attachments the applicant may upload with the application, answers, payout requests and interim reports, and whether they must be there before it can be sent. Left out: the scheme’s defaults, else every kind, none required.',
      ),
      itemLabel: l('Vedlegg', 'Attachment'),
    },
    'attachments[]': { label: l('Vedlegg', 'Attachment') },
    'attachments[].kind': {
      label: l('Type vedlegg', 'Kind of attachment'),
      options: {
        training_plan: l('Opplæringsplan', 'Training plan'),
        annual_accounts: l('Årsregnskap', 'Annual accounts'),
        auditor_statement: l('Revisorerklæring', "Auditor's statement"),
        course_certificate: l('Kursbevis', 'Course certificates'),
        receipts: l('Kvitteringer og bilag', 'Receipts and vouchers'),
        other: l('Annet vedlegg', 'Other attachment'),
      },
    },
    'attachments[].required': { label: l('Påkrevd', 'Required') },
    'attachments[].context': {
      label: l('Hører til', 'Goes with'),
      help: l('Uten: søknaden.', 'Left out: the application.'),
      options: {
        application: l('Søknaden', 'The application'),
        information_answer: l('Svar på spørsmål fra fylkeskommunen', 'Answers to requests for information'),
        part_payout_request: l('Anmodning om delutbetaling', 'Part payout requests'),
        final_payout_request: l('Anmodning om sluttutbetaling', 'Final payout requests'),
        interim_report: l('Delrapporter', 'Interim reports'),
      },
    },
    'attachments[].fromAccountantThreshold': {
      label: l(
        'Påkrevd bare fra beløpet som krever regnskapsførers bekreftelse',
        "Required only from the amount that asks for an accountant's confirmation",
      ),
    },
    overdueLapseProposalDays: {
      label: l('Forslag om bortfall (dager etter fristen)', 'Lapse proposal (days overdue)'),
      help: l(
        'Dager etter fristen før bortfall av tilskuddet foreslås; etter varselet til saksbehandleren.',
        'Days after the deadline before a lapse of the grant is proposed; after the alert to the case officer.',
      ),
    },
  };
}

/**
 * Who may apply (the kernel's eligibility rules): each rule type in words, with its argument. A
 * form may ask the rules one field per type, labelled by the type's words and helped by its argument's.
 */
export function eligibilityFields(): Record<string, FormFieldUi> {
  return {
    eligibility: {
      label: l('Hvem kan søke', 'Who may apply'),
      help: l(
        'Fyll ut de kravene som gjelder; tomme felt setter ingen grense.',
        'Fill in the requirements that apply; a field left empty sets no limit.',
      ),
    },
    'eligibility[]': { label: l('Krav til søkeren', 'Requirement'), itemLabel: l('Krav', 'Requirement') },
    'eligibility[].rule': {
      label: l('Krav', 'Requirement'),
      options: {
        organisation_form: l('Organisasjonsformer som kan søke', 'Organisation forms that may apply'),
        min_employees: l('Minst så mange ansatte', 'At least this many employees'),
        employees_below: l('Færre ansatte enn', 'Fewer employees than'),
        county: l('Fylker søkeren må holde til i', 'Counties the applicant must be based in'),
        municipality: l('Kommuner søkeren må holde til i', 'Municipalities the applicant must be based in'),
      },
    },
    'eligibility[].forms': {
      label: l('Organisasjonsformer', 'Organisation forms'),
      help: l(
        'Koder fra Enhetsregisteret, skilt med komma, for eksempel AS, ENK, SA.',
        'Codes from the Central Coordinating Register, separated by commas, e.g. AS, ENK, SA.',
      ),
    },
    'eligibility[].forms[]': { label: l('Organisasjonsform', 'Organisation form') },
    'eligibility[].count': {
      label: l('Antall ansatte', 'Number of employees'),
      help: l('Registrerte ansatte, et helt tall.', 'Registered employees, a whole number.'),
    },
    'eligibility[].countyCodes': {
      label: l('Fylkesnummer', 'County numbers'),
      help: l(
        'To sifre, skilt med komma, for eksempel 50 for Trøndelag.',
        'Two digits, separated by commas, e.g. 50 for Trøndelag.',
      ),
    },
    'eligibility[].countyCodes[]': { label: l('Fylkesnummer', 'County number') },
    'eligibility[].municipalityNumbers': {
      label: l('Kommunenummer', 'Municipality numbers'),
      help: l(
        'Fire sifre, skilt med komma, for eksempel 5001 for Trondheim.',
        'Four digits, separated by commas, e.g. 5001 for Trondheim.',
      ),
    },
    'eligibility[].municipalityNumbers[]': { label: l('Kommunenummer', 'Municipality number') },
  };
}

/** The share paid on acceptance, for schemes that pay an advance and the rest on the final report. */
export function advancePaymentFields(): Record<string, FormFieldUi> {
  return {
    advancePaymentBasisPoints: {
      label: l('Forskudd ved aksept', 'Advance on acceptance'),
      help: l(
        'Andel av tilskuddet i prosent som utbetales når tilsagnet er akseptert. Resten utbetales etter sluttrapporten.',
        'Share of the grant in per cent paid once it is accepted. The rest is paid on the final report.',
      ),
      widget: 'percent',
    },
  };
}

/** The kernel's submission window (`SubmissionWindowDto`): rolling, or fixed application deadlines. */
export function submissionWindowFields(): Record<string, FormFieldUi> {
  return {
    window: { label: l('Søknadsperiode', 'Application period') },
    'window.kind': {
      label: l('Type søknadsperiode', 'Kind of application period'),
      options: {
        rolling: l('Løpende', 'Rolling'),
        fixed: l('Faste søknadsfrister', 'Fixed deadlines'),
      },
      widget: 'radio',
    },
    'window.opensAt': { label: l('Åpner', 'Opens') },
    'window.closesAt': {
      label: l('Søknadsfrist', 'Application deadline'),
      help: l(
        'Siste dag for å sende søknad. La feltet stå tomt hvis utlysningen er åpen så lenge det er midler igjen.',
        'The last day to apply. Leave it empty if the call is open while there is money left.',
      ),
      visibleWhen: { field: 'kind', equals: 'rolling' },
    },
    'window.deadlines': {
      label: l('Søknadsfrister', 'Application deadlines'),
      help: l(
        'Siste dag for å sende søknad i hver runde, tidligste først. Utlysningen stenger ved siste frist; legg til en frist for å forlenge den.',
        'The last day to apply in each round, earliest first. The call closes at the last one; add a deadline to extend it.',
      ),
      itemLabel: l('Søknadsfrist', 'Deadline'),
      visibleWhen: { field: 'kind', equals: 'fixed' },
    },
    'window.deadlines[]': { label: l('Søknadsfrist', 'Deadline') },
  };
}

/**
 * A call form's steps: the period and who may apply first, the scheme's own steps, then the case
 * handling every call has (with the advance share where the scheme pays one).
 */
export function callFormSteps(schemeSteps: readonly FormStep[], advancePayment: boolean): FormStep[] {
  return [
    {
      title: l('Søknadsperiode og målgruppe', 'Application period and applicants'),
      fields: ['window', 'eligibility'],
    },
    ...schemeSteps,
    {
      title: l('Saksgang og oppfølging', 'Case handling and follow-up'),
      fields: [
        'acceptanceDays',
        'informationResponseBusinessDays',
        'delegationThresholdOre',
        ...(advancePayment ? ['advancePaymentBasisPoints'] : []),
        'reminderDays',
        'overdueEscalationDays',
        'overdueLapseProposalDays',
        'repaymentDueDays',
        'payoutAttestation',
        'partPaymentMaxBasisPoints',
        'appealable',
        'legalBasis',
        'appealPreparationDays',
        'attachments',
      ],
    },
  ];
}

/** A scheme's call form from its own steps and fields and the kernel's. */
export function callFormLayout(options: {
  readonly steps: readonly FormStep[];
  readonly fields: Readonly<Record<string, FormFieldUi>>;
  readonly advancePayment: boolean;
  readonly window?: Readonly<Record<string, FormFieldUi>>;
}): FormLayout {
  return {
    steps: callFormSteps(options.steps, options.advancePayment),
    fields: {
      ...callParameterFields(),
      ...(options.advancePayment ? advancePaymentFields() : {}),
      ...(options.window ?? submissionWindowFields()),
      ...options.fields,
    },
  };
}
