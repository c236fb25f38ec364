import { nok, validatePayload } from '@lib/common';
import { initialSnapshot } from '@lib/engine';
import type { BioApplicationContent } from './bio-application.dto';
import { BioCallParametersDto, type BioCallParameters } from './bio-call-parameters.dto';
import { bioPlugin } from './bio.plugin';
import { bioScheme } from './bio.scheme';
import { BIO_TEST_NOW, newBioApplication, newBioCallParameters, newBioOrganisation } from './bio-testing';

describe('bioScheme, as the kernel calls it', () => {
  const params = newBioCallParameters();
  const eligibility = (overrides: Parameters<typeof newBioOrganisation>[0] = {}, otherActiveGrant = false) =>
    bioScheme
      .checkEligibility({
        params,
        content: newBioApplication(),
        organisation: newBioOrganisation(overrides),
        now: BIO_TEST_NOW,
        otherActiveGrant,
      })
      .map((r) => r.code);

  it('registers under its own id, prefix and lifecycle', () => {
    expect(bioScheme).toMatchObject({ id: 'bio', referencePrefix: 'BIO' });
    expect(bioScheme.lifecycle).toMatchObject({ id: 'bio', version: 3 }); // version 3: the appeal in the context
    expect(bioScheme.lifecycle.options.finalReportDue).toEqual({ from: 'project_end', days: 30 });
    expect(initialSnapshot(bioScheme.lifecycle, { createdAt: BIO_TEST_NOW.toISOString() })).toBeDefined();
  });

  it("has Trøndelag's 2026 call as a demo call that validates and passes the rules", async () => {
    expect(bioPlugin.demoCalls.map((c) => [c.countyCode, c.year])).toEqual([['50', 2026]]);
    const [demo] = bioPlugin.demoCalls;
    const result = await validatePayload(BioCallParametersDto, JSON.parse(JSON.stringify(demo.parameters)));
    expect(result.ok).toBe(true);
    if (result.ok) expect(bioScheme.checkCallParameters(result.value)).toEqual([]);
    expect(bioScheme.callWindow(demo.parameters as BioCallParameters)).toEqual({
      opensAt: '2026-01-05T08:00:00+01:00',
      closesAt: null,
    });
  });

  it('submits the sample: eligible, requested = maximum = 300 000 NOK, project end at noon UTC', () => {
    const content = bioPlugin.sampleApplication as BioApplicationContent;
    const organisation = newBioOrganisation();
    expect(eligibility()).toEqual([]);
    expect(bioScheme.requestedAmount(content)).toBe(nok(300_000));
    expect(bioScheme.maximumGrant(params, content, organisation)).toBe(nok(300_000));
    expect(bioScheme.projectEndsAt(content)).toBe('2027-02-26T12:00:00.000Z');
    expect(bioScheme.advisories).toBeUndefined();
  });

  it("judges who may apply by the call's kernel eligibility rules, and one active grant at a time", () => {
    expect(eligibility({ form: 'STI' })).toEqual(['organisation_form_not_eligible']);
    expect(eligibility({ form: 'ENK', employeeCount: 0 })).toEqual([
      'too_few_employees',
      'participants_exceed_employees',
    ]);
    expect(eligibility({ municipalityNumber: '1103', countyCode: '11' })).toEqual(['outside_county']);
    expect(eligibility({}, true)).toEqual(['other_active_bio_grant']);
  });

  it('grades the maximum by company size under GBER art. 31: a 70 % call gives a large company 50 %', () => {
    const generous = newBioCallParameters({
      aidIntensityBasisPoints: 7000,
      maxGrantBySize: {
        smallBelowEmployees: 50,
        smallCompanyMaxOre: nok(900_000),
        otherCompanyMaxOre: nok(900_000),
      },
    });
    const content = newBioApplication();
    // Eligible costs 700 000 NOK, 4 participants at 100 000 NOK each.
    expect(bioScheme.maximumGrant(generous, content, newBioOrganisation({ employeeCount: 12 }))).toBe(
      nok(400_000),
    );
    expect(bioScheme.maximumGrant(generous, content, newBioOrganisation({ employeeCount: 250 }))).toBe(
      nok(350_000),
    );
  });

  it('settles the final report at the intensity of the company and plans payments that sum to the grant', () => {
    const content = newBioApplication();
    const report = {
      summary: 'All modules held',
      participantsCompleted: 4,
      actualCosts: content.costPlan,
    };
    expect(bioScheme.checkReport(content, report)).toEqual([]);
    expect(
      bioScheme.checkReport(content, { ...report, participantsCompleted: 5 }).map((r) => r.code),
    ).toEqual(['participants_completed_exceed_planned']);
    // 50 % of 700 000 NOK, capped at the 300 000 NOK granted.
    const applicant = { content, organisation: newBioOrganisation() };
    expect(bioScheme.finalPayable(params, nok(300_000), report, applicant)).toBe(nok(300_000));
    const seventy = newBioCallParameters({ aidIntensityBasisPoints: 7000 });
    const half = {
      ...report,
      actualCosts: content.costPlan.map((l) => ({ ...l, amountOre: l.amountOre / 2 })),
    };
    // 350 000 NOK actual: 70 % for the small company, 50 % for a large one.
    expect(bioScheme.finalPayable(seventy, nok(300_000), half, applicant)).toBe(nok(245_000));
    expect(
      bioScheme.finalPayable(seventy, nok(300_000), half, {
        content,
        organisation: newBioOrganisation({ employeeCount: 250 }),
      }),
    ).toBe(nok(175_000));
    const withAdvance = newBioCallParameters({ advancePaymentBasisPoints: 7500 });
    for (const amount of [0, 1, 3, 30_000_001, 2_330_000_001]) {
      const plan = bioScheme.paymentPlan(withAdvance, amount, content);
      expect(plan.reduce((sum, i) => sum + i.amount, 0)).toBe(amount);
    }
  });
});
