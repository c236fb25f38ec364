// Norwegian formatting of money and dates: Intl under fixed rules, so Node and every browser print
// the same (`kr 1 234 567`, `2. februar 2026`, Europe/Oslo). nb-NO groups digits with a no-break space.

export type Language = 'nb' | 'en';

const LOCALES: Record<Language, string> = { nb: 'nb-NO', en: 'en-GB' };
export const TIME_ZONE = 'Europe/Oslo';
const NBSP = '\u00a0';

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, fractionDigits: number): Intl.NumberFormat {
  const key = `${language}:${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    numberFormats.set(key, format);
  }
  return format;
}

/** Whole øre as kroner: `kr 1 234 567`, with øre only when there are any (`kr 1 234 567,50`). */
export function formatKroner(ore: number, language: Language = 'nb'): string {
  if (!Number.isSafeInteger(ore)) throw new RangeError(`øre must be a whole number, got ${ore}`);
  const number = numberFormat(language, ore % 100 === 0 ? 0 : 2).format(ore / 100);
  return language === 'nb' ? `kr${NBSP}${number}` : `NOK${NBSP}${number}`;
}

/** Minor units of a currency: kroner as `formatKroner` writes them, another currency by its code (`SEK 40 000`). */
export function formatMoney(minor: number, currency: string, language: Language = 'nb'): string {
  if (currency === 'NOK') return formatKroner(minor, language);
  if (!Number.isSafeInteger(minor)) throw new RangeError(`minor units must be a whole number, got ${minor}`);
  return `${currency}${NBSP}${numberFormat(language, minor % 100 === 0 ? 0 : 2).format(minor / 100)}`;
}

/** A plain number the Norwegian way: `1 234 567`. */
export function formatNumber(value: number, language: Language = 'nb'): string {
  return numberFormat(language, Number.isInteger(value) ? 0 : 2).format(value);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}:${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], { ...options, timeZone: TIME_ZONE });
    dateFormats.set(key, format);
  }
  return format;
}

/** An organisation number as people read it: `921 456 786`. */
export function formatOrganisationNumber(number: string): string {
  return /^\d{9}$/.test(number) ? `${number.slice(0, 3)} ${number.slice(3, 6)} ${number.slice(6)}` : number;
}

/** The calendar day in Norway: `2. februar 2026` (`2 February 2026`). */
export function formatDate(instant: string | Date, language: Language = 'nb'): string {
  return dateFormat(language, { dateStyle: 'long' }).format(new Date(instant));
}

/** Day and Norwegian clock time: `2. februar 2026 kl. 09:00` (`2 February 2026 at 09:00`). */
export function formatDateTime(instant: string | Date, language: Language = 'nb'): string {
  return dateFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(instant));
}

/** The day as a machine-readable `YYYY-MM-DD` in Norway, for `<time dateTime>`. */
export function isoDateInNorway(instant: string | Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date(instant));
}

/** A scheme reason's sentence in `language`; its English `message` when the server sent no `text`. */
export function reasonSentence(
  reason: { readonly message: string; readonly text?: { readonly nb: string; readonly en: string } },
  language: Language,
): string {
  return reason.text?.[language] ?? reason.message;
}

/** A Norwegian account number as people read it: `8601 11 17947`. */
export function formatAccountNumber(number: string): string {
  return /^\d{11}$/.test(number) ? `${number.slice(0, 4)} ${number.slice(4, 6)} ${number.slice(6)}` : number;
}

/** A calendar date (YYYY-MM-DD) as the end of that day in Norway, with its offset. */
export function endOfDayInNorway(date: string): string {
  const noon = new Date(`${date}T12:00:00Z`);
  const offset =
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', timeZoneName: 'longOffset' })
      .formatToParts(noon)
      .find((part) => part.type === 'timeZoneName')
      ?.value.replace('GMT', '') || '+00:00';
  return `${date}T23:59:00${offset}`;
}
