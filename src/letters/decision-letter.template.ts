import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { LetterKind } from '@lib/engine';

export { APPEAL_PERIOD_DAYS, appealLastDay } from '@lib/engine';
export { LETTER_KINDS, type LetterKind } from '@lib/engine';

/** One line of the payment plan as the letter states it. */
export interface LetterInstalment {
  readonly label: string;
  readonly amountOre: number;
  /** When it is paid: on acceptance, on the final report, or on a date (ISO calendar date). */
  readonly on: 'acceptance' | 'final_report' | 'date';
  readonly date: string | null;
}

/** Where and by when a decision may be appealed (klage), under forvaltningsloven §§ 28, 29 and 32. */
export interface LetterAppeal {
  /** The body the appeal is sent to: the county that decided. */
  readonly sendTo: string;
  /** The last day, three weeks after the decision date (ISO calendar date). */
  readonly lastDay: string;
}

/** Who writes to whom about which case, and when: the head of every letter. */
export interface LetterParties {
  readonly countyName: string;
  readonly organisationName: string;
  readonly organisationNumber: string;
  /** The application's reference, e.g. BIO-2026-000042 (in version 1 letters, their only number). */
  readonly reference: string;
  /** Version 2: the case number (saksnummer), e.g. 2026/BIO/0042, first in the header. */
  readonly caseNumber?: string;
  readonly schemeName: string;
  readonly callTitle: string;
  /** When the decision was made (ISO instant); it also dates the PDF's metadata. */
  readonly decidedAt: string;
  /** The decision date in Norway (ISO calendar date). */
  readonly decisionDate: string;
}

/** Kinds whose inputs are `DecisionLetterInputs`: the decision on the application. */
export type ApplicationDecisionKind = Exclude<
  LetterKind,
  'cancellation' | 'settlement' | 'repayment_claim' | 'extension_granted' | 'extension_refused'
>;

/**
 * A letter's inputs version: 1, the application's reference alone; 2, its case number (saksnummer)
 * too. Every kind follows the same rule, so a letter kept as version 1 draws as it always did.
 */
export type LetterInputsVersion = 1 | 2;

/**
 * Everything a decision letter (vedtaksbrev) on the application says, stored with the letter: the
 * PDF is drawn from these and nothing else, so it can be drawn again byte for byte. Never change the
 * meaning of a field of any letter's inputs; add a new `version` instead.
 */
export interface DecisionLetterInputs extends LetterParties {
  readonly version: LetterInputsVersion;
  readonly kind: ApplicationDecisionKind;
  /** The amount granted, øre; null for a rejection. */
  readonly amountOre: number | null;
  readonly paymentPlan: readonly LetterInstalment[];
  readonly grounds: string | null;
  readonly conditions: readonly string[];
  /** What the decision rests on (hjemmel), as the call names it. */
  readonly legalBasis: string;
  /** The last day to accept a grant (ISO calendar date); null for a rejection. */
  readonly acceptanceLastDay: string | null;
  /** Null when the decision is not appealable (the call says so, e.g. grants to municipalities). */
  readonly appeal: LetterAppeal | null;
  /** Letters on an appeal only (kinds `appeal_outcome` and `appeal_forwarded`). */
  readonly appealCase?: LetterAppealCase;
}

/**
 * What a letter on an appeal (klage) says of it: when it came, whether late, and what became of it
 * (`forwarded`: sent to the appeals board; the rest are outcomes). Absent in every other letter.
 */
export interface LetterAppealCase {
  /** When the appeal was received (ISO calendar date). */
  readonly lodgedDate: string;
  readonly late: boolean;
  readonly against: 'grant' | 'rejection';
  readonly result: 'forwarded' | 'reversed' | 'upheld' | 'quashed';
  /** Who decided: the county that made the decision, or the appeals board. */
  readonly decidedBy: 'first_instance' | 'appeals_board';
  /** The appeals board as the letter names it. */
  readonly boardName: string;
  /** The county's preparation note sent with the case to the board (forwarded only). */
  readonly note: string | null;
}

/** A repayment claim (tilbakebetalingskrav) as a letter states it: what to pay, by when, where. */
export interface LetterClaim {
  readonly amountOre: number;
  /** The last day to pay (ISO calendar date). */
  readonly dueDate: string;
  /** The county's account (11 digits); null when the county has not set it. */
  readonly account: string | null;
  /** What the payment is to be marked with: the case reference. */
  readonly message: string;
}

