import { nok, validatePayload } from '@lib/common';
import { initialSnapshot } from '@lib/engine';
import type { MentorApplicationContent } from './mentor-application.dto';
import { MentorCallParametersDto } from './mentor-call-parameters.dto';
import { mentorPlugin } from './mentor.plugin';
import { mentorScheme } from './mentor.scheme';
import {
  MENTOR_TEST_NOW,
  newMentorApplication,
  newMentorCallParameters,
  newMentorOrganisation,
  newMentorReport,
} from './mentor-testing';

describe('mentorScheme, as the kernel calls it', () => {
  const params = newMentorCallParameters();

  it('registers under its own id, prefix and lifecycle', () => {
    expect(mentorScheme).toMatchObject({ id: 'mentor', referencePrefix: 'MENTOR' });
    expect(mentorScheme.lifecycle).toMatchObject({ id: 'mentor', version: 3 }); // version 3: the appeal in the context
    expect(mentorScheme.lifecycle.options.finalReportDue).toEqual({ from: 'project_end', days: 60 });
    expect(mentorScheme.lifecycle.machine).toBeDefined();
    expect(
      initialSnapshot(mentorScheme.lifecycle, { createdAt: MENTOR_TEST_NOW.toISOString() }),
    ).toBeDefined();
  });

  it('has demo calls for Trøndelag (fixed rounds) and Rogaland (rolling) that validate and pass the rules', async () => {
    expect(mentorPlugin.demoCalls.map((c) => [c.countyCode, c.year])).toEqual([
      ['50', 2027],
      ['11', 2026],
    ]);
    for (const demo of mentorPlugin.demoCalls) {
      const result = await validatePayload(
        MentorCallParametersDto,
        JSON.parse(JSON.stringify(demo.parameters)),
      );
      expect(result.ok).toBe(true);
      if (result.ok) expect(mentorScheme.checkCallParameters(result.value)).toEqual([]);
    }
    const [trondelag, rogaland] = mentorPlugin.demoCalls.map((d) =>
      mentorScheme.callWindow(d.parameters as typeof params),
    );
    // Open now (23 November 2026) in both counties; Trøndelag closes at its last deadline.
    expect(trondelag).toEqual({
      opensAt: '2026-11-02T08:00:00+01:00',
      closesAt: '2027-10-01T23:59:59+02:00',
    });
    expect(rogaland).toEqual({ opensAt: '2026-01-05T08:00:00+01:00', closesAt: null });
  });

  it('submits the sample: eligible, requested = maximum = 300 000 NOK, project end at noon UTC', () => {
    const content = mentorPlugin.sampleApplication as MentorApplicationContent;
    const organisation = newMentorOrganisation();
    expect(
      mentorScheme.checkEligibility({
        params,
        content,
        organisation,
        now: MENTOR_TEST_NOW,
        otherActiveGrant: true,
      }),
    ).toEqual([]);
    expect(mentorScheme.requestedAmount(content)).toBe(nok(300_000));
    expect(mentorScheme.maximumGrant(params, content, organisation)).toBe(nok(300_000));
    expect(mentorScheme.projectEndsAt(content)).toBe('2027-12-17T12:00:00.000Z');
  });

  it('gives the case officer advisories without refusing', () => {
    const content = newMentorApplication({
      targetGroup: { ...newMentorApplication().targetGroup, participantCount: 6 },
    });
    const organisation = newMentorOrganisation();
    expect(mentorScheme.advisories?.({ params, content, organisation }).map((a) => a.code)).toEqual([
      'few_participants',
      'other_public_funding',
    ]);
    expect(
      mentorScheme.checkEligibility({
        params,
        content,
        organisation,
        now: MENTOR_TEST_NOW,
        otherActiveGrant: false,
      }),
    ).toEqual([]);
  });

  it('settles the final report and plans payments that sum to the grant', () => {
    expect(mentorScheme.checkReport(newMentorApplication(), newMentorReport())).toEqual([]);
    expect(
      mentorScheme.finalPayable(params, nok(280_000), newMentorReport(), {
        content: newMentorApplication(),
        organisation: newMentorOrganisation(),
      }),
    ).toBe(nok(236_000));
    for (const amount of [1, 3, 28_000_001, 2_330_000_001]) {
      const plan = mentorScheme.paymentPlan(params, amount, newMentorApplication());
      expect(plan.reduce((sum, i) => sum + i.amount, 0)).toBe(amount);
    }
    expect(mentorScheme.paymentPlan(params, 28_000_001, newMentorApplication()).map((i) => i.amount)).toEqual(
      [14_000_000, 14_000_001],
    );
  });
});
