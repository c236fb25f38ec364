import type { EligibilityReason } from '../../../api/types';
import type { Language } from '../../../i18n/format';
import type { Translate } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/nb';

/** Each reason code's sentence; `{organisation}`, `{actual}` and `{required}` are filled in. */
const REASON_TEXT: Record<EligibilityReason['code'], MessageKey> = {
  organisation_form_not_eligible: 'apply.reason.organisation_form_not_eligible',
  too_few_employees: 'apply.reason.too_few_employees',
  too_many_employees: 'apply.reason.too_many_employees',
  outside_county: 'apply.reason.outside_county',
  outside_municipalities: 'apply.reason.outside_municipalities',
};

/** Brønnøysund's organisation forms in words (the register's codes follow in brackets). */
const FORM_NAMES: Record<string, Record<Language, string>> = {
  AS: { nb: 'aksjeselskap', en: 'private limited company' },
  ASA: { nb: 'allmennaksjeselskap', en: 'public limited company' },
  ENK: { nb: 'enkeltpersonforetak', en: 'sole proprietorship' },
  ANS: { nb: 'ansvarlig selskap', en: 'general partnership' },
  DA: { nb: 'selskap med delt ansvar', en: 'partnership with shared liability' },
  SA: { nb: 'samvirkeforetak', en: 'cooperative' },
  NUF: { nb: 'norskregistrert utenlandsk foretak', en: 'Norwegian branch of a foreign company' },
  KOMM: { nb: 'kommune', en: 'municipality' },
  FYLK: { nb: 'fylkeskommune', en: 'county authority' },
  STI: { nb: 'stiftelse', en: 'foundation' },
  FLI: { nb: 'forening, lag eller innretning', en: 'association' },
  IKS: { nb: 'interkommunalt selskap', en: 'inter-municipal company' },
};

const formName = (code: string, language: Language) => {
  const name = FORM_NAMES[code]?.[language];
  return name ? `${name} (${code})` : code;
};

/** A reason as a sentence: what the call asks for, and what the register says of the organisation. */
export function reasonText(
  reason: EligibilityReason,
  organisation: string,
  t: Translate,
  language: Language,
): string {
  const isForm = reason.rule === 'organisation_form';
  const word = (value: string) => (isForm ? formName(value, language) : value);
  const list = new Intl.ListFormat(language === 'nb' ? 'nb' : 'en-GB', { type: 'disjunction' });
  return t(REASON_TEXT[reason.code], {
    organisation,
    actual: word(reason.actual),
    required: list.format(reason.required.map(word)),
  });
}