/** Heving: the grant is cancelled; what was paid, what goes back to the frame, what is claimed back. */
export interface CancellationLetterInputs extends LetterParties {
  readonly version: LetterInputsVersion;
  readonly kind: 'cancellation';
  readonly grantedOre: number;
  /** Paid out, net of repayments, when the grant was cancelled. */
  readonly paidOre: number;
  /** Released to the frame, this decision's release included. */
  readonly releasedOre: number;
  readonly grounds: string;
  readonly claim: LetterClaim | null;
  readonly legalBasis: string;
  readonly appeal: LetterAppeal | null;
}

/** Sluttoppgjør: the final report approved and the grant settled on its final amount. */
export interface SettlementLetterInputs extends LetterParties {
  readonly version: LetterInputsVersion;
  readonly kind: 'settlement';
  readonly grantedOre: number;
  /** The costs of the approved final payout request (sluttutbetalingsanmodning); null without one. */
  readonly approvedCostsOre: number | null;
  readonly finalPayableOre: number;
  /** Paid out, net of repayments, when the report was approved. */
  readonly paidOre: number;
  /** The final payment still to make. */
  readonly toPayOre: number;
  /** Released to the frame, this settlement's release included. */
  readonly releasedOre: number;
  readonly claim: LetterClaim | null;
  readonly legalBasis: string;
  readonly appeal: LetterAppeal | null;
}

/** Tilbakebetalingskrav: the claim a settlement or a heving raised, as a demand for payment. */
export interface RepaymentClaimLetterInputs extends LetterParties {
  readonly version: LetterInputsVersion;
  readonly kind: 'repayment_claim';
  /** The decision the claim follows from. */
  readonly cause: 'settlement' | 'cancellation';
  readonly claim: LetterClaim;
  readonly legalBasis: string;
}

/** Utsatt frist: the answer to a request for a later final report deadline. */
export interface ExtensionLetterInputs extends LetterParties {
  readonly version: LetterInputsVersion;
  readonly kind: 'extension_granted' | 'extension_refused';
  /** The deadline when the request was made (ISO calendar date). */
  readonly previousDueDate: string;
  readonly requestedDueDate: string;
  /** The deadline given (ISO calendar date); null when refused. */
  readonly newDueDate: string | null;
  readonly grounds: string | null;
  readonly legalBasis: string;
}

/** Everything any letter says, stored with it: the PDF is drawn from these alone. */
export type LetterInputs =
  | DecisionLetterInputs
  | CancellationLetterInputs
  | SettlementLetterInputs
  | RepaymentClaimLetterInputs
  | ExtensionLetterInputs;

const MONTHS = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];

/** `2026-12-24` → `24. desember 2026`, as a letter writes a date (fixed words, not the runtime's locale data). */
export function letterDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return `${d}. ${MONTHS[m - 1]} ${y}`;
}

/** `123456789` øre → `kr 1 234 567,89`; whole kroner without decimals (`kr 300 000`), no-break spaces. */
export function letterAmount(ore: number): string {
  const kroner = Math.trunc(ore / 100);
  const rest = ore % 100;
  const grouped = String(kroner).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `kr\u00a0${grouped}${rest === 0 ? '' : ',' + String(rest).padStart(2, '0')}`;
}

function when(line: LetterInstalment): string {
  switch (line.on) {
    case 'acceptance':
      return 'Når tilsagnet er akseptert';
    case 'final_report':
      return 'Når sluttrapporten er godkjent';
    case 'date':
      return line.date ? letterDate(line.date) : '';
  }
}

const TITLES: Record<LetterKind, string> = {
  grant: 'Tilsagn om tilskudd',
  rejection: 'Avslag på søknad om tilskudd',
  cancellation: 'Vedtak om heving',
  settlement: 'Sluttoppgjør',
  appeal_outcome: 'Vedtak i klagesak',
  appeal_forwarded: 'Klagen er sendt til klagenemnda',
  repayment_claim: 'Tilbakebetalingskrav',
  extension_granted: 'Utsatt frist innvilget',
  extension_refused: 'Søknad om utsatt frist avslått',
};

/** The letter's title, as the case page and the list of letters name it. */
export const letterTitle = (kind: LetterKind) => TITLES[kind];

/** `12345678903` → `1234.56.78903`, as an account number is written. */
export function letterAccount(account: string): string {
  return `${account.slice(0, 4)}.${account.slice(4, 6)}.${account.slice(6)}`;
}

