import { nok, validatePayload } from '@lib/common';
import type { CoronaCallParameters } from './corona-call-parameters.dto';
import { CORONA_DEMO_CALLS } from './corona-demo-calls';
import {
  CORONA_TEST_NOW,
  newApprenticeApplication,
  newApprenticeCallParameters,
  newApprenticeContract,
  newBioExtraApplication,
  newBioExtraCallParameters,
  newCoronaOrganisation,
  newFagbrevApplication,
  newFagbrevCallParameters,
} from './corona-testing';
import { coronaPlugin } from './corona.plugin';
import { coronaScheme } from './corona.scheme';

describe('coronaScheme', () => {
  const organisation = newCoronaOrganisation();

  it.each([
    [
      'apprentice_package',
      newApprenticeCallParameters(),
      newApprenticeApplication(),
      nok(50_000),
      nok(50_000),
    ],
    ['bio_extra', newBioExtraCallParameters(), newBioExtraApplication(), nok(240_000), nok(240_000)],
    ['fagbrev_pa_jobb', newFagbrevCallParameters(), newFagbrevApplication(), nok(60_000), nok(60_000)],
  ])(
    '%s: eligible under its Trøndelag demo call, with its requested and maximum amount',
    (_, params, content, requested, maximum) => {
      expect(
        coronaScheme.checkEligibility({
          params,
          content,
          organisation,
          now: CORONA_TEST_NOW,
          otherActiveGrant: true,
        }),
      ).toEqual([]);
      expect(coronaScheme.requestedAmount(content)).toBe(requested);
      expect(coronaScheme.maximumGrant(params, content, organisation)).toBe(maximum);
    },
  );

  it('refuses, and gives no maximum to, an application of another measure than the call', () => {
    const params = newFagbrevCallParameters();
    const content = newApprenticeApplication();
    expect(
      coronaScheme.checkEligibility({
        params,
        content,
        organisation,
        now: CORONA_TEST_NOW,
        otherActiveGrant: false,
      }),
    ).toEqual([expect.objectContaining({ code: 'measure_mismatch' })]);
    expect(coronaScheme.maximumGrant(params, content, organisation)).toBe(0);
  });

  it("ends a BIO project on its last day, and a contract grant's follow-up 6 months after the last signing", () => {
    expect(coronaScheme.projectEndsAt(newBioExtraApplication())).toBe('2027-06-30T12:00:00.000Z');
    expect(coronaScheme.projectEndsAt(newApprenticeApplication())).toBe('2027-05-16T12:00:00.000Z');
    const single = newApprenticeApplication({
      contracts: [newApprenticeContract({ signedOn: '2026-08-31' })],
    });
    expect(coronaScheme.projectEndsAt(single)).toBe('2027-02-28T12:00:00.000Z');
  });

  it('shows advisories to the case officer', () => {
    expect(
      coronaScheme.advisories?.({
        params: newBioExtraCallParameters(),
        content: newBioExtraApplication(),
        organisation,
      }),
    ).toEqual([expect.objectContaining({ code: 'prioritised_sector' })]);
  });

  it('registers demo calls whose parameters pass the DTO and the rules, and the sample of the first call', async () => {
    expect(coronaPlugin.demoCalls).toBe(CORONA_DEMO_CALLS);
    for (const demo of coronaPlugin.demoCalls) {
      const validation = await validatePayload(coronaScheme.callParametersDto, demo.parameters);
      expect(validation.ok).toBe(true);
      if (validation.ok) expect(coronaScheme.checkCallParameters(validation.value)).toEqual([]);
    }
    const first = coronaPlugin.demoCalls[0].parameters as CoronaCallParameters;
    expect(first.measure).toBe('apprentice_package');
    expect(
      coronaScheme.checkEligibility({
        params: first,
        content: newApprenticeApplication(),
        organisation,
        now: CORONA_TEST_NOW,
        otherActiveGrant: false,
      }),
    ).toEqual([]);
  });
});
