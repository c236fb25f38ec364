/**
 * What a template may use: for a case its reference, case number, organisation, scheme, amount, due date and
 * message; for a call or a frame their names and figures. Missing values render as nothing.
 */
export type TemplateValues = Readonly<Record<string, string | undefined>>;

type Text = { subject: string; body: string };
/**
 * `ownLink`: the text carries its link itself (an invitation's), so no portal link is added.
 * `secret`: values that must not outlive the sending (a single-use link with its token): the copy kept
 * once the e-mail is sent says the link was removed instead.
 */
type Template = { nb?: Text; en: Text; ownLink?: boolean; secret?: readonly string[] };

/** What the copy kept after sending says in place of a secret value. */
const REMOVED = {
  nb: '[lenken er fjernet fra kopien etter sending]',
  en: '[the link was removed from this copy once sent]',
};

const sign = {
  nb: '\n\nDette er en automatisk melding fra tilskuddsordningen.',
  en: '\n\nThis is an automatic message from the grant scheme.',
};
/** The case number (saksnummer) with the reference, in every e-mail about a submitted case. */
const caseNumberLine = {
  nb: (caseNumber: string, reference: string) =>
    `\n\nSaksnummer: ${caseNumber} (søknadsreferanse ${reference})`,
  en: (caseNumber: string, reference: string) =>
    `\n\nCase number: ${caseNumber} (application reference ${reference})`,
};
const caseLink = {
  nb: (url: string) => `\nSe saken i søknadsportalen: ${url}`,
  en: (url: string) => `\nSee the case in the application portal: ${url}`,
};
const portalLink = {
  nb: (url: string) => `\nSøknadsportalen: ${url}`,
  en: (url: string) => `\nThe application portal: ${url}`,
};

/** The case page of an application in the web app (the route `/soknader/:reference`). */
export const casePageUrl = (publicUrl: string, reference: string) =>
  `${publicUrl.replace(/\/+$/, '')}/soknader/${encodeURIComponent(reference)}`;

/**
 * Notification texts in Norwegian (bokmål) with an English fallback. `{name}` is replaced by the
 * value of that name; decisions under forvaltningsloven carry their own letter, these only announce.
 */
