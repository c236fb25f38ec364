import { nok } from '@lib/common';
import type { SchemeOrganisation } from '@lib/engine';
import type { EtablererApplicationContent } from './etablerer-application.dto';
import type { EtablererCallParameters } from './etablerer-call-parameters.dto';
import {
  checkEtablererCallParameters,
  checkEtablererEligibility,
  etablererAdvisories,
} from './etablerer.rules';
import {
  ETABLERER_TEST_NOW,
  newEtablererApplication,
  newEtablererCallParameters,
  newEtablererCompany,
  newEtablererCompanyApplication,
  newEtablererOrganisation,
} from './etablerer-testing';

const check = (
  overrides: {
    params?: EtablererCallParameters;
    application?: EtablererApplicationContent;
    organisation?: SchemeOrganisation;
    now?: Date;
  } = {},
) =>
  checkEtablererEligibility({
    params: overrides.params ?? newEtablererCallParameters(),
    application: overrides.application ?? newEtablererApplication(),
    organisation: overrides.organisation ?? newEtablererOrganisation(),
    now: overrides.now ?? ETABLERER_TEST_NOW,
  });
const codes = (overrides: Parameters<typeof check>[0] = {}) => check(overrides).map((r) => r.code);

/**
 * A company application with economic activity: `eligible` in trainer costs, `requested` applied
 * for, own funds at least equal to it, and the budget balanced with a non-eligible `other` line.
 */
function companyApplication(eligible: number, requested: number, other = 0, smeDeclared = true) {
  const ownFundsOre = Math.max(requested, eligible - requested - other);
  const total = ownFundsOre + requested + other;
  return newEtablererCompanyApplication({
    costPlan: [
      { category: 'trainer_personnel', amountOre: eligible },
      { category: 'other', amountOre: total - eligible },
    ],
    financingPlan: { ownFundsOre, otherPublicFundingOre: other, requestedGrantOre: requested },
    declarations: { economicActivity: true, smeDeclared, notMandatoryTraining: true },
  });
}

