import { nok } from '@lib/common';
import type { JobbsjansenApplicationContent, JobbsjansenFinalReport } from './jobbsjansen-application.dto';
import type { JobbsjansenCallParameters } from './jobbsjansen-call-parameters.dto';
import {
  JOBBSJANSEN_TEST_NOW,
  newJobbsjansenApplication,
  newJobbsjansenCallParameters,
  newJobbsjansenOrganisation,
  newJobbsjansenReport,
} from './jobbsjansen-testing';
import {
  checkJobbsjansenEligibility,
  checkJobbsjansenFinalReport,
  jobbsjansenAdvisories,
  type JobbsjansenEligibilityInput,
} from './jobbsjansen.rules';

const input = (overrides: Partial<JobbsjansenEligibilityInput> = {}): JobbsjansenEligibilityInput => ({
  params: newJobbsjansenCallParameters(),
  application: newJobbsjansenApplication(),
  organisation: newJobbsjansenOrganisation(),
  now: JOBBSJANSEN_TEST_NOW,
  ...overrides,
});
const reasons = (overrides: Partial<JobbsjansenEligibilityInput> = {}) =>
  checkJobbsjansenEligibility(input(overrides));
const codes = (overrides: Partial<JobbsjansenEligibilityInput> = {}) => reasons(overrides).map((r) => r.code);

/** An application whose participants are split 5 / 5 / `total − 10` (total ≥ 10). */
const withParticipants = (total: number) =>
  newJobbsjansenApplication({ participants: { aged16to18: 5, aged19to21: 5, aged22to24: total - 10 } });

/** One teaching-staff line of `costs` øre, financed with `own` øre own financing and the rest as grant. */
const financed = (costs: number, own: number, other = 0): JobbsjansenApplicationContent =>
  newJobbsjansenApplication({
    costPlan: [{ category: 'teaching_staff', amountOre: costs }],
    financingPlan: { ownFinancingOre: own, otherFundingOre: other, requestedGrantOre: costs - own - other },
  });