export const TEMPLATES: Record<string, Template> = {
  application_submitted: {
    nb: {
      subject: 'Søknad {reference} er mottatt',
      body: 'Vi har mottatt søknaden fra {organisation} om {scheme} ({reference}).',
    },
    en: {
      subject: 'Application {reference} received',
      body: 'We have received the application from {organisation} for {scheme} ({reference}).',
    },
  },
  information_requested: {
    nb: {
      subject: 'Vi trenger mer informasjon om søknad {reference}',
      body: 'Saksbehandleren ber om mer informasjon:\n\n{message}\n\nFrist: {dueAt}.',
    },
    en: {
      subject: 'More information needed for application {reference}',
      body: 'The case officer asks for more information:\n\n{message}\n\nDue: {dueAt}.',
    },
  },
  grant_decided: {
    nb: {
      subject: 'Tilsagn om tilskudd – {reference}',
      body: '{organisation} er innvilget {amount} kr i {scheme}. Vedtaksbrevet (tilsagnsbrevet) med vilkår, utbetalingsplan og frister ligger som PDF i saken. Tilsagnet må aksepteres innen {dueAt}.',
    },
    en: {
      subject: 'Grant awarded – {reference}',
      body: '{organisation} has been awarded NOK {amount} under {scheme}. The decision letter with its conditions, payment plan and deadlines is a PDF in the case. Accept the grant by {dueAt}.',
    },
  },
  rejection_decided: {
    nb: {
      subject: 'Vedtak om avslag – {reference}',
      body: 'Søknaden fra {organisation} er avslått. Vedtaksbrevet med begrunnelsen ligger som PDF i saken.',
    },
    en: {
      subject: 'Application rejected – {reference}',
      body: 'The application from {organisation} has been rejected. The decision letter with its grounds is a PDF in the case.',
    },
  },
  grant_lapsed: {
    nb: {
      subject: 'Tilsagnet er bortfalt – {reference}',
      body: 'Tilsagnet til {organisation} ble ikke akseptert innen fristen og er bortfalt.',
    },
    en: {
      subject: 'Grant lapsed – {reference}',
      body: 'The grant to {organisation} was not accepted in time and has lapsed.',
    },
  },
  final_report_reminder: {
    nb: {
      subject: 'Påminnelse: sluttrapport for {reference}',
      body: 'Sluttrapporten for {reference} ({organisation}) skal leveres innen {dueAt}.',
    },
    en: {
      subject: 'Reminder: final report for {reference}',
      body: 'The final report for {reference} ({organisation}) is due by {dueAt}.',
    },
  },
  preliminary_reply: {
    nb: {
      subject: 'Foreløpig svar på søknad {reference}',
      body: 'Søknaden fra {organisation} ({reference}) har ikke blitt avgjort innen en måned. Vi behandler den så snart som mulig og gir beskjed når vedtak er fattet (forvaltningsloven § 11 a).',
    },
    en: {
      subject: 'Preliminary reply on application {reference}',
      body: 'The application from {organisation} ({reference}) has not been decided within a month. We are handling it and will tell you when a decision is made.',
    },
  },
  final_report_overdue: {
    nb: {
      subject: 'Sluttrapport mangler – {reference}',
      body: 'Fristen for sluttrapport for {reference} er passert. Send rapporten snarest.',
    },
    en: {
      subject: 'Final report overdue – {reference}',
      body: 'The final report for {reference} is overdue. Please send it as soon as possible.',
    },
  },
  final_report_escalation: {
    nb: {
      subject: 'Sluttrapport fortsatt ikke levert – {reference}',
      body: 'Sluttrapporten for {reference} ({organisation}) hadde frist {dueAt} og er fortsatt ikke levert. Følg opp tilskuddsmottakeren.',
    },
    en: {
      subject: 'Final report still missing – {reference}',
      body: 'The final report for {reference} ({organisation}) was due {dueAt} and has still not arrived. Please follow up the grant holder.',
    },
  },
  final_report_lapse_proposal: {
    nb: {
      subject: 'Forslag om bortfall av tilsagn – {reference}',
      body: 'Sluttrapporten for {reference} ({organisation}) hadde frist {dueAt} og mangler fortsatt. Vurder å heve tilsagnet og kreve tilbake utbetalt tilskudd: saksbehandleren foreslår det med «Hev tilsagn» på saken, og en godkjenner fatter vedtaket.',
    },
    en: {
      subject: 'Proposal to let the grant lapse – {reference}',
      body: 'The final report for {reference} ({organisation}) was due {dueAt} and is still missing. Consider cancelling the grant and reclaiming what was paid: the case officer proposes it with “Cancel the grant” on the case, and an approver decides.',
    },
  },
  repayment_claim_raised: {
    nb: {
      subject: 'Krav om tilbakebetaling – {reference}',
      body: 'Sluttoppgjøret for {reference} ({organisation}) viser at det er utbetalt {amount} kr mer enn tilskuddet endte på. Beløpet må betales tilbake innen {dueAt}. Se vedlagt brev i saken: kravet med kontonummer og merking av betalingen ligger som PDF i saken.',
    },
    en: {
      subject: 'Repayment claim – {reference}',
      body: 'The final settlement of {reference} ({organisation}) shows NOK {amount} paid beyond the final grant. Please pay it back by {dueAt}. See the letter in the case: the claim with the account number and how to mark the payment is a PDF in the case.',
    },
  },
  repayment_claim_reminder: {
    nb: {
      subject: 'Påminnelse: krav om tilbakebetaling – {reference}',
      body: 'Kravet om tilbakebetaling av {amount} kr for {reference} hadde frist {dueAt} og er ikke registrert betalt.',
    },
    en: {
      subject: 'Reminder: repayment claim – {reference}',
      body: 'The repayment claim of NOK {amount} for {reference} was due {dueAt} and has not been registered as paid.',
    },
  },
  repayment_claim_escalated: {
    nb: {
      subject: 'Krav om tilbakebetaling fortsatt ubetalt – {reference}',
      body: 'Kravet om tilbakebetaling av {amount} kr for {reference} ({organisation}) hadde frist {dueAt} og er fortsatt ikke betalt. Følg opp kravet.',
    },
    en: {
      subject: 'Repayment claim still unpaid – {reference}',
      body: 'The repayment claim of NOK {amount} for {reference} ({organisation}) was due {dueAt} and is still unpaid. Please follow it up.',
    },
  },
  grant_settled: {
    nb: {
      subject: 'Saken er avsluttet – {reference}',
      body: 'Sluttoppgjøret for {reference} er ferdig, og saken er avsluttet.',
    },
    en: {
      subject: 'Case closed – {reference}',
      body: 'The final settlement of {reference} is complete and the case is closed.',
    },
  },
  call_opened: {
    nb: {
      subject: 'Utlysningen er åpnet: {call}',
      body: 'Utlysningen «{call}» ({scheme}) er åpen for søknader fra {opensAt}. Søknadsfrist: {closesAt}.',
    },
    en: {
      subject: 'Call opened: {call}',
      body: 'The call "{call}" ({scheme}) is open for applications from {opensAt}. Closes: {closesAt}.',
    },
  },
  call_closed: {
    nb: {
      subject: 'Utlysningen er stengt: {call}',
      body: 'Utlysningen «{call}» ({scheme}) stengte {closesAt}. Innkomne søknader: {applications}, samlet søkt {amount} kr.',
    },
    en: {
      subject: 'Call closed: {call}',
      body: 'The call "{call}" ({scheme}) closed {closesAt}. Applications received: {applications}, NOK {amount} applied for in all.',
    },
  },
  frame_threshold_crossed: {
    nb: {
      subject: 'Rammen {frame} er {threshold} % brukt',
      body: 'Tilsagn og utbetalinger på rammen {frame} er nå {used} kr av {allocated} kr ({threshold} %). Gjenstående: {remaining} kr.',
    },
    en: {
      subject: 'Frame {frame} is {threshold} % used',
      body: 'Commitments and payments on the frame {frame} now come to NOK {used} of NOK {allocated} ({threshold} %). Remaining: NOK {remaining}.',
    },
  },
  staff_invitation: {
    nb: {
      subject: 'Invitasjon til tilskuddsforvaltningen i {county}',
      body: 'Hei {name},\n\n{invitedBy} har gitt deg tilgang til tilskuddsforvaltningen i {county} som {roles}. Velg passordet ditt med denne lenken:\n{link}\n\nLenken kan brukes én gang og gjelder til {expiresAt}. Er den utløpt, kan du be administratoren om en ny.',
    },
    en: {
      subject: 'Invitation to the grant administration of {county}',
      body: 'Hello {name},\n\n{invitedBy} has given you access to the grant administration of {county} as {roles}. Choose your password with this link:\n{link}\n\nThe link works once and until {expiresAt}. If it has expired, ask the administrator for a new one.',
    },
    ownLink: true,
    secret: ['link'],
  },
  // Payout requests
  interim_report_reminder: {
    nb: {
      subject: 'Påminnelse: {report} for {reference}',
      body: 'Husk å sende {report} for {scheme} ({reference}). Fristen er {dueAt}.',
    },
    en: {
      subject: 'Reminder: {reportEn} for {reference}',
      body: 'Remember to send the {reportEn} for {scheme} ({reference}). It is due on {dueAt}.',
    },
  },
  interim_report_overdue: {
    nb: {
      subject: 'Forfalt: {report} for {reference}',
      body: '{organisation} har ikke sendt {report} for {reference}. Fristen var {dueAt}.',
    },
    en: {
      subject: 'Overdue: {reportEn} for {reference}',
      body: '{organisation} has not sent the {reportEn} for {reference}. It was due on {dueAt}.',
    },
  },
  interim_report_sent: {
    nb: {
      subject: '{Report} mottatt – {reference}',
      body: '{organisation} har sendt {report} for {scheme} ({reference}).',
    },
    en: {
      subject: '{ReportEn} received – {reference}',
      body: '{organisation} has sent the {reportEn} for {scheme} ({reference}).',
    },
  },
  interim_report_approved: {
    nb: {
      subject: '{Report} godkjent – {reference}',
      body: 'Saksbehandleren har godkjent {report} for {reference}.',
    },
    en: {
      subject: '{ReportEn} approved – {reference}',
      body: 'The case officer has approved the {reportEn} for {reference}.',
    },
  },
  interim_report_returned: {
    nb: {
      subject: '{Report} sendt tilbake – {reference}',
      body: 'Saksbehandleren har sendt {report} for {reference} tilbake:\n\n{message}\n\nDere kan rette den og sende den igjen.',
    },
    en: {
      subject: '{ReportEn} returned – {reference}',
      body: 'The case officer has returned the {reportEn} for {reference}:\n\n{message}\n\nYou may correct it and send it again.',
    },
  },
  payout_request_sent: {
    nb: {
      subject: 'Anmodning om utbetaling – {reference}',
      body: '{organisation} ber om en delutbetaling på {amount} kr av tilskuddet i {scheme} ({reference}, anmodning {number}).',
    },
    en: {
      subject: 'Payout request – {reference}',
      body: '{organisation} asks for a part payment of NOK {amount} of the grant under {scheme} ({reference}, request {number}).',
    },
  },
  payout_request_approved: {
    nb: {
      subject: 'Utbetaling godkjent – {reference}',
      body: 'Anmodning {number} om utbetaling er godkjent med {amount} kr. Beløpet blir utbetalt til kontoen dere oppga.',
    },
    en: {
      subject: 'Payout approved – {reference}',
      body: 'Payout request {number} has been approved for NOK {amount}. It will be paid to the account you gave.',
    },
  },
  payout_request_returned: {
    nb: {
      subject: 'Anmodning om utbetaling sendt tilbake – {reference}',
      body: 'Saksbehandleren har sendt anmodning {number} tilbake:\n\n{message}\n\nDere kan rette den og sende den igjen.',
    },
    en: {
      subject: 'Payout request returned – {reference}',
      body: 'The case officer has returned payout request {number}:\n\n{message}\n\nYou may correct it and send it again.',
    },
  },
  payout_request_rejected: {
    nb: {
      subject: 'Anmodning om utbetaling avslått – {reference}',
      body: 'Anmodning {number} om utbetaling er avslått. Begrunnelse:\n\n{message}',
    },
    en: {
      subject: 'Payout request rejected – {reference}',
      body: 'Payout request {number} has been rejected. Grounds:\n\n{message}',
    },
  },
  // end of Payout requests
  // Cancellation and extension
  grant_cancelled: {
    nb: {
      subject: 'Vedtak om heving av tilsagn – {reference}',
      body: 'Tilsagnet til {organisation} om {scheme} ({reference}) er hevet. Det blir ikke utbetalt mer av tilskuddet, og ubetalt del av tilsagnet er frigitt.\n\nBegrunnelse:\n{cancellationGrounds}\n\nBeløp som kreves tilbakebetalt: {repaymentAmount} kr. Kreves noe tilbake, får dere et eget krav med frist.\n\nVedtaket kan påklages innen tre uker etter at dere mottok det (forvaltningsloven § 29). Se vedlagt brev i saken: vedtaksbrevet ligger som PDF i saken.',
    },
    en: {
      subject: 'Decision to cancel the grant – {reference}',
      body: 'The grant to {organisation} under {scheme} ({reference}) has been cancelled. Nothing more will be paid, and the unpaid part of the grant has been released.\n\nGrounds:\n{cancellationGrounds}\n\nAmount to be paid back: NOK {repaymentAmount}. If anything is claimed back, you will receive a separate claim with a due date.\n\nYou may appeal the decision within three weeks of receiving it. See the letter in the case: the decision letter is a PDF in the case.',
    },
  },
  cancellation_claim_raised: {
    nb: {
      subject: 'Krav om tilbakebetaling – {reference}',
      body: 'Tilsagnet for {reference} ({organisation}) er hevet, og {amount} kr av det som er utbetalt kreves tilbakebetalt. Beløpet må betales innen {dueAt}. Se vedlagt brev i saken: kravet med kontonummer og merking av betalingen ligger som PDF i saken.',
    },
    en: {
      subject: 'Repayment claim – {reference}',
      body: 'The grant for {reference} ({organisation}) has been cancelled, and NOK {amount} of what was paid is claimed back. Please pay it by {dueAt}. See the letter in the case: the claim with the account number and how to mark the payment is a PDF in the case.',
    },
  },
  appeal_lodged: {
    nb: {
      subject: 'Klage mottatt – {reference}',
      body: 'Vi har mottatt klagen fra {organisation} på vedtaket i {reference}. Fylkeskommunen vurderer den og omgjør vedtaket eller sender klagen til klagenemnda.',
    },
    en: {
      subject: 'Appeal received – {reference}',
      body: 'We have received the appeal from {organisation} against the decision in {reference}. The county will either reverse the decision or send the appeal to the appeals board.',
    },
  },
  appeal_proposal_ready: {
    nb: {
      subject: 'Forslag i klagesak venter – {reference}',
      body: 'Saksbehandleren har forberedt klagen i {reference} ({organisation}). Forslaget venter på vedtak.',
    },
    en: {
      subject: 'Proposal on an appeal awaits – {reference}',
      body: 'The case officer has prepared the appeal in {reference} ({organisation}). The proposal awaits a decision.',
    },
  },
  appeal_proposal_returned: {
    nb: {
      subject: 'Forslaget i klagesaken er sendt tilbake – {reference}',
      body: 'Forslaget i klagesaken {reference} er sendt tilbake til deg.',
    },
    en: {
      subject: 'The proposal on the appeal was returned – {reference}',
      body: 'The proposal on the appeal in {reference} was returned to you.',
    },
  },
  appeal_reversed: {
    nb: {
      subject: 'Vedtaket er omgjort – {reference}',
      body: 'Klagen fra {organisation} har ført fram, og vedtaket i {reference} er omgjort: tilskuddet er {amount} kr. Vedtaksbrevet ligger som PDF i saken.',
    },
    en: {
      subject: 'The decision was reversed – {reference}',
      body: 'The appeal from {organisation} succeeded and the decision in {reference} was reversed: the grant is NOK {amount}. The decision letter is a PDF in the case.',
    },
  },
  appeal_forwarded: {
    nb: {
      subject: 'Klagen er sendt til klagenemnda – {reference}',
      body: 'Fylkeskommunen har ikke endret vedtaket i {reference}, og klagen er sendt til klagenemnda. Brevet ligger som PDF i saken.',
    },
    en: {
      subject: 'The appeal was sent to the appeals board – {reference}',
      body: 'The county did not change the decision in {reference}, and the appeal was sent to the appeals board. The letter is a PDF in the case.',
    },
  },
  appeal_upheld: {
    nb: {
      subject: 'Vedtak i klagesak – {reference}',
      body: 'Klagenemnda har stadfestet vedtaket i {reference}. Vedtaksbrevet ligger som PDF i saken.',
    },
    en: {
      subject: 'Decision on the appeal – {reference}',
      body: 'The appeals board upheld the decision in {reference}. The decision letter is a PDF in the case.',
    },
  },
  appeal_quashed: {
    nb: {
      subject: 'Vedtaket er opphevet – {reference}',
      body: 'Klagenemnda har opphevet vedtaket i {reference} og sendt saken tilbake til ny behandling. Vedtaksbrevet ligger som PDF i saken.',
    },
    en: {
      subject: 'The decision was quashed – {reference}',
      body: 'The appeals board quashed the decision in {reference} and returned the case for a new assessment. The decision letter is a PDF in the case.',
    },
  },
  appeal_preparation_overdue: {
    nb: {
      subject: 'Klage venter på behandling – {reference}',
      body: 'Klagen i {reference} ({organisation}) er ennå ikke omgjort eller sendt til klagenemnda.',
    },
    en: {
      subject: 'An appeal awaits handling – {reference}',
      body: 'The appeal in {reference} ({organisation}) has not yet been reversed or sent to the appeals board.',
    },
  },
  cancellation_proposed: {
    nb: {
      subject: 'Forslag om heving av tilsagn – {reference}',
      body: 'Saksbehandleren foreslår å heve tilsagnet til {organisation} ({reference}) og kreve tilbake {repaymentAmount} kr. Begrunnelse:\n\n{cancellationGrounds}\n\nForslaget venter på vedtak.',
    },
    en: {
      subject: 'Proposal to cancel the grant – {reference}',
      body: 'The case officer proposes to cancel the grant to {organisation} ({reference}) and claim back NOK {repaymentAmount}. Grounds:\n\n{cancellationGrounds}\n\nThe proposal awaits a decision.',
    },
  },
  cancellation_dismissed: {
    nb: {
      subject: 'Tilsagnet heves ikke – {reference}',
      body: 'Forslaget om å heve tilsagnet for {reference} ({organisation}) er ikke vedtatt. Tilsagnet løper videre.',
    },
    en: {
      subject: 'The grant is not cancelled – {reference}',
      body: 'The proposal to cancel the grant for {reference} ({organisation}) was not adopted. The grant runs on.',
    },
  },
  extension_requested: {
    nb: {
      subject: 'Søknad om utsatt frist for sluttrapport – {reference}',
      body: '{organisation} ber om å få levere sluttrapporten for {reference} innen {requestedDueAt} i stedet for {reportDueAt}. Begrunnelse:\n\n{extensionReason}',
    },
    en: {
      subject: 'Request for a later final report deadline – {reference}',
      body: '{organisation} asks to deliver the final report for {reference} by {requestedDueAt} instead of {reportDueAt}. Reason:\n\n{extensionReason}',
    },
  },
  extension_granted: {
    nb: {
      subject: 'Utsatt frist for sluttrapport – {reference}',
      body: 'Dere har fått utsatt frist. Sluttrapporten for {reference} skal nå leveres innen {reportDueAt}.\n\n{extensionGrounds}\n\nSe vedlagt brev i saken: brevet ligger som PDF i saken.',
    },
    en: {
      subject: 'Final report deadline extended – {reference}',
      body: 'Your request was granted. The final report for {reference} is now due by {reportDueAt}.\n\n{extensionGrounds}\n\nSee the letter in the case: it is a PDF in the case.',
    },
  },
  extension_refused: {
    nb: {
      subject: 'Søknad om utsatt frist er avslått – {reference}',
      body: 'Dere får ikke utsatt frist for sluttrapporten for {reference}. Fristen er fortsatt {reportDueAt}.\n\nBegrunnelse:\n{extensionGrounds}\n\nSe vedlagt brev i saken: brevet ligger som PDF i saken.',
    },
    en: {
      subject: 'Request for a later deadline refused – {reference}',
      body: 'Your request for a later final report deadline for {reference} was refused. The deadline is still {reportDueAt}.\n\nGrounds:\n{extensionGrounds}\n\nSee the letter in the case: it is a PDF in the case.',
    },
  },
  // end of Cancellation and extension
  // Letters after the grant
  final_report_approved: {
    nb: {
      subject: 'Sluttrapporten er godkjent – {reference}',
      body: 'Sluttrapporten for {reference} ({organisation}) er godkjent, og tilskuddet er gjort opp. Se vedlagt brev i saken: sluttoppgjøret med endelig tilskudd, hva som er utbetalt og hva som gjenstår, ligger som PDF i saken.',
    },
    en: {
      subject: 'Final report approved – {reference}',
      body: 'The final report for {reference} ({organisation}) has been approved and the grant settled. See the letter in the case: the settlement with the final grant, what was paid and what is left is a PDF in the case.',
    },
  },
  // end of Letters after the grant
};