/** A paragraph of a letter: text, or a heading drawn bold. */
type Paragraph = string | { readonly heading: string };
const heading = (text: string): Paragraph => ({ heading: text });
const textOf = (p: Paragraph) => (typeof p === 'string' ? p : p.heading);

/** The header at the right: the date, the case number (from version 2) and the reference. */
function letterHeader(input: LetterParties): string[] {
  return [
    `Dato: ${letterDate(input.decisionDate)}`,
    ...(input.caseNumber ? [`Saksnummer: ${input.caseNumber}`] : []),
    `Vår referanse: ${input.reference}`,
  ];
}

/** The head every letter starts with: county, header (date, case number, reference), recipient, title. */
function head(input: LetterInputs): string[] {
  return [
    input.countyName,
    ...letterHeader(input),
    `${input.organisationName} (org.nr. ${input.organisationNumber})`,
    `${TITLES[input.kind]} – ${input.schemeName}`,
  ];
}

/** The number a letter is known by: the case number when it has one, else the reference. */
const caseReference = (input: LetterParties) => input.caseNumber ?? input.reference;

const legalBasisBlock = (legalBasis: string): Paragraph[] => [heading('Hjemmel'), legalBasis];

/** The right to appeal an individual decision (forvaltningsloven §§ 18, 19, 28, 29 and 32). */
function appealBlock(input: LetterParties, appeal: LetterAppeal | null): Paragraph[] {
  if (!appeal) return [];
  return [
    heading('Klageadgang'),
    `Dere kan klage på vedtaket innen tre uker fra det kom fram til dere (forvaltningsloven §§ 28 og 29). Kom vedtaket fram ${letterDate(input.decisionDate)}, er siste dag for å klage ${letterDate(appeal.lastDay)}.`,
    `Klagen sendes til ${appeal.sendTo}, som fattet vedtaket (forvaltningsloven § 32). Den skal være skriftlig og undertegnet, vise til saksnummer ${caseReference(input)}, si hva dere ønsker endret, og bør begrunnes. Endrer ikke ${appeal.sendTo} vedtaket, sendes klagen videre til klageinstansen.`,
    'Dere har rett til å se dokumentene i saken (forvaltningsloven §§ 18 og 19).',
  ];
}

/** What to pay back, by when, to which account and marked how. */
function claimBlock(input: LetterParties, claim: LetterClaim | null): Paragraph[] {
  if (!claim) return [];
  return [
    heading('Tilbakebetaling'),
    `Dere må betale tilbake ${letterAmount(claim.amountOre)} innen ${letterDate(claim.dueDate)}.`,
    claim.account
      ? `Beløpet betales til ${input.countyName}, kontonummer ${letterAccount(claim.account)}, merket «${claim.message}».`
      : `Beløpet betales til ${input.countyName}, merket «${claim.message}». Kontonummeret får dere ved å kontakte ${input.countyName}.`,
  ];
}

/** The appeals board (klagenemnda) of a county, as letters name it. */
export const appealsBoardName = (countyName: string) => `klagenemnda i ${countyName}`;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The opening paragraphs of a letter on an appeal: what came in, and what became of it. */
function appealOpening(input: DecisionLetterInputs, appeal: LetterAppealCase): Paragraph[] {
  const decision = appeal.against === 'grant' ? 'tilsagnet' : 'avslaget';
  const lines: Paragraph[] = [
    `Vi viser til klagen deres mottatt ${letterDate(appeal.lodgedDate)} på ${decision} under utlysningen «${input.callTitle}».`,
  ];
  if (appeal.late)
    lines.push(
      'Klagen kom fram etter klagefristen. Den er likevel tatt under behandling (forvaltningsloven § 31).',
    );
  const decider = appeal.decidedBy === 'appeals_board' ? capitalised(appeal.boardName) : input.countyName;
  switch (appeal.result) {
    case 'forwarded':
      lines.push(
        `${input.countyName} har vurdert klagen og ikke funnet grunn til å endre vedtaket. Saken er sendt til ${appeal.boardName} for avgjørelse (forvaltningsloven § 33). Dere får vedtaket i klagesaken når ${appeal.boardName} har behandlet den.`,
      );
      break;
    case 'reversed':
      lines.push(
        `${decider} har omgjort vedtaket og gitt ${input.organisationName} et tilskudd på ${letterAmount(input.amountOre ?? 0)}.`,
      );
      break;
    case 'upheld':
      lines.push(`${decider} har behandlet klagen og stadfestet vedtaket. Klagen har ikke ført fram.`);
      break;
    case 'quashed':
      lines.push(
        `${decider} har opphevet vedtaket og sendt saken tilbake til ${input.countyName} for ny behandling. Dere får et nytt vedtak.`,
      );
      break;
  }
  return lines;
}

