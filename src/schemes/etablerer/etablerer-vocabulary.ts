/** Closed vocabularies shared by the etablereropplæring call parameters, application form and rules. */

/** The scheme id under which entrepreneurship training for immigrants registers with the engine. */
export const ETABLERER_SCHEME_ID = 'etablerer';

/** Who may apply in Trøndelag (domain research §2.4), as the applicant describes itself. */
export const ETABLERER_APPLICANT_CATEGORIES = [
  /** Municipalities and other public bodies. */
  'public_body',
  /** Private organisations with expertise in starting businesses. */
  'private_expert_organisation',
  /** Voluntary organisations registered in Frivillighetsregisteret. */
  'voluntary_organisation',
] as const;
export type EtablererApplicantCategory = (typeof ETABLERER_APPLICANT_CATEGORIES)[number];

/** The Brønnøysund organisation forms that fit each applicant category. */
export const ETABLERER_CATEGORY_FORMS: Readonly<Record<EtablererApplicantCategory, readonly string[]>> = {
  public_body: ['KOMM', 'FYLK', 'KF', 'IKS', 'ORGL', 'STAT'],
  private_expert_organisation: ['AS', 'ASA', 'ENK', 'ANS', 'DA', 'SA', 'NUF', 'STI', 'FLI'],
  voluntary_organisation: ['FLI', 'STI'],
};

/**
 * Budget (kostnadsplan) categories: the eligible costs of training aid under GBER art. 31(3)
 * (domain research §2.4, §4.5), and `other` for what the article does not cover.
 */
export const ETABLERER_COST_CATEGORIES = [
  /** (a) Trainers' personnel costs, for the hours they train. */
  'trainer_personnel',
  /** (b) Trainers' and trainees' operating costs: travel and accommodation. */
  'travel_accommodation',
  /** (b) Materials and supplies directly related to the project. */
  'materials',
  /** (c) Advisory services linked to the training project. */
  'advisory_services',
  /** (d) Trainees' personnel costs, for the hours they take part. */
  'participant_personnel',
  /** (d) General indirect costs (administration, rent, overheads) for those hours. */
  'indirect_costs',
  /** Anything else (e.g. marketing): in the budget, but not an eligible cost under GBER art. 31. */
  'other',
] as const;
export type EtablererCostCategory = (typeof ETABLERER_COST_CATEGORIES)[number];

/** The categories that count as eligible costs under GBER art. 31. */
export const ETABLERER_GBER31_COST_CATEGORIES: readonly EtablererCostCategory[] = [
  'trainer_personnel',
  'travel_accommodation',
  'materials',
  'advisory_services',
  'participant_personnel',
  'indirect_costs',
];