describe('checkJobbsjansenEligibility', () => {
  it('finds the default application by Trondheim kommune eligible', () => {
    expect(reasons()).toEqual([]);
  });

  describe('the call window', () => {
    const withDeadline = newJobbsjansenCallParameters({
      window: { opensAt: '2026-06-01T08:00:00+02:00', closesAt: '2027-03-01T12:00:00+01:00' },
    });
    it('opens at its opening instant, not a millisecond before', () => {
      const opensAt = Date.parse('2026-06-01T08:00:00+02:00');
      expect(codes({ now: new Date(opensAt) })).toEqual([]);
      expect(codes({ now: new Date(opensAt - 1) })).toEqual(['call_not_open']);
    });
    it('takes applications up to the deadline itself, not a millisecond after', () => {
      const closesAt = Date.parse('2027-03-01T12:00:00+01:00');
      expect(codes({ params: withDeadline, now: new Date(closesAt) })).toEqual([]);
      expect(codes({ params: withDeadline, now: new Date(closesAt + 1) })).toEqual(['call_closed']);
    });
    it('stays open without a deadline while the frame lasts (løpende)', () => {
      expect(codes({ now: new Date('2027-05-01T10:00:00+02:00') })).toEqual([]);
    });
  });

  describe('who may apply (the call’s eligibility rules)', () => {
    it.each(['KOMM', 'FYLK', 'KF', 'IKS'])('admits organisation form %s', (form) => {
      expect(codes({ organisation: newJobbsjansenOrganisation({ form }) })).toEqual([]);
    });
    it.each(['AS', 'STI', 'FLI', 'ENK'])(
      'refuses organisation form %s: del B is not a company grant',
      (form) => {
        expect(codes({ organisation: newJobbsjansenOrganisation({ form }) })).toEqual([
          'organisation_form_not_eligible',
        ]);
      },
    );
    it('refuses a municipality in another county, also when only its municipality number tells', () => {
      expect(
        codes({ organisation: newJobbsjansenOrganisation({ municipalityNumber: '1103', countyCode: '11' }) }),
      ).toEqual(['outside_county']);
      expect(
        codes({ organisation: newJobbsjansenOrganisation({ municipalityNumber: '1103', countyCode: null }) }),
      ).toEqual(['outside_county']);
    });
  });

  describe('the project period', () => {
    const period = (startDate: string, endDate: string) =>
      codes({ application: newJobbsjansenApplication({ startDate, endDate }) });
    it('lies inside the call’s period, its first and last day included', () => {
      expect(period('2026-08-01', '2027-07-31')).toEqual([]);
      expect(reasons({ application: newJobbsjansenApplication({ startDate: '2026-07-31' }) })).toEqual([
        expect.objectContaining({ code: 'project_outside_call_period', field: 'startDate' }),
      ]);
      expect(reasons({ application: newJobbsjansenApplication({ endDate: '2027-08-01' }) })).toEqual([
        expect.objectContaining({ code: 'project_outside_call_period', field: 'endDate' }),
      ]);
    });
    it('ends on or after it starts', () => {
      expect(period('2027-01-04', '2027-01-04')).toEqual([]);
      expect(period('2027-01-04', '2027-01-03')).toEqual(['project_period_invalid']);
    });
  });

  describe('participants', () => {
    it('must be at least one', () => {
      expect(codes({ application: withParticipants(10) })).toEqual([]);
      const none = newJobbsjansenApplication({
        participants: { aged16to18: 0, aged19to21: 0, aged22to24: 0 },
      });
      expect(codes({ application: none })).toEqual(['no_participants']);
    });

    it('below the minimum is only an advisory where the call says "should" (Trøndelag)', () => {
      expect(codes({ application: withParticipants(14) })).toEqual([]);
      expect(codes({ application: withParticipants(15) })).toEqual([]);
    });

    it('below the minimum refuses where the call makes it a hard rule: 14 refused, 15 eligible', () => {
      const hard = newJobbsjansenCallParameters({ minParticipantsIsHardRule: true });
      expect(reasons({ params: hard, application: withParticipants(14) })).toEqual([
        {
          code: 'too_few_participants',
          message: 'The project has 14 participants; the scheme expects at least 15',
          text: {
            nb: 'Prosjektet har 14 deltakere; ordningen forventer minst 15',
            en: 'The project has 14 participants; the scheme expects at least 15',
          },
          field: 'participants',
        },
      ]);
      expect(codes({ params: hard, application: withParticipants(15) })).toEqual([]);
    });
  });

  describe('costs', () => {
    it('refuses ordinary operations at submit, naming the cost line', () => {
      const base = newJobbsjansenApplication();
      const application = newJobbsjansenApplication({
        costPlan: base.costPlan.map((line, i) =>
          i === 2 ? { ...line, category: 'ordinary_operations' } : line,
        ),
      });
      expect(reasons({ application })).toEqual([
        {
          code: 'ordinary_operations_not_eligible',
          message:
            'Cost line 3 (100 000 NOK) is ordinary operations, which the grant may not fund; only teaching ' +
            'staff, teaching materials, running the offer and project staff',
          text: {
            nb: 'Kostnadslinje 3 (100 000 kr) er ordinær drift, som tilskuddet ikke kan dekke; bare undervisningspersonell, læremidler, drift av tilbudet og prosjektpersonell',
            en: 'Cost line 3 (100 000 NOK) is ordinary operations, which the grant may not fund; only teaching staff, teaching materials, running the offer and project staff',
          },
          field: 'costPlan.2.category',
        },
      ]);
    });

    it('needs some eligible costs', () => {
      const application = newJobbsjansenApplication({
        costPlan: [{ category: 'ordinary_operations', amountOre: nok(900_000) }],
      });
      expect(codes({ application })).toEqual(['ordinary_operations_not_eligible', 'no_eligible_costs']);
    });
  });

  describe('own financing', () => {
    // 20 % of 900 000,04 NOK = 180 000,008 NOK: 180 000,01 NOK is enough, 180 000,00 NOK is not.
    const costs = nok(900_000) + 4;

    it('is at least the call’s share of total costs, compared exactly', () => {
      expect(codes({ application: financed(costs, nok(180_000) + 1) })).toEqual([]);
      expect(reasons({ application: financed(costs, nok(180_000)) })).toEqual([
        {
          code: 'own_share_too_low',
          message:
            'Own financing is 180 000 NOK; at least 20 % of total costs of 900 000,04 NOK (180 000,01 NOK) is required',
          text: {
            nb: 'Egenfinansieringen er 180 000 kr; det kreves minst 20 % av samlede kostnader på 900 000,04 kr (180 000,01 kr)',
            en: 'Own financing is 180 000 NOK; at least 20 % of total costs of 900 000,04 NOK (180 000,01 NOK) is required',
          },
          field: 'financingPlan.ownFinancingOre',
        },
      ]);
    });

    it('counts ordinary operations in the total it is a share of (and refuses them)', () => {
      const base = financed(nok(900_000), nok(180_000));
      const application = newJobbsjansenApplication({
        ...base,
        costPlan: [...base.costPlan, { category: 'ordinary_operations', amountOre: nok(100_000) }],
        financingPlan: { ...base.financingPlan, requestedGrantOre: nok(820_000) },
      });
      expect(codes({ application })).toEqual(['ordinary_operations_not_eligible', 'own_share_too_low']);
    });

    it('must be above zero even when the call sets no share', () => {
      const noShare = newJobbsjansenCallParameters({ minOwnShareBasisPoints: 0 });
      expect(codes({ params: noShare, application: financed(nok(900_000), 1) })).toEqual([]);
      expect(reasons({ params: noShare, application: financed(nok(900_000), 0) })).toEqual([
        {
          code: 'own_financing_missing',
          message: 'The project must have own financing',
          text: { nb: 'Prosjektet må ha egenfinansiering', en: 'The project must have own financing' },
          field: 'financingPlan.ownFinancingOre',
        },
      ]);
    });
  });

  describe('the financing plan and the grant', () => {
    it('must balance with total costs to the øre', () => {
      const plan = newJobbsjansenApplication().financingPlan;
      const over = newJobbsjansenApplication({
        financingPlan: { ...plan, requestedGrantOre: plan.requestedGrantOre + 1 },
      });
      expect(reasons({ application: over })).toEqual([
        expect.objectContaining({
          code: 'financing_plan_unbalanced',
          message: expect.stringContaining('over by 0,01 NOK') as string,
        }),
      ]);
    });

    it('may be met by other funding', () => {
      expect(codes({ application: financed(nok(900_000), nok(180_000), nok(200_000)) })).toEqual([]);
    });

    it('asks for an amount above zero', () => {
      expect(codes({ application: financed(nok(900_000), nok(900_000)) })).toEqual([
        'requested_grant_missing',
      ]);
    });

    it('keeps the request within the call’s cap per project, the cap itself included', () => {
      const cap = (maxGrantPerProjectOre: number): JobbsjansenCallParameters =>
        newJobbsjansenCallParameters({ maxGrantPerProjectOre });
      expect(codes({ params: cap(nok(720_000)) })).toEqual([]);
      expect(reasons({ params: cap(nok(720_000) - 1) })).toEqual([
        {
          code: 'grant_exceeds_project_cap',
          message: 'The requested 720 000 NOK exceeds the maximum of 719 999,99 NOK per project',
          text: {
            nb: 'Omsøkt beløp på 720 000 kr er mer enn maksimum på 719 999,99 kr per prosjekt',
            en: 'The requested 720 000 NOK exceeds the maximum of 719 999,99 NOK per project',
          },
          field: 'financingPlan.requestedGrantOre',
        },
      ]);
    });
  });

  it('lists every reason at once', () => {
    const application = newJobbsjansenApplication({
      startDate: '2026-07-01',
      participants: { aged16to18: 0, aged19to21: 0, aged22to24: 0 },
      costPlan: [
        { category: 'teaching_staff', amountOre: nok(500_000) },
        { category: 'ordinary_operations', amountOre: nok(100_000) },
      ],
      financingPlan: { ownFinancingOre: 0, otherFundingOre: 0, requestedGrantOre: nok(2_000_000) },
    });
    expect(
      codes({
        application,
        organisation: newJobbsjansenOrganisation({ form: 'AS' }),
        now: new Date('2026-05-01T10:00:00+02:00'),
      }),
    ).toEqual([
      'call_not_open',
      'organisation_form_not_eligible',
      'project_outside_call_period',
      'no_participants',
      'ordinary_operations_not_eligible',
      'own_financing_missing',
      'financing_plan_unbalanced',
      'grant_exceeds_project_cap',
    ]);
  });
});

