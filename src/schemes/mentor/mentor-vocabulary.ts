/** Closed vocabularies shared by the mentor call parameters, the application form and the rules. */

/** The scheme id under which the mentor and trainee scheme registers with the engine. */
export const MENTOR_SCHEME_ID = 'mentor';

/**
 * Budget (kostnadsplan) categories. The grant covers the project's activities and the necessary
 * administration, project management included (domain research §2.3, IMDi 2018).
 */
export const MENTOR_COST_CATEGORIES = [
  /** Prosjektledelse: the project manager's and coordinators' time. */
  'project_management',
  /** Recruiting, training and following up mentors. */
  'mentor_activities',
  /** Gatherings, courses, network meetings and work placements for the participants. */
  'participant_activities',
  /** Premises (lokaler). */
  'premises',
  'travel',
  'administration',
  'other',
] as const;
export type MentorCostCategory = (typeof MENTOR_COST_CATEGORIES)[number];

/**
 * What the applicant's own share (egenandel) consists of: money, or staff time, premises and other
 * costs converted to NOK (Rogaland's rules, domain research §2.3).
 */
export const MENTOR_OWN_SHARE_KINDS = [
  'cash',
  /** Staff time: hours × hourly rate (1.2 ‰ of gross annual salary, capped), documented with timesheets. */
  'staff_time',
  'premises',
  'other_costs',
] as const;
export type MentorOwnShareKind = (typeof MENTOR_OWN_SHARE_KINDS)[number];

/** How far a goal was reached, in the final report. */
export const MENTOR_GOAL_OUTCOMES = ['achieved', 'partly_achieved', 'not_achieved'] as const;
export type MentorGoalOutcome = (typeof MENTOR_GOAL_OUTCOMES)[number];
