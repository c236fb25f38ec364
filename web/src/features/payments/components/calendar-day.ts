import type { Language } from '../../../i18n/format';

/** A calendar day (`2026-03-02`) as `02.03.2026` (`02/03/2026` in English). */
export function calendarDay(isoDate: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}
