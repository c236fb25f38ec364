/**
 * Closed vocabularies of Jobbsjansen del B ("mer grunnskoleopplæring til innvandrerungdom"): extra
 * primary-level schooling for immigrant youth aged 16–24 (domain research §2.2).
 */

/** The scheme id under which Jobbsjansen registers with the engine. */
export const JOBBSJANSEN_SCHEME_ID = 'jobbsjansen';

/**
 * Organisation forms a Jobbsjansen call may open to. Del B is not a company grant: before 2020 the
 * counties applied to IMDi; since the money moved to the counties, municipalities and the county's
 * own units are the applicants (§0.5, §2.2). ORGL covers a county's own school or unit.
 */
export const JOBBSJANSEN_PUBLIC_ORGANISATION_FORMS = ['KOMM', 'FYLK', 'KF', 'IKS', 'ORGL'] as const;

/**
 * Cost plan (kostnadsplan) categories. The first four are what IMDi's del B rules allow (teacher
 * resources, teaching material, running the offer, project staff); `ordinary_operations` exists so
 * that an applicant can say what it is, and is refused at submit: the grant may not fund ordinary
 * operations (ordinær drift).
 */
export const JOBBSJANSEN_COST_CATEGORIES = [
  /** Teacher resources (lærerressurser). */
  'teaching_staff',
  /** Teaching material (læremidler). */
  'teaching_materials',
  /** Running the offer (drift av tilbudet): premises, transport, equipment for the course. */
  'running_costs',
  /** Project management and coordination (prosjektstilling). */
  'project_staff',
  /** The municipality's or county's ordinary operations (ordinær drift): never eligible. */
  'ordinary_operations',
] as const;
export type JobbsjansenCostCategory = (typeof JOBBSJANSEN_COST_CATEGORIES)[number];

export const JOBBSJANSEN_ELIGIBLE_COST_CATEGORIES: readonly JobbsjansenCostCategory[] = [
  'teaching_staff',
  'teaching_materials',
  'running_costs',
  'project_staff',
];

/**
 * Age bands of the target group (16–24). Participants are counted per band, never listed by name
 * or birth date: the application holds counts only (data minimisation, §4.4).
 */
export const JOBBSJANSEN_AGE_BANDS = ['aged16to18', 'aged19to21', 'aged22to24'] as const;
export type JobbsjansenAgeBand = (typeof JOBBSJANSEN_AGE_BANDS)[number];

/** What became of a participant, as the report states it per participant and in sum. */
export const JOBBSJANSEN_OUTCOMES = [
  /** Completed the primary-level schooling (grunnskoleopplæring). */
  'completed',
  /** Went on to upper secondary education (videregående opplæring): the scheme's goal. */
  'continued_upper_secondary',
  /** Went into work. */
  'work',
  /** Left the offer without completing (avbrudd). */
  'dropped_out',
] as const;
export type JobbsjansenOutcome = (typeof JOBBSJANSEN_OUTCOMES)[number];

/** The project-level result field that counts each outcome. */
export const JOBBSJANSEN_OUTCOME_RESULT_FIELDS = {
  completed: 'completed',
  continued_upper_secondary: 'continuedUpperSecondary',
  work: 'work',
  dropped_out: 'droppedOut',
} as const satisfies Record<JobbsjansenOutcome, string>;

/**
 * A pseudonymous participant code, assigned by the project and kept with the project: 6–12 capital
 * letters and digits, with at least one of each. Requiring both keeps out the identifiers people
 * reach for by habit: a name written in capitals (OLANORDMANN), a birth date (010107) or an
 * 11-digit national identity number (fødselsnummer).
 */
export const JOBBSJANSEN_PARTICIPANT_CODE_PATTERN = /^(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]{6,12}$/;
