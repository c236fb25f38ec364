import { nok, validatePayload } from '@lib/common';
import { validateLifecycleDefinition } from '@lib/engine';
import type { JobbsjansenCallParameters } from './jobbsjansen-call-parameters.dto';
import {
  JOBBSJANSEN_TEST_NOW,
  newJobbsjansenApplication,
  newJobbsjansenCallParameters,
  newJobbsjansenOrganisation,
  newJobbsjansenReport,
} from './jobbsjansen-testing';
import { jobbsjansenPlugin } from './jobbsjansen.plugin';
import { jobbsjansenScheme } from './jobbsjansen.scheme';

const params = newJobbsjansenCallParameters();
const organisation = newJobbsjansenOrganisation();

describe('jobbsjansenScheme', () => {
  it('registers under its own id, case-reference prefix and lifecycle', () => {
    expect(jobbsjansenScheme).toMatchObject({ id: 'jobbsjansen', referencePrefix: 'JOBB' });
    expect(jobbsjansenScheme.lifecycle).toMatchObject({ id: 'jobbsjansen', version: 3 }); // version 3: the appeal in the context
    expect(jobbsjansenScheme.lifecycle.options.finalReportDue).toEqual({ from: 'project_end', days: 60 });
    expect(validateLifecycleDefinition(jobbsjansenScheme.lifecycle)).toEqual([]);
  });

  it('passes the kernel’s organisation and clock to its rules, and ignores other active grants', () => {
    const check = (form: string, otherActiveGrant: boolean) =>
      jobbsjansenScheme
        .checkEligibility({
          params,
          content: newJobbsjansenApplication(),
          organisation: newJobbsjansenOrganisation({ form }),
          now: JOBBSJANSEN_TEST_NOW,
          otherActiveGrant,
        })
        .map((r) => r.code);
    expect(check('KOMM', true)).toEqual([]);
    expect(check('AS', false)).toEqual(['organisation_form_not_eligible']);
  });

  it('gives advisories for the case officer, not refusals', () => {
    const content = newJobbsjansenApplication({
      participants: { aged16to18: 4, aged19to21: 4, aged22to24: 4 },
    });
    expect(jobbsjansenScheme.advisories!({ params, content, organisation }).map((r) => r.code)).toEqual([
      'too_few_participants',
    ]);
    expect(
      jobbsjansenScheme.checkEligibility({
        params,
        content,
        organisation,
        now: JOBBSJANSEN_TEST_NOW,
        otherActiveGrant: false,
      }),
    ).toEqual([]);
  });

  it('computes money in øre: requested, maximum, final payable and payment plan', () => {
    const content = newJobbsjansenApplication();
    expect(jobbsjansenScheme.requestedAmount(content)).toBe(nok(720_000));
    expect(jobbsjansenScheme.maximumGrant(params, content, organisation)).toBe(nok(720_000));
    expect(
      jobbsjansenScheme.finalPayable(params, nok(720_000), newJobbsjansenReport(), {
        content: newJobbsjansenApplication(),
        organisation,
      }),
    ).toBe(nok(670_000));
    const plan = jobbsjansenScheme.paymentPlan(params, nok(720_000) + 1, content);
    expect(plan.map((i) => [i.on, i.date, i.amount])).toEqual([
      ['date', '2026-12-15', nok(360_000) + 1],
      ['date', '2027-03-15', nok(360_000)],
    ]);
  });

  it('hands the kernel the call’s window, delegation limit and acceptance days', () => {
    expect(jobbsjansenScheme.callWindow(params)).toEqual({
      opensAt: '2026-06-01T08:00:00+02:00',
      closesAt: null,
    });
    const withDeadline: JobbsjansenCallParameters = newJobbsjansenCallParameters({
      window: { opensAt: '2026-06-01T08:00:00+02:00', closesAt: '2027-03-01T12:00:00+01:00' },
    });
    expect(jobbsjansenScheme.callWindow(withDeadline).closesAt).toBe('2027-03-01T12:00:00+01:00');
    expect(jobbsjansenScheme.projectEndsAt(newJobbsjansenApplication())).toBe('2027-06-18T12:00:00.000Z');
  });

  it('marks the participant rows of the report as personal data, for case officers only', () => {
    expect(jobbsjansenScheme.personalDataInReport).toEqual(['participants']);
  });

  it('checks the report against the scheme’s report rules', () => {
    const report = newJobbsjansenReport();
    expect(jobbsjansenScheme.checkReport(newJobbsjansenApplication(), report)).toEqual([]);
    const short = { ...report, participants: report.participants.slice(2) };
    expect(jobbsjansenScheme.checkReport(newJobbsjansenApplication(), short).map((r) => r.code)).toContain(
      'participant_rows_mismatch',
    );
  });
});

describe('jobbsjansenPlugin', () => {
  it('seeds Trøndelag’s call on a 6 MNOK frame, with parameters its DTO and rules accept', async () => {
    expect(jobbsjansenPlugin.demoCalls.map((d) => [d.countyCode, d.year, d.frame.allocationOre])).toEqual([
      ['50', 2026, nok(6_000_000)],
    ]);
    for (const demo of jobbsjansenPlugin.demoCalls) {
      const validation = await validatePayload(jobbsjansenScheme.callParametersDto, demo.parameters);
      expect(validation).toMatchObject({ ok: true });
      if (validation.ok) expect(jobbsjansenScheme.checkCallParameters(validation.value)).toEqual([]);
    }
  });

  it('has a sample application that Trondheim kommune could submit today under the seeded call, without advisories', async () => {
    const validation = await validatePayload(
      jobbsjansenScheme.applicationDto,
      jobbsjansenPlugin.sampleApplication,
    );
    expect(validation.ok).toBe(true);
    if (!validation.ok) return;
    const callParams = jobbsjansenPlugin.demoCalls[0].parameters as JobbsjansenCallParameters;
    const input = { params: callParams, content: validation.value, organisation };
    expect(
      jobbsjansenScheme.checkEligibility({
        ...input,
        now: new Date('2026-11-23T10:00:00+01:00'),
        otherActiveGrant: false,
      }),
    ).toEqual([]);
    expect(jobbsjansenScheme.advisories!(input)).toEqual([]);
  });
});