const GENERIC: Template = {
  nb: {
    subject: 'Nytt i sak {reference}',
    body: 'Det er en endring i saken {reference} ({scheme}, {organisation}).',
  },
  en: {
    subject: 'Update on case {reference}',
    body: 'There is an update on case {reference} ({scheme}, {organisation}).',
  },
};

/**
 * Renders a template in the wanted language, falling back to English, then to a generic text. The
 * e-mail ends with a link to the case page under `publicUrl` (the portal's front page when there is
 * no case reference, e.g. about a call or a frame).
 */
export function renderTemplate(
  template: string,
  locale: 'nb' | 'en',
  values: TemplateValues,
  publicUrl = 'http://localhost:3000',
): Text & { locale: 'nb' | 'en'; bodyAfterSend: string | null } {
  const chosen = TEMPLATES[template] ?? GENERIC;
  const text = (locale === 'nb' ? chosen.nb : undefined) ?? chosen.en;
  const used: 'nb' | 'en' = locale === 'nb' && chosen.nb ? 'nb' : 'en';
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
  const link = chosen.ownLink
    ? ''
    : values.reference
      ? caseLink[used](casePageUrl(publicUrl, values.reference))
      : portalLink[used](`${publicUrl.replace(/\/+$/, '')}/`);
  const numbered =
    values.caseNumber && values.reference ? caseNumberLine[used](values.caseNumber, values.reference) : '';
  const secret = chosen.secret ?? [];
  const kept = secret.length
    ? text.body.replace(/\{(\w+)\}/g, (_, name: string) =>
        secret.includes(name) ? REMOVED[used] : (values[name] ?? ''),
      )
    : null;
  return {
    locale: used,
    subject: fill(text.subject),
    body: fill(text.body) + numbered + sign[used] + link,
    bodyAfterSend: kept === null ? null : kept + numbered + sign[used] + link,
  };
}