describe('jobbsjansenAdvisories', () => {
  const params = newJobbsjansenCallParameters();

  it('has none for the default application', () => {
    expect(jobbsjansenAdvisories(params, newJobbsjansenApplication())).toEqual([]);
  });

  it('warns the officer of fewer participants than expected: 14 warned, 15 not', () => {
    expect(jobbsjansenAdvisories(params, withParticipants(14))).toEqual([
      {
        code: 'too_few_participants',
        message: 'The project has 14 participants; the scheme expects at least 15',
        text: {
          nb: 'Prosjektet har 14 deltakere; ordningen forventer minst 15',
          en: 'The project has 14 participants; the scheme expects at least 15',
        },
        field: 'participants',
      },
    ]);
    expect(jobbsjansenAdvisories(params, withParticipants(15))).toEqual([]);
  });

  it('does not repeat as an advisory what a hard rule already refuses', () => {
    const hard = newJobbsjansenCallParameters({ minParticipantsIsHardRule: true });
    expect(jobbsjansenAdvisories(hard, withParticipants(14))).toEqual([]);
  });

  it('flags two school years per participant, which is for special cases', () => {
    expect(
      jobbsjansenAdvisories(params, newJobbsjansenApplication({ schoolYearsPerParticipant: 2 })).map(
        (r) => r.code,
      ),
    ).toEqual(['two_school_years']);
  });
});

