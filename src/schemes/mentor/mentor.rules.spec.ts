import { nok } from '@lib/common';
import type { SchemeOrganisation } from '@lib/engine';
import type { MentorApplicationContent } from './mentor-application.dto';
import { ROGALAND_MENTOR_CALL_PARAMETERS, type MentorCallParameters } from './mentor-call-parameters.dto';
import {
  checkMentorCallParameters,
  checkMentorEligibility,
  checkMentorFinalReport,
  mentorAdvisories,
} from './mentor.rules';
import {
  MENTOR_TEST_NOW,
  newMentorApplication,
  newMentorCallParameters,
  newMentorOrganisation,
  newMentorReport,
} from './mentor-testing';

const codes = (
  overrides: {
    params?: MentorCallParameters;
    application?: MentorApplicationContent;
    organisation?: SchemeOrganisation;
    now?: Date;
  } = {},
) =>
  checkMentorEligibility({
    params: overrides.params ?? newMentorCallParameters(),
    application: overrides.application ?? newMentorApplication(),
    organisation: overrides.organisation ?? newMentorOrganisation(),
    now: overrides.now ?? MENTOR_TEST_NOW,
  }).map((r) => r.code);

const base = newMentorApplication();
/** The default application with another own share and grant, the budget adjusted so it still balances. */
function withOwnShare(cashOre: number, requestedOre: number): MentorApplicationContent {
  return newMentorApplication({
    costPlan: [{ category: 'mentor_activities', amountOre: cashOre + requestedOre }],
    financingPlan: {
      requestedGrantOre: requestedOre,
      ownShare: [{ kind: 'cash', description: 'Municipal budget', amountOre: cashOre }],
      otherPublicFunding: [],
    },
  });
}

