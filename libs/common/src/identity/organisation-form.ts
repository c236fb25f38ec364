/**
 * Organisation forms as coded in the Brønnøysund register (organisasjonsform), limited to those
 * that apply for competence grants.
 */
export const ORGANISATION_FORMS = {
  AS: 'Private limited company (aksjeselskap)',
  ASA: 'Public limited company (allmennaksjeselskap)',
  ENK: 'Sole proprietorship (enkeltpersonforetak)',
  ANS: 'General partnership (ansvarlig selskap)',
  DA: 'Partnership with shared liability (selskap med delt ansvar)',
  SA: 'Cooperative (samvirkeforetak)',
  NUF: 'Norwegian branch of a foreign company (norskregistrert utenlandsk foretak)',
  STI: 'Foundation (stiftelse)',
  FLI: 'Association (forening/lag/innretning)',
  KOMM: 'Municipality (kommune)',
  FYLK: 'County authority (fylkeskommune)',
  KF: 'Municipal enterprise (kommunalt foretak)',
  IKS: 'Inter-municipal company (interkommunalt selskap)',
  ORGL: 'Unit of a public body (organisasjonsledd)',
  STAT: 'State body (staten)',
} as const;

export type OrganisationForm = keyof typeof ORGANISATION_FORMS;
export const ORGANISATION_FORM_CODES = Object.keys(ORGANISATION_FORMS) as OrganisationForm[];
