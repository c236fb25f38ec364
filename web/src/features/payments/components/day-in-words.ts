import type { Language } from '../../../i18n/format';

/** A calendar day (`2027-04-09`) in words: `9. april 2027` (`9 April 2027` in English). */
export function dayInWords(isoDate: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}
