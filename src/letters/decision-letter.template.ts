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

/**
 * Everything a decision letter (vedtaksbrev) says, stored with the letter: the PDF is drawn from these
 * and nothing else, so it can be drawn again byte for byte. Never change the meaning of a field;
 * add a new `version` instead.
 */
export interface DecisionLetterInputs {
  /** 1: the application's reference alone; 2: its case number (saksnummer) too. */
  readonly version: 1 | 2;
  readonly kind: LetterKind;
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
  cancellation: 'Vedtak om bortfall av tilsagn',
  settlement: 'Vedtak om sluttoppgjør',
  appeal_outcome: 'Vedtak i klagesak',
  appeal_forwarded: 'Klagen er sendt til klagenemnda',
};

/** The letter's title, as the case page and the list of letters name it. */
export const letterTitle = (kind: LetterKind) => TITLES[kind];

/**
 * The paragraphs of a letter as plain text, in order: what the PDF shows, for tests and for reading
 * a letter without a PDF viewer.
 */
export function letterText(input: DecisionLetterInputs): string[] {
  const lines: string[] = [
    input.countyName,
    ...letterHeader(input),
    `${input.organisationName} (org.nr. ${input.organisationNumber})`,
    `${TITLES[input.kind]} – ${input.schemeName}`,
  ];
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
  if (input.grounds) lines.push('Begrunnelse', input.grounds);
  if (input.appealCase?.note) lines.push('Vurdering', input.appealCase.note);
  if (input.conditions.length > 0) lines.push('Vilkår', ...input.conditions.map((c) => `• ${c}`));
  if (input.paymentPlan.length > 0) {
    lines.push(
      'Utbetaling',
      ...input.paymentPlan.map((p) => `${p.label}: ${letterAmount(p.amountOre)} – ${when(p)}`),
    );
  }
  if (input.acceptanceLastDay) {
    lines.push(
      'Frister',
      `Tilsagnet må aksepteres i søknadsportalen senest ${letterDate(input.acceptanceLastDay)}. Blir det ikke akseptert innen fristen, faller det bort.`,
    );
  }
  lines.push('Hjemmel', input.legalBasis);
  if (input.appeal) {
    lines.push(
      'Klageadgang',
      `Dere kan klage på vedtaket innen tre uker fra det kom fram til dere (forvaltningsloven §§ 28 og 29). Kom vedtaket fram ${letterDate(input.decisionDate)}, er siste dag for å klage ${letterDate(input.appeal.lastDay)}.`,
      `Klagen sendes til ${input.appeal.sendTo}, som fattet vedtaket (forvaltningsloven § 32). Den skal være skriftlig og undertegnet, vise til saksnummer ${input.caseNumber ?? input.reference}, si hva dere ønsker endret, og bør begrunnes. Endrer ikke ${input.appeal.sendTo} vedtaket, sendes klagen videre til klageinstansen.`,
      'Dere har rett til å se dokumentene i saken (forvaltningsloven §§ 18 og 19).',
    );
  }
  const board = input.appealCase?.decidedBy === 'appeals_board' && input.appealCase.result !== 'quashed';
  if (board)
    lines.push('Vedtaket i klagesaken er endelig og kan ikke påklages (forvaltningsloven § 28 tredje ledd).');
  return lines;
}

/** The appeals board (klagenemnda) of a county, as letters name it. */
export const appealsBoardName = (countyName: string) => `klagenemnda i ${countyName}`;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The opening paragraphs of a letter on an appeal: what came in, and what became of it. */
function appealOpening(input: DecisionLetterInputs, appeal: LetterAppealCase): string[] {
  const decision = appeal.against === 'grant' ? 'tilsagnet' : 'avslaget';
  const lines = [
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

/** The header at the right: the date, the case number (from version 2) and the reference. */
function letterHeader(input: DecisionLetterInputs): string[] {
  return [
    `Dato: ${letterDate(input.decisionDate)}`,
    ...(input.caseNumber ? [`Saksnummer: ${input.caseNumber}`] : []),
    `Vår referanse: ${input.reference}`,
  ];
}

/** Headings among `letterText`'s paragraphs, drawn bold in the PDF. */
const HEADINGS = new Set([
  'Begrunnelse',
  'Vurdering',
  'Vilkår',
  'Utbetaling',
  'Frister',
  'Hjemmel',
  'Klageadgang',
]);

/** The pdfmake document of a letter: A4, the bundled Roboto fonts, metadata fixed by the inputs. */
export function letterDocument(input: DecisionLetterInputs): TDocumentDefinitions {
  const header = letterHeader(input);
  const [county, ...rest] = letterText(input);
  const [recipient, title, ...body] = rest.slice(header.length);
  const decided = new Date(input.decidedAt);
  const content: Content[] = [
    { text: county, style: 'county' },
    {
      columns: [{ text: recipient }, { stack: header, alignment: 'right' }],
      margin: [0, 24, 0, 24],
    },
    { text: title, style: 'title' },
    ...body.map((line): Content =>
      HEADINGS.has(line) ? { text: line, style: 'heading' } : { text: line, margin: [0, 0, 0, 6] },
    ),
  ];
  return {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    language: 'nb-NO',
    info: {
      title: `${TITLES[input.kind]} – ${input.caseNumber ?? input.reference}`,
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
export async function renderLetter(input: DecisionLetterInputs): Promise<Buffer> {
  return pdfmake.createPdf(letterDocument(input)).getBuffer();
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
