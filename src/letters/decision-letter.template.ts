import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { addDays } from '@lib/common';
import type { LetterKind } from '@lib/engine';

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
}

/** Three weeks from the decision date: the appeal period of forvaltningsloven § 29. */
export const APPEAL_PERIOD_DAYS = 21;

/** The last day to appeal a decision made on `decisionDate` (ISO calendar date). */
export function appealLastDay(decisionDate: string): string {
  return addDays(decisionDate, APPEAL_PERIOD_DAYS);
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
  if (input.kind === 'grant' && input.amountOre !== null) {
    lines.push(
      `Vi viser til søknaden deres under utlysningen «${input.callTitle}». ${input.countyName} har vedtatt å gi ${input.organisationName} et tilskudd på ${letterAmount(input.amountOre)}.`,
    );
  } else {
    lines.push(
      `Vi viser til søknaden deres under utlysningen «${input.callTitle}». ${input.countyName} har vedtatt å avslå søknaden.`,
    );
  }
  if (input.grounds) lines.push('Begrunnelse', input.grounds);
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
const HEADINGS = new Set(['Begrunnelse', 'Vilkår', 'Utbetaling', 'Frister', 'Hjemmel', 'Klageadgang']);

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
