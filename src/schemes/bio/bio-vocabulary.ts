/** Closed vocabularies shared by the BIO call parameters, the application form and the rules. */

/** The scheme id under which BIO registers with the engine. */
export const BIO_SCHEME_ID = 'bio';

/**
 * Legal basis for the aid. GBER art. 31 (training aid under the block exemption, with an intensity
 * ceiling and an ESA notice) or de minimis (bagatellmessig støtte, capped per undertaking over three years).
 */
export const BIO_STATE_AID_BASES = ['gber_art31', 'de_minimis'] as const;
export type BioStateAidBasis = (typeof BIO_STATE_AID_BASES)[number];

/** Cost plan (kostnadsplan) categories. */
export const BIO_COST_CATEGORIES = [
  /** Wages of employees for the hours they are in training. */
  'participant_wages',
  /** External provider or course fees: the "training costs" that must be ≥ 1/3 of eligible costs. */
  'provider_fees',
  /** Travel, per diem (diett) and accommodation. */
  'travel_subsistence',
  /** Project administration. */
  'administration',
] as const;
export type BioCostCategory = (typeof BIO_COST_CATEGORIES)[number];

/** Categories that together may make up at most a set share of total costs (Trøndelag: 10 %). */
export const BIO_TRAVEL_AND_ADMINISTRATION_CATEGORIES: readonly BioCostCategory[] = [
  'travel_subsistence',
  'administration',
];

/** Who delivers the training. */
export const BIO_PROVIDER_TYPES = [
  'university',
  'university_college',
  /** Fagskole. */
  'vocational_college',
  /** Videregående skole. */
  'upper_secondary',
  'private_provider',
  /** Training that comes with new machinery or software. */
  'equipment_supplier',
  /** The company's own staff train colleagues. */
  'in_house',
] as const;
export type BioProviderType = (typeof BIO_PROVIDER_TYPES)[number];

/** Company size as the call's caps see it: below the call's employee boundary, or not. */
export type BioSizeClass = 'small' | 'other';