describe('checkEtablererEligibility', () => {
  it('accepts the default application from Trondheim kommune and the default company application', () => {
    expect(codes()).toEqual([]);
    expect(
      codes({ application: newEtablererCompanyApplication(), organisation: newEtablererCompany() }),
    ).toEqual([]);
  });

  describe('who may apply', () => {
    it('takes municipalities and public bodies, private organisations and voluntary organisations', () => {
      const asVoluntary = newEtablererApplication({
        applicant: {
          category: 'voluntary_organisation',
          expertise: 'Network',
          registeredInVoluntaryRegister: true,
        },
      });
      expect(codes({ organisation: newEtablererOrganisation({ form: 'IKS' }) })).toEqual([]);
      expect(
        codes({
          application: asVoluntary,
          organisation: newEtablererCompany({ form: 'FLI', employeeCount: 0 }),
        }),
      ).toEqual([]);
    });

    it('refuses forms outside the call and applicants outside Trøndelag', () => {
      expect(codes({ organisation: newEtablererOrganisation({ form: 'NUF' }) })).toEqual([
        'organisation_form_not_eligible',
        'applicant_category_mismatch',
      ]);
      expect(
        codes({ organisation: newEtablererOrganisation({ municipalityNumber: '1103', countyCode: '11' }) }),
      ).toEqual(['outside_county']);
    });

    it('wants the applicant category to fit the organisation form', () => {
      expect(codes({ organisation: newEtablererCompany() })).toEqual(['applicant_category_mismatch']);
    });

    it('wants a voluntary organisation registered in Frivillighetsregisteret', () => {
      const application = newEtablererApplication({
        applicant: {
          category: 'voluntary_organisation',
          expertise: 'Network',
          registeredInVoluntaryRegister: false,
        },
      });
      expect(codes({ application, organisation: newEtablererCompany({ form: 'FLI' }) })).toEqual([
        'voluntary_register_missing',
      ]);
    });
  });

  it('is open from the opening to the last deadline (1 October 2027), both included', () => {
    expect(codes({ now: new Date('2026-11-02T07:59:59+01:00') })).toEqual(['call_not_open']);
    expect(codes({ now: new Date('2027-04-02T09:00:00+02:00') })).toEqual([]);
    expect(codes({ now: new Date('2027-10-01T23:59:59+02:00') })).toEqual([]);
    expect(codes({ now: new Date('2027-10-02T00:00:00+02:00') })).toEqual(['call_closed']);
  });

  describe('own funds at least equal to the amount applied for', () => {
    const withOwnFunds = (ownFundsOre: number) =>
      newEtablererApplication({
        costPlan: [{ category: 'trainer_personnel', amountOre: ownFundsOre + nok(150_000) }],
        financingPlan: { ownFundsOre, otherPublicFundingOre: 0, requestedGrantOre: nok(150_000) },
      });

    it('refuses one øre less and accepts equal', () => {
      expect(codes({ application: withOwnFunds(nok(150_000) - 1) })).toEqual(['own_funds_too_low']);
      expect(codes({ application: withOwnFunds(nok(150_000)) })).toEqual([]);
    });

    it('names the amounts', () => {
      expect(check({ application: withOwnFunds(nok(150_000) - 1) })[0]).toEqual({
        code: 'own_funds_too_low',
        message:
          'Own funds are 149 999,99 NOK; at least 150 000 NOK (100 % of the 150 000 NOK applied for) are required',
        text: {
          nb: 'Egenfinansieringen er 149 999,99 kr; det kreves minst 150 000 kr (100 % av omsøkte 150 000 kr)',
          en: 'Own funds are 149 999,99 NOK; at least 150 000 NOK (100 % of the 150 000 NOK applied for) are required',
        },
        field: 'financingPlan.ownFundsOre',
      });
    });
  });

  describe('support share with economic activity (GBER art. 31)', () => {
    const sme = newEtablererCompany({ employeeCount: 249 });
    const large = newEtablererCompany({ employeeCount: 250 });

    it('allows an SME (249 employees) 60 % of eligible costs, not one øre more', () => {
      expect(
        codes({ application: companyApplication(nok(200_000), nok(120_000)), organisation: sme }),
      ).toEqual([]);
      expect(
        codes({ application: companyApplication(nok(200_000) + 3, nok(120_000) + 2), organisation: sme }),
      ).toEqual(['support_share_exceeded']);
    });

    it('allows a larger company (250 employees) 50 %, and refuses its SME declaration', () => {
      const notDeclared = (requested: number) => companyApplication(nok(200_000), requested, 0, false);
      expect(codes({ application: notDeclared(nok(100_000)), organisation: large })).toEqual([]);
      expect(codes({ application: notDeclared(nok(100_000) + 1), organisation: large })).toEqual([
        'support_share_exceeded',
      ]);
      expect(
        codes({ application: companyApplication(nok(200_000), nok(100_000)), organisation: large }),
      ).toEqual(['sme_declaration_inconsistent']);
      expect(
        codes({ application: companyApplication(nok(200_000), nok(120_000)), organisation: large }),
      ).toEqual(['sme_declaration_inconsistent', 'support_share_exceeded']);
    });

    it('gives an SME that does not declare itself one only 50 %', () => {
      expect(
        codes({ application: companyApplication(nok(200_000), nok(120_000), 0, false), organisation: sme }),
      ).toEqual(['support_share_exceeded']);
    });

    it('counts other public funding towards the share, and only eligible costs', () => {
      const withOther = companyApplication(nok(200_000), nok(100_000), nok(20_000) + 1);
      expect(codes({ application: withOther, organisation: sme })).toEqual(['support_share_exceeded']);
      const onlyOther = newEtablererCompanyApplication({
        costPlan: [{ category: 'other', amountOre: nok(240_000) }],
      });
      expect(codes({ application: onlyOther, organisation: sme })).toEqual([
        'no_eligible_costs',
        'support_share_exceeded',
      ]);
    });

    it('does not apply without economic activity: the own-funds rule alone', () => {
      // 150 000 applied for on 300 000 eligible: 50 %; and now 160 000 on 170 000 eligible: 94 %.
      const high = newEtablererApplication({
        costPlan: [{ category: 'trainer_personnel', amountOre: nok(330_000) }],
        financingPlan: {
          ownFundsOre: nok(170_000),
          otherPublicFundingOre: 0,
          requestedGrantOre: nok(160_000),
        },
      });
      expect(codes({ application: high })).toEqual([]);
    });

    it('refuses training needed to meet mandatory national standards', () => {
      const application = newEtablererCompanyApplication({
        declarations: { economicActivity: true, smeDeclared: true, notMandatoryTraining: false },
      });
      expect(codes({ application, organisation: sme })).toEqual(['mandatory_training_not_eligible']);
    });
  });

  it('checks cap, balance and time plan', () => {
    const base = newEtablererApplication();
    expect(
      codes({
        application: newEtablererApplication({
          costPlan: [...base.costPlan, { category: 'other', amountOre: 1 }],
          endDate: '2028-08-02',
        }),
      }),
    ).toEqual(['project_duration_exceeded', 'financing_plan_unbalanced']);
    expect(codes({ application: newEtablererApplication({ endDate: '2028-08-01' }) })).toEqual([]);
    expect(codes({ application: newEtablererApplication({ endDate: '2027-01-31' }) })).toEqual([
      'project_period_invalid',
    ]);
    const big = newEtablererApplication({
      costPlan: [{ category: 'trainer_personnel', amountOre: nok(500_000) + 2 }],
      financingPlan: {
        ownFundsOre: nok(300_000),
        otherPublicFundingOre: 0,
        requestedGrantOre: nok(200_000) + 2,
      },
    });
    expect(codes({ application: big })).toEqual(['grant_exceeds_call_cap']);
  });
});