function decisionBody(input: DecisionLetterInputs): Paragraph[] {
  const lines: Paragraph[] = [];
  if (input.appealCase) {
    lines.push(...appealOpening(input, input.appealCase));
  } else if (input.kind === 'grant' && input.amountOre !== null) {
    lines.push(
      `Vi viser til søknaden deres under utlysningen «${input.callTitle}». ${input.countyName} har vedtatt å gi ${input.organisationName} et tilskudd på ${letterAmount(input.amountOre)}.`,
    );
  } else {
    lines.push(
      `Vi viser til søknaden deres under utlysningen «${input.callTitle}». ${input.countyName} har vedtatt å avslå søknaden.`,
    );
  }
  if (input.grounds) lines.push(heading('Begrunnelse'), input.grounds);
  if (input.appealCase?.note) lines.push(heading('Vurdering'), input.appealCase.note);
  if (input.conditions.length > 0) lines.push(heading('Vilkår'), ...input.conditions.map((c) => `• ${c}`));
  if (input.paymentPlan.length > 0) {
    lines.push(
      heading('Utbetaling'),
      ...input.paymentPlan.map((p) => `${p.label}: ${letterAmount(p.amountOre)} – ${when(p)}`),
    );
  }
  if (input.acceptanceLastDay) {
    lines.push(
      heading('Frister'),
      `Tilsagnet må aksepteres i søknadsportalen senest ${letterDate(input.acceptanceLastDay)}. Blir det ikke akseptert innen fristen, faller det bort.`,
    );
  }
  lines.push(...legalBasisBlock(input.legalBasis), ...appealBlock(input, input.appeal));
  const board = input.appealCase?.decidedBy === 'appeals_board' && input.appealCase.result !== 'quashed';
  if (board)
    lines.push('Vedtaket i klagesaken er endelig og kan ikke påklages (forvaltningsloven § 28 tredje ledd).');
  return lines;
}

function cancellationBody(input: CancellationLetterInputs): Paragraph[] {
  return [
    `Vi viser til tilsagnet om tilskudd til ${input.organisationName} under utlysningen «${input.callTitle}». ${input.countyName} har vedtatt å heve tilsagnet. Det blir ikke utbetalt mer av tilskuddet.`,
    heading('Begrunnelse'),
    input.grounds,
    heading('Oppgjør'),
    `Tilsagn: ${letterAmount(input.grantedOre)}`,
    `Utbetalt: ${letterAmount(input.paidOre)}`,
    `Frigitt, ikke utbetalt: ${letterAmount(input.releasedOre)}`,
    `Kreves tilbakebetalt: ${letterAmount(input.claim?.amountOre ?? 0)}`,
    ...claimBlock(input, input.claim),
    ...legalBasisBlock(input.legalBasis),
    ...appealBlock(input, input.appeal),
  ];
}

function settlementBody(input: SettlementLetterInputs): Paragraph[] {
  const lines: Paragraph[] = [
    `Vi viser til sluttrapporten for tilskuddet under utlysningen «${input.callTitle}». ${input.countyName} har godkjent rapporten og vedtatt at tilskuddet til ${input.organisationName} blir ${letterAmount(input.finalPayableOre)}.`,
    heading('Oppgjør'),
    `Tilsagn: ${letterAmount(input.grantedOre)}`,
  ];
  if (input.approvedCostsOre !== null)
    lines.push(`Godkjente kostnader: ${letterAmount(input.approvedCostsOre)}`);
  lines.push(
    `Endelig tilskudd: ${letterAmount(input.finalPayableOre)}`,
    `Utbetalt: ${letterAmount(input.paidOre)}`,
    `Gjenstår å utbetale: ${letterAmount(input.toPayOre)}`,
    `Frigitt, ikke brukt av tilsagnet: ${letterAmount(input.releasedOre)}`,
  );
  if (input.toPayOre > 0)
    lines.push(
      `Sluttutbetalingen på ${letterAmount(input.toPayOre)} utbetales til kontoen dere har oppgitt.`,
    );
  return [
    ...lines,
    ...claimBlock(input, input.claim),
    ...legalBasisBlock(input.legalBasis),
    ...appealBlock(input, input.appeal),
  ];
}

