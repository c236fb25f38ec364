import {
  TRAINING_AID_BASES,
  TRAINING_COST_CATEGORIES,
  type TrainingAidBasis,
  type TrainingCostCategory,
} from '@lib/engine';

/** Closed vocabularies shared by the BIO call parameters, the application form and the rules. */

/** The scheme id under which BIO registers with the engine. */
export const BIO_SCHEME_ID = 'bio';

/** Legal basis for the aid: GBER art. 31 (intensity graded by company size) or de minimis. */
export const BIO_STATE_AID_BASES = TRAINING_AID_BASES;
export type BioStateAidBasis = TrainingAidBasis;

/** Cost plan (kostnadsplan) categories: those of training aid (wages, provider fees, travel, administration). */
export const BIO_COST_CATEGORIES = TRAINING_COST_CATEGORIES;
export type BioCostCategory = TrainingCostCategory;

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
