import { nok, validatePayload } from '@lib/common';
import { initialSnapshot } from '@lib/engine';
import type { EtablererApplicationContent } from './etablerer-application.dto';
import { EtablererCallParametersDto } from './etablerer-call-parameters.dto';
import { etablererPlugin } from './etablerer.plugin';
import { etablererScheme } from './etablerer.scheme';
import {
  ETABLERER_TEST_NOW,
  newEtablererApplication,
  newEtablererCallParameters,
  newEtablererCompany,
  newEtablererCompanyApplication,
  newEtablererOrganisation,
  newEtablererReport,
} from './etablerer-testing';

describe('etablererScheme, as the kernel calls it', () => {
  const params = newEtablererCallParameters();

  it('registers under its own id, prefix and lifecycle', () => {
    expect(etablererScheme).toMatchObject({ id: 'etablerer', referencePrefix: 'ETAB' });
    expect(etablererScheme.lifecycle).toMatchObject({ id: 'etablerer', version: 3 }); // version 3: the appeal in the context
    expect(
      initialSnapshot(etablererScheme.lifecycle, { createdAt: ETABLERER_TEST_NOW.toISOString() }),
    ).toBeDefined();
  });

  it('has a Trøndelag demo call that validates, passes its rules and is open now', async () => {
    expect(etablererPlugin.demoCalls.map((c) => [c.countyCode, c.year])).toEqual([['50', 2027]]);
    const [demo] = etablererPlugin.demoCalls;
    const result = await validatePayload(
      EtablererCallParametersDto,
      JSON.parse(JSON.stringify(demo.parameters)),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(etablererScheme.checkCallParameters(result.value)).toEqual([]);
    const window = etablererScheme.callWindow(result.value);
    expect(window).toEqual({ opensAt: '2026-11-02T08:00:00+01:00', closesAt: '2027-10-01T23:59:59+02:00' });
    expect(Date.parse(window.opensAt)).toBeLessThan(ETABLERER_TEST_NOW.getTime());
  });

  it('submits the sample: eligible, 150 000 NOK requested and maximum', () => {
    const content = etablererPlugin.sampleApplication as EtablererApplicationContent;
    const organisation = newEtablererOrganisation();
    expect(
      etablererScheme.checkEligibility({
        params,
        content,
        organisation,
        now: ETABLERER_TEST_NOW,
        otherActiveGrant: true,
      }),
    ).toEqual([]);
    expect(etablererScheme.requestedAmount(content)).toBe(nok(150_000));
    expect(etablererScheme.maximumGrant(params, content, organisation)).toBe(nok(150_000));
    expect(etablererScheme.projectEndsAt(content)).toBe('2027-12-15T12:00:00.000Z');
  });

  it('passes the employee count to the maximum grant: 60 % at 249, 50 % at 250', () => {
    const content = newEtablererCompanyApplication({
      declarations: { economicActivity: true, smeDeclared: false, notMandatoryTraining: true },
    });
    const declared = newEtablererCompanyApplication();
    expect(etablererScheme.maximumGrant(params, declared, newEtablererCompany({ employeeCount: 249 }))).toBe(
      nok(120_000),
    );
    expect(etablererScheme.maximumGrant(params, declared, newEtablererCompany({ employeeCount: 250 }))).toBe(
      nok(100_000),
    );
    expect(etablererScheme.maximumGrant(params, content, newEtablererCompany({ employeeCount: 249 }))).toBe(
      nok(100_000),
    );
  });

  it('settles the report and plans payments that sum to the grant', () => {
    expect(etablererScheme.checkReport(newEtablererApplication(), newEtablererReport())).toEqual([]);
    expect(
      etablererScheme.finalPayable(params, nok(140_000), newEtablererReport(), {
        content: newEtablererApplication(),
        organisation: newEtablererOrganisation(),
      }),
    ).toBe(nok(120_000));
    for (const amount of [1, 7, 14_000_001, 2_330_000_001]) {
      const plan = etablererScheme.paymentPlan(params, amount, newEtablererApplication());
      expect(plan.reduce((sum, i) => sum + i.amount, 0)).toBe(amount);
    }
  });
});