describe('checkJobbsjansenFinalReport', () => {
  const check = (overrides: Partial<JobbsjansenFinalReport>) =>
    checkJobbsjansenFinalReport(newJobbsjansenReport(overrides));
  const rows = newJobbsjansenReport().participants;

  it('accepts a report whose rows agree with the project level', () => {
    expect(check({})).toEqual([]);
  });

  it('refuses a participant count at project level that the rows do not match', () => {
    const results = { ...newJobbsjansenReport().results, participants: 19 };
    expect(check({ results })).toEqual([
      {
        code: 'participant_rows_mismatch',
        message: 'The report lists 18 participants but states 19 at project level',
        text: {
          nb: 'Rapporten lister opp 18 deltakere, men oppgir 19 på prosjektnivå',
          en: 'The report lists 18 participants but states 19 at project level',
        },
        field: 'participants',
      },
    ]);
  });

  it('refuses outcome counts that the rows do not tally to, naming each result', () => {
    const changed = rows.map((row, i) => (i === 0 ? { ...row, outcome: 'work' as const } : row));
    expect(check({ participants: changed })).toEqual([
      expect.objectContaining({ code: 'outcome_counts_mismatch', field: 'results.completed' }),
      expect.objectContaining({ code: 'outcome_counts_mismatch', field: 'results.work' }),
    ]);
    expect(check({ participants: rows.slice(1) }).map((r) => r.code)).toEqual([
      'participant_rows_mismatch',
      'outcome_counts_mismatch',
    ]);
  });

  it('refuses a pseudonymous code used twice', () => {
    const duplicated = rows.map((row, i) => (i === 3 ? { ...row, code: rows[0].code } : row));
    expect(check({ participants: duplicated })).toEqual([
      {
        code: 'duplicate_participant_code',
        message: `Participant code ${rows[0].code} appears more than once (rows 1 and 4)`,
        text: {
          nb: 'Deltakerkoden JB26K001 står mer enn én gang (rad 1 og 4)',
          en: 'Participant code JB26K001 appears more than once (rows 1 and 4)',
        },
        field: 'participants.3.code',
      },
    ]);
  });

  it('refuses ordinary operations among the actual costs', () => {
    const actualCosts = [
      ...newJobbsjansenReport().actualCosts,
      { category: 'ordinary_operations' as const, amountOre: 1 },
    ];
    expect(check({ actualCosts })).toEqual([
      expect.objectContaining({ code: 'ordinary_operations_not_eligible', field: 'actualCosts.4.category' }),
    ]);
  });

  it('accepts an empty project: no rows, all counts zero', () => {
    const results = { participants: 0, completed: 0, continuedUpperSecondary: 0, work: 0, droppedOut: 0 };
    expect(check({ results, participants: [] })).toEqual([]);
  });
});