describe('checkMentorEligibility', () => {
  it('accepts the default application from Trondheim kommune', () => {
    expect(codes()).toEqual([]);
  });

  describe('who may apply (the call’s eligibility rules)', () => {
    it('lets municipalities and municipal companies in Trøndelag apply', () => {
      for (const form of ['KOMM', 'KF', 'IKS'])
        expect(codes({ organisation: newMentorOrganisation({ form }) })).toEqual([]);
    });

    it('refuses a company in Trøndelag and a municipality in Rogaland', () => {
      expect(codes({ organisation: newMentorOrganisation({ form: 'AS', employeeCount: 42 }) })).toEqual([
        'organisation_form_not_eligible',
      ]);
      expect(
        codes({ organisation: newMentorOrganisation({ municipalityNumber: '1103', countyCode: '11' }) }),
      ).toEqual(['outside_county']);
    });

    it('lets businesses, organisations and municipalities apply under Rogaland’s call', () => {
      const params = structuredClone(ROGALAND_MENTOR_CALL_PARAMETERS);
      const rogaland = { municipalityNumber: '1103', countyCode: '11' };
      for (const form of ['AS', 'FLI', 'STI', 'KOMM'])
        expect(codes({ params, organisation: newMentorOrganisation({ form, ...rogaland }) })).toEqual([]);
      expect(codes({ params, organisation: newMentorOrganisation() })).toEqual(['outside_county']);
    });
  });

  describe('the call window', () => {
    it('is open from the opening to the last deadline, both included', () => {
      expect(codes({ now: new Date('2026-11-02T07:59:59+01:00') })).toEqual(['call_not_open']);
      expect(codes({ now: new Date('2026-11-02T08:00:00+01:00') })).toEqual([]);
      expect(codes({ now: new Date('2027-10-01T23:59:59+02:00') })).toEqual([]);
      expect(codes({ now: new Date('2027-10-02T00:00:00+02:00') })).toEqual(['call_closed']);
    });
  });

  describe('own share ≥ 50 % of the amount applied for', () => {
    it('refuses 49.99 % and accepts 50 % (øre amounts)', () => {
      expect(codes({ application: withOwnShare(4_999_000, 10_000_000) })).toEqual(['own_share_too_low']);
      expect(codes({ application: withOwnShare(4_999_999, 10_000_000) })).toEqual(['own_share_too_low']);
      expect(codes({ application: withOwnShare(5_000_000, 10_000_000) })).toEqual([]);
    });

    it('needs 50 000,01 NOK for 100 000,01 NOK applied for', () => {
      expect(codes({ application: withOwnShare(5_000_000, 10_000_001) })).toEqual(['own_share_too_low']);
      expect(codes({ application: withOwnShare(5_000_001, 10_000_001) })).toEqual([]);
    });

    it('names the amounts in the refusal', () => {
      const [reason] = checkMentorEligibility({
        params: newMentorCallParameters(),
        application: withOwnShare(4_999_000, 10_000_000),
        organisation: newMentorOrganisation(),
        now: MENTOR_TEST_NOW,
      });
      expect(reason).toEqual({
        code: 'own_share_too_low',
        message:
          'The own share is 49 990 NOK; at least 50 % of the 100 000 NOK applied for (50 000 NOK) is required',
        text: {
          nb: 'Egenandelen er 49 990 kr; det kreves minst 50 % av omsøkte 100 000 kr (50 000 kr)',
          en: 'The own share is 49 990 NOK; at least 50 % of the 100 000 NOK applied for (50 000 NOK) is required',
        },
        field: 'financingPlan.ownShare',
      });
    });

    it('counts staff time at the capped hourly rate', () => {
      // 187,5 h at 800 NOK/h = 150 000 NOK: exactly half of 300 000.
      const staff = (hours: number) =>
        newMentorApplication({
          costPlan: [
            { category: 'project_management', amountOre: nok(300_000) + Math.round(hours * 80_000) },
          ],
          financingPlan: {
            requestedGrantOre: nok(300_000),
            ownShare: [
              { kind: 'staff_time', description: 'Adviser', hours, grossAnnualSalaryOre: nok(900_000) },
            ],
            otherPublicFunding: [],
          },
        });
      expect(codes({ application: staff(187.5) })).toEqual([]);
      expect(codes({ application: staff(187.49) })).toEqual(['own_share_too_low']);
    });
  });

  it('requires timesheets for staff time when the call does, and not for cash only', () => {
    const unsigned = newMentorApplication({
      declarations: { ...base.declarations, staffTimeDocumentedWithTimesheets: false },
    });
    expect(codes({ application: unsigned })).toEqual(['timesheets_missing']);
    expect(
      codes({ application: unsigned, params: newMentorCallParameters({ timesheetsRequired: false }) }),
    ).toEqual([]);
    const cashOnly = withOwnShare(nok(150_000), nok(300_000));
    expect(
      codes({
        application: {
          ...cashOnly,
          declarations: { ...cashOnly.declarations, staffTimeDocumentedWithTimesheets: false },
        },
      }),
    ).toEqual([]);
  });

  it('requires the financing plan to balance the budget to the øre', () => {
    const short = newMentorApplication({
      costPlan: [...base.costPlan, { category: 'other', amountOre: 1 }],
    });
    expect(codes({ application: short })).toEqual(['financing_plan_unbalanced']);
  });

  it('refuses above the call’s grant cap, and a zero amount', () => {
    expect(codes({ application: withOwnShare(nok(200_000), nok(400_000)) })).toEqual([]);
    expect(codes({ application: withOwnShare(nok(200_001), nok(400_000) + 1) })).toEqual([
      'grant_exceeds_call_cap',
    ]);
    expect(codes({ application: withOwnShare(nok(10), 0) })).toEqual(['requested_grant_missing']);
  });

  it('checks the time plan: order, length and milestones inside the period', () => {
    const plan = base.timePlan;
    expect(
      codes({ application: newMentorApplication({ timePlan: { ...plan, endDate: '2027-01-03' } }) }),
    ).toEqual(['project_period_invalid']);
    expect(
      codes({
        application: newMentorApplication({ timePlan: { ...plan, endDate: '2029-01-04', milestones: [] } }),
      }),
    ).toEqual([]);
    expect(
      codes({
        application: newMentorApplication({ timePlan: { ...plan, endDate: '2029-01-05', milestones: [] } }),
      }),
    ).toEqual(['project_duration_exceeded']);
    expect(
      codes({
        application: newMentorApplication({
          timePlan: { ...plan, milestones: [{ date: '2028-01-10', activity: 'Late conference' }] },
        }),
      }),
    ).toEqual(['milestone_outside_period']);
  });

  it('requires the declarations: no double funding, leader’s signature', () => {
    const declarations = {
      ...base.declarations,
      noDoubleFunding: false,
      leaderSignature: { ...base.declarations.leaderSignature, confirmed: false },
    };
    expect(codes({ application: newMentorApplication({ declarations }) })).toEqual([
      'double_funding_not_excluded',
      'leader_signature_missing',
    ]);
  });

  it('keeps de minimis aid within the ceiling for applicants with economic activity', () => {
    const ceiling = newMentorCallParameters().deMinimisCeilingOre;
    const withAid = (received: number, economicActivity = true) =>
      newMentorApplication({
        declarations: { ...base.declarations, economicActivity, deMinimisReceivedOre: received },
      });
    expect(codes({ application: withAid(ceiling - nok(300_000)) })).toEqual([]);
    expect(codes({ application: withAid(ceiling - nok(300_000) + 1) })).toEqual([
      'de_minimis_ceiling_exceeded',
    ]);
    expect(codes({ application: withAid(ceiling, false) })).toEqual([]);
  });

  it('lists every reason at once', () => {
    const application = newMentorApplication({
      financingPlan: { ...base.financingPlan, requestedGrantOre: nok(500_000), ownShare: [] },
      declarations: { ...base.declarations, noDoubleFunding: false },
    });
    expect(codes({ application, organisation: newMentorOrganisation({ form: 'AS' }) })).toEqual([
      'organisation_form_not_eligible',
      'grant_exceeds_call_cap',
      'own_share_too_low',
      'financing_plan_unbalanced',
      'double_funding_not_excluded',
    ]);
  });
});