function repaymentClaimBody(input: RepaymentClaimLetterInputs): Paragraph[] {
  const decision = input.cause === 'settlement' ? 'sluttoppgjøret' : 'vedtaket om heving av tilsagnet';
  return [
    `${input.countyName} krever tilbake ${letterAmount(input.claim.amountOre)} av tilskuddet til ${input.organisationName} under utlysningen «${input.callTitle}». Kravet følger av ${decision}, som dere får i eget brev av ${letterDate(input.decisionDate)}.`,
    ...claimBlock(input, input.claim),
    'Er beløpet ikke betalt innen fristen, får dere en påminnelse, og kravet følges opp videre.',
    ...legalBasisBlock(input.legalBasis),
  ];
}

function extensionBody(input: ExtensionLetterInputs): Paragraph[] {
  const intro = `Vi viser til søknaden deres om å få levere sluttrapporten for tilskuddet under utlysningen «${input.callTitle}» innen ${letterDate(input.requestedDueDate)} i stedet for ${letterDate(input.previousDueDate)}.`;
  const lines: Paragraph[] =
    input.kind === 'extension_granted' && input.newDueDate
      ? [
          `${intro} ${input.countyName} har innvilget utsatt frist.`,
          heading('Ny frist'),
          `Sluttrapporten skal leveres senest ${letterDate(input.newDueDate)}.`,
        ]
      : [
          `${intro} ${input.countyName} har avslått søknaden.`,
          heading('Frist'),
          `Fristen for sluttrapporten er fortsatt ${letterDate(input.previousDueDate)}.`,
        ];
  if (input.grounds) lines.push(heading('Begrunnelse'), input.grounds);
  return [...lines, ...legalBasisBlock(input.legalBasis)];
}

function bodyOf(input: LetterInputs): Paragraph[] {
  switch (input.kind) {
    case 'cancellation':
      return cancellationBody(input);
    case 'settlement':
      return settlementBody(input);
    case 'repayment_claim':
      return repaymentClaimBody(input);
    case 'extension_granted':
    case 'extension_refused':
      return extensionBody(input);
    default:
      return decisionBody(input);
  }
}

/**
 * The paragraphs of a letter as plain text, in order: what the PDF shows, for tests and for reading
 * a letter without a PDF viewer.
 */
export function letterText(input: LetterInputs): string[] {
  return [...head(input), ...bodyOf(input).map(textOf)];
}

/** The pdfmake document of a letter: A4, the bundled Roboto fonts, metadata fixed by the inputs. */
export function letterDocument(input: LetterInputs): TDocumentDefinitions {
  const header = letterHeader(input);
  const [county, ...rest] = head(input);
  const [recipient, title] = rest.slice(header.length);
  const decided = new Date(input.decidedAt);
  const content: Content[] = [
    { text: county, style: 'county' },
    {
      columns: [{ text: recipient }, { stack: header, alignment: 'right' }],
      margin: [0, 24, 0, 24],
    },
    { text: title, style: 'title' },
    ...bodyOf(input).map((p): Content =>
      typeof p === 'string' ? { text: p, margin: [0, 0, 0, 6] } : { text: p.heading, style: 'heading' },
    ),
  ];
  return {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    language: 'nb-NO',
    info: {
      title: `${TITLES[input.kind]} – ${caseReference(input)}`,
      author: input.countyName,
      subject: input.schemeName,
      creator: 'grant-engine',
      producer: 'grant-engine',
      // Fixed by the inputs, so the same letter is the same bytes (the file ID is derived from these).
      creationDate: decided,
      modDate: decided,
    },
    content,
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.2 },
    styles: {
      county: { fontSize: 14, bold: true },
      title: { fontSize: 15, bold: true, margin: [0, 0, 0, 12] },
      heading: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
    },
  };
}

/** The fonts shipped inside pdfmake: read from its own folder, never from the network. */
const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => resolve(path).startsWith(FONT_DIR));

/** Draws the letter as PDF bytes; the same inputs give the same bytes with the same library version. */
export async function renderLetter(input: LetterInputs): Promise<Buffer> {
  return pdfmake.createPdf(letterDocument(input)).getBuffer();
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