describe('etablererAdvisories', () => {
  it('flags economic activity and unrealistic planned results, never blocking', () => {
    expect(etablererAdvisories(newEtablererApplication())).toEqual([]);
    const application = newEtablererCompanyApplication({
      plannedResults: { courseParticipants: 5, newBusinesses: 6, guidanceSessions: 10 },
    });
    expect(etablererAdvisories(application).map((a) => a.code)).toEqual([
      'state_aid_gber31',
      'results_unrealistic',
    ]);
    expect(codes({ application, organisation: newEtablererCompany() })).toEqual([]);
  });
});

describe('checkEtablererCallParameters', () => {
  it('accepts the Trøndelag call', () => {
    expect(checkEtablererCallParameters(newEtablererCallParameters())).toEqual([]);
  });

  it('refuses deadlines out of order, unknown forms, an SME share below the ordinary one and a zero cap', () => {
    const params = newEtablererCallParameters({
      window: {
        kind: 'fixed',
        opensAt: '2027-05-01T08:00:00+02:00',
        deadlines: ['2027-04-01T23:59:59+02:00', '2027-10-01T23:59:59+02:00'],
      },
      eligibility: [{ rule: 'organisation_form', forms: ['KOMM', 'LLC'] }],
      aidIntensity: { basisPoints: 5000, smeBasisPoints: 4999, smeBelowEmployees: 250 },
      maxGrantOre: 0,
    });
    expect(checkEtablererCallParameters(params).map((r) => r.field)).toEqual([
      'window.deadlines',
      'eligibility.0.forms',
      'aidIntensity.smeBasisPoints',
      'maxGrantOre',
    ]);
  });

  it('keeps the support shares within the GBER art. 31 ceilings graded by size', () => {
    const shares = (basisPoints: number, smeBasisPoints: number, smeBelowEmployees = 250) =>
      checkEtablererCallParameters(
        newEtablererCallParameters({ aidIntensity: { basisPoints, smeBasisPoints, smeBelowEmployees } }),
      ).map((r) => [r.field, r.message]);
    expect(shares(5000, 6000)).toEqual([]);
    // The ordinary share reaches large enterprises (50 %); SMEs up to 249 employees medium ones (60 %).
    expect(shares(5001, 6001)).toEqual([
      ['aidIntensity.basisPoints', 'GBER art. 31 allows enterprises that are not SMEs at most 50 %'],
      ['aidIntensity.smeBasisPoints', 'GBER art. 31 allows enterprises of up to 249 employees at most 60 %'],
    ]);
    // A call whose SMEs are the small enterprises only (under 50) may go to 70 %.
    expect(shares(5000, 7000, 50)).toEqual([]);
    expect(shares(5000, 7001, 50)).toEqual([
      ['aidIntensity.smeBasisPoints', 'GBER art. 31 allows enterprises of up to 49 employees at most 70 %'],
    ]);
  });

  it('refuses deadlines on a rolling call', () => {
    const params = newEtablererCallParameters({
      window: {
        kind: 'rolling',
        opensAt: '2026-01-05T08:00:00+01:00',
        deadlines: ['2026-04-01T23:59:59+02:00'],
      },
    });
    expect(checkEtablererCallParameters(params).map((r) => r.code)).toEqual(['invalid_call_window']);
  });
});
