import { nok } from '@lib/common';
import type { SchemeOrganisation } from '@lib/engine';
import type {
  JobbsjansenApplicationContent,
  JobbsjansenFinalReport,
  JobbsjansenParticipantOutcome,
} from './jobbsjansen-application.dto';
import {
  TRONDELAG_JOBBSJANSEN_CALL_PARAMETERS,
  type JobbsjansenCallParameters,
} from './jobbsjansen-call-parameters.dto';
import type { JobbsjansenAgeBand, JobbsjansenOutcome } from './jobbsjansen-vocabulary';
import { sampleJobbsjansenApplication } from './jobbsjansen-sample';

/*
 * Factories for tests: a Trøndelag call and an application that is eligible under it (the registered
 * sample, jobbsjansen-sample.ts), with overrides. Each call returns a fresh object, so tests never
 * share mutable fixtures.
 *
 * The default application: 18 participants (6 + 8 + 4), one school year, costs 900 000 NOK
 * (teaching staff 600 000, materials 50 000, running the offer 100 000, project staff 150 000),
 * own financing 180 000 NOK (exactly 20 %), 720 000 NOK requested (also the computed maximum).
 */

/** A morning in early August 2026, inside the Trøndelag call window, before the school year starts. */
export const JOBBSJANSEN_TEST_NOW = new Date('2026-08-03T09:00:00+02:00');

export function newJobbsjansenCallParameters(
  overrides: Partial<JobbsjansenCallParameters> = {},
): JobbsjansenCallParameters {
  return structuredClone({ ...TRONDELAG_JOBBSJANSEN_CALL_PARAMETERS, ...overrides });
}

/** Trondheim kommune as the register has it. */
export function newJobbsjansenOrganisation(overrides: Partial<SchemeOrganisation> = {}): SchemeOrganisation {
  return { form: 'KOMM', employeeCount: 14_000, municipalityNumber: '5001', countyCode: '50', ...overrides };
}

export function newJobbsjansenApplication(
  overrides: Partial<JobbsjansenApplicationContent> = {},
): JobbsjansenApplicationContent {
  return { ...sampleJobbsjansenApplication(), ...overrides };
}

/** `n` participant rows with codes JB26K001…, outcomes as given (in that order), age bands cycling. */
export function newParticipantRows(
  outcomes: Partial<Record<JobbsjansenOutcome, number>>,
): JobbsjansenParticipantOutcome[] {
  const bands: JobbsjansenAgeBand[] = ['aged16to18', 'aged19to21', 'aged22to24'];
  const rows: JobbsjansenParticipantOutcome[] = [];
  for (const [outcome, n] of Object.entries(outcomes) as [JobbsjansenOutcome, number][]) {
    for (let i = 0; i < n; i++) {
      rows.push({
        code: `JB26K${String(rows.length + 1).padStart(3, '0')}`,
        ageBand: bands[rows.length % bands.length],
        outcome,
      });
    }
  }
  return rows;
}

/**
 * A final report that fits the default application: 18 participants (5 completed, 9 to upper
 * secondary, 2 to work, 2 dropped out), actual costs 850 000 NOK, own financing 180 000 NOK.
 */
export function newJobbsjansenReport(
  overrides: Partial<JobbsjansenFinalReport> = {},
): JobbsjansenFinalReport {
  return {
    summary: 'Two classes ran all year; 11 of 18 went on to upper secondary or work',
    results: { participants: 18, completed: 5, continuedUpperSecondary: 9, work: 2, droppedOut: 2 },
    participants: newParticipantRows({
      completed: 5,
      continued_upper_secondary: 9,
      work: 2,
      dropped_out: 2,
    }),
    actualCosts: [
      { category: 'teaching_staff', amountOre: nok(580_000) },
      { category: 'teaching_materials', amountOre: nok(40_000) },
      { category: 'running_costs', amountOre: nok(90_000) },
      { category: 'project_staff', amountOre: nok(140_000) },
    ],
    actualFinancing: { ownFinancingOre: nok(180_000), otherFundingOre: 0 },
    ...overrides,
  };
}

/**
 * A JSON copy of `base` with dotted paths changed (`'costPlan.1.amountOre': -1`; `undefined`
 * deletes), to build the malformed bodies a client might send.
 */
export function patchJson(base: object, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const copy = structuredClone(base) as Record<string, unknown>;
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.');
    const last = keys.pop() as string;
    let node = copy;
    for (const key of keys) node = node[key] as Record<string, unknown>;
    if (value === undefined) delete node[last];
    else node[last] = value;
  }
  return copy;
}