describe('mentorAdvisories (never blocking)', () => {
  const advisoryCodes = (application: MentorApplicationContent) =>
    mentorAdvisories(newMentorCallParameters(), application).map((a) => a.code);

  it('warns below 10 participants, not at 10', () => {
    // Advisories look at the form only; without other funding, participants are the only point.
    const withParticipants = (participantCount: number) =>
      newMentorApplication({
        targetGroup: { ...base.targetGroup, participantCount },
        financingPlan: { ...base.financingPlan, otherPublicFunding: [] },
      });
    expect(advisoryCodes(withParticipants(10))).toEqual([]);
    expect(advisoryCodes(withParticipants(9))).toEqual(['few_participants']);
    // …and the application with 9 participants is still eligible.
    expect(
      codes({
        application: newMentorApplication({ targetGroup: { ...base.targetGroup, participantCount: 9 } }),
      }),
    ).toEqual([]);
  });

  it('points out economic activity and disclosed other public funding', () => {
    expect(advisoryCodes(base)).toEqual(['other_public_funding']);
    expect(
      advisoryCodes(newMentorApplication({ declarations: { ...base.declarations, economicActivity: true } })),
    ).toEqual(['state_aid_assessment', 'other_public_funding']);
  });
});

describe('checkMentorFinalReport', () => {
  it('accepts a documented report with a result per goal', () => {
    expect(checkMentorFinalReport(base, newMentorReport())).toEqual([]);
  });

  it('wants a result for the main goal and each sub-goal, and a documented own share', () => {
    const report = newMentorReport({
      goalResults: newMentorReport().goalResults.slice(0, 2),
      ownShareDocumented: false,
    });
    expect(checkMentorFinalReport(base, report).map((r) => r.code)).toEqual([
      'goal_results_incomplete',
      'own_share_not_documented',
    ]);
  });
});

describe('checkMentorCallParameters', () => {
  it('accepts both demo calls', () => {
    expect(checkMentorCallParameters(newMentorCallParameters())).toEqual([]);
    expect(checkMentorCallParameters(structuredClone(ROGALAND_MENTOR_CALL_PARAMETERS))).toEqual([]);
  });

  it('wants deadlines after the opening, earliest first, and no closing time beside them', () => {
    const params = newMentorCallParameters({
      window: {
        kind: 'fixed',
        opensAt: '2026-11-02T08:00:00+01:00',
        closesAt: '2027-12-01T00:00:00+01:00',
        deadlines: ['2027-10-01T23:59:59+02:00', '2027-04-01T23:59:59+02:00'],
      },
    });
    expect(checkMentorCallParameters(params).map((r) => r.field)).toEqual([
      'window.closesAt',
      'window.deadlines',
    ]);
  });

  it('wants a rolling call to close after it opens and to have no deadlines', () => {
    const params = newMentorCallParameters({
      window: {
        kind: 'rolling',
        opensAt: '2026-01-05T08:00:00+01:00',
        closesAt: '2026-01-05T08:00:00+01:00',
        deadlines: ['2026-04-01T23:59:59+02:00'],
      },
    });
    expect(checkMentorCallParameters(params).map((r) => r.field)).toEqual([
      'window.deadlines',
      'window.closesAt',
    ]);
  });

  it('refuses unknown organisation forms and unusable amounts', () => {
    const params = newMentorCallParameters({
      eligibility: [{ rule: 'organisation_form', forms: ['KOMM', 'XYZ'] }],
      maxGrantOre: 0,
      staffTimeRate: { basisPointsOfAnnualSalary: 12, maxHourlyRateOre: 0 },
    });
    expect(checkMentorCallParameters(params).map((r) => r.code)).toEqual([
      'invalid_call_eligibility',
      'invalid_call_amounts',
      'invalid_call_amounts',
    ]);
  });
});
