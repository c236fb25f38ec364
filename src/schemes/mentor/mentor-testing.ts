import { nok } from '@lib/common';
import type { SchemeOrganisation } from '@lib/engine';
import type { MentorApplicationContent, MentorFinalReport } from './mentor-application.dto';
import { TRONDELAG_MENTOR_CALL_PARAMETERS, type MentorCallParameters } from './mentor-call-parameters.dto';
import { sampleMentorApplication } from './mentor-sample';

/*
 * Factories for tests: Trøndelag's call, Trondheim kommune, and an application eligible under that
 * call (the registered sample, mentor-sample.ts), with overrides. Each call returns a fresh object.
 *
 * The default application: budget 600 000 NOK; 300 000 applied for; own share 190 000 (cash 40 000,
 * coordinator 100 h at 780 NOK/h = 78 000, head of unit 50 h at the 800 NOK/h cap = 40 000,
 * premises 32 000); NAV 110 000.
 */

/** A Monday in November 2026, inside the Trøndelag call before the 1 April 2027 deadline. */
export const MENTOR_TEST_NOW = new Date('2026-11-23T10:00:00+01:00');

export function newMentorCallParameters(overrides: Partial<MentorCallParameters> = {}): MentorCallParameters {
  return structuredClone({ ...TRONDELAG_MENTOR_CALL_PARAMETERS, ...overrides });
}

/** Trondheim kommune as the register has it. */
export function newMentorOrganisation(overrides: Partial<SchemeOrganisation> = {}): SchemeOrganisation {
  return { form: 'KOMM', employeeCount: 14_000, municipalityNumber: '5001', countyCode: '50', ...overrides };
}

export function newMentorApplication(
  overrides: Partial<MentorApplicationContent> = {},
): MentorApplicationContent {
  return { ...sampleMentorApplication(), ...overrides };
}

/**
 * A final report on the default application: actual costs 520 000 NOK, own share 174 000 (the head
 * of unit gave 30 h, not 50), NAV 110 000 → 236 000 NOK left uncovered.
 */
export function newMentorReport(overrides: Partial<MentorFinalReport> = {}): MentorFinalReport {
  return {
    summary: '17 mentor pairs; 9 participants in relevant work by December',
    goalResults: [
      {
        goal: 'Work that fits qualifications',
        outcome: 'partly_achieved',
        result: '9 of 17 in relevant work',
      },
      { goal: '20 participants matched', outcome: 'partly_achieved', result: '17 pairs matched' },
      { goal: '10 trainee placements', outcome: 'achieved', result: '11 placements' },
    ],
    participantsReached: 17,
    mentorsRecruited: 15,
    actualCosts: [
      { category: 'project_management', amountOre: nok(180_000) },
      { category: 'mentor_activities', amountOre: nok(130_000) },
      { category: 'participant_activities', amountOre: nok(120_000) },
      { category: 'premises', amountOre: nok(50_000) },
      { category: 'travel', amountOre: nok(20_000) },
      { category: 'administration', amountOre: nok(20_000) },
    ],
    actualOwnShare: [
      { kind: 'cash', description: 'Refugee service budget', amountOre: nok(40_000) },
      {
        kind: 'staff_time',
        description: 'Project coordinator',
        hours: 100,
        grossAnnualSalaryOre: nok(650_000),
      },
      { kind: 'staff_time', description: 'Head of unit', hours: 30, grossAnnualSalaryOre: nok(800_000) },
      { kind: 'premises', description: 'Meeting rooms', amountOre: nok(32_000) },
    ],
    otherPublicFundingOre: nok(110_000),
    ownShareDocumented: true,
    ...overrides,
  };
}

/**
 * A JSON copy of `base` with dotted paths changed (`'costPlan.1.amountOre': -1`; `undefined`
 * deletes), to build the malformed bodies a client might send.
 */
export function patchMentorJson(
  base: object,
  changes: Record<string, unknown> = {},
): Record<string, unknown> {
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
