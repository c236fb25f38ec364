/*
 * GBER art. 31 (training aid, opplæringsstøtte under the block exemption): the aid intensity is 50 %
 * of eligible costs, plus 10 percentage points for medium-sized and 20 for small enterprises, at most
 * 70 % (domain research §4.5). Calls set their own intensity; under GBER it is graded down to the
 * ceiling of the applicant's size. De minimis aid has no intensity ceiling of its own.
 */

/** The legal basis of training aid: GBER art. 31 or de minimis (bagatellmessig støtte). */
export const TRAINING_AID_BASES = ['gber_art31', 'de_minimis'] as const;
export type TrainingAidBasis = (typeof TRAINING_AID_BASES)[number];

/** Enterprise size as GBER grades it (by registered employees, the headcount the kernel knows). */
export type EnterpriseSize = 'small' | 'medium' | 'large';

/** Fewer employees than this: a small enterprise. */
export const SMALL_ENTERPRISE_BELOW_EMPLOYEES = 50;
/** Fewer employees than this (and not small): a medium-sized enterprise. */
export const MEDIUM_ENTERPRISE_BELOW_EMPLOYEES = 250;

/** Small under 50 employees (49: small, 50: medium), medium under 250 (249: medium, 250: large). */
export function classifyEnterpriseSize(employeeCount: number): EnterpriseSize {
  if (employeeCount < SMALL_ENTERPRISE_BELOW_EMPLOYEES) return 'small';
  if (employeeCount < MEDIUM_ENTERPRISE_BELOW_EMPLOYEES) return 'medium';
  return 'large';
}

/** The base intensity of training aid, basis points (50 %). */
export const GBER_TRAINING_AID_BASE_BASIS_POINTS = 5000;

const BONUS_BASIS_POINTS: Readonly<Record<EnterpriseSize, number>> = { small: 2000, medium: 1000, large: 0 };

/** The highest intensity GBER art. 31 allows any enterprise (small: 50 % + 20 points). */
export const GBER_TRAINING_AID_MAX_BASIS_POINTS = 7000;

/** The highest training-aid intensity for an enterprise of this size, basis points: 70, 60 or 50 %. */
export function gberTrainingAidCeiling(size: EnterpriseSize): number {
  return Math.min(
    GBER_TRAINING_AID_BASE_BASIS_POINTS + BONUS_BASIS_POINTS[size],
    GBER_TRAINING_AID_MAX_BASIS_POINTS,
  );
}

/**
 * The intensity an applicant gets: the call's own intensity, under GBER no more than the ceiling of
 * the applicant's size (a 70 % call pays a large company 50 %).
 */
export function trainingAidIntensity(
  basis: TrainingAidBasis,
  callBasisPoints: number,
  employeeCount: number,
): number {
  if (basis !== 'gber_art31') return callBasisPoints;
  return Math.min(callBasisPoints, gberTrainingAidCeiling(classifyEnterpriseSize(employeeCount)));
}
