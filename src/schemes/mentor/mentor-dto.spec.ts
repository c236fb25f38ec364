import { validatePayload } from '@lib/common';
import { jsonSchemaOf } from '../scheme-schemas';
import { MentorApplicationDto, MentorFinalReportDto, MentorOwnShareLineDto } from './mentor-application.dto';
import {
  MentorCallParametersDto,
  ROGALAND_MENTOR_CALL_PARAMETERS,
  TRONDELAG_MENTOR_CALL_PARAMETERS,
} from './mentor-call-parameters.dto';
import { newMentorApplication, newMentorReport, patchMentorJson } from './mentor-testing';

/** Validates like the kernel does and returns `field → messages` (empty = valid). */
async function problems(dto: new () => object, plain: unknown): Promise<Record<string, string[]>> {
  const result = await validatePayload(dto, plain);
  return result.ok ? {} : Object.fromEntries(result.problems.map((p) => [p.field, p.messages]));
}
const fields = async (dto: new () => object, plain: unknown) =>
  Object.keys(await problems(dto, plain)).sort();

describe('MentorCallParametersDto', () => {
  it('accepts both demo calls', async () => {
    expect(await problems(MentorCallParametersDto, TRONDELAG_MENTOR_CALL_PARAMETERS)).toEqual({});
    expect(await problems(MentorCallParametersDto, ROGALAND_MENTOR_CALL_PARAMETERS)).toEqual({});
  });

  it('holds the Trøndelag figures in øre and basis points', () => {
    expect(TRONDELAG_MENTOR_CALL_PARAMETERS).toMatchObject({
      window: { kind: 'fixed', deadlines: ['2027-04-01T23:59:59+02:00', '2027-10-01T23:59:59+02:00'] },
      minOwnShareBasisPoints: 5000,
      staffTimeRate: { basisPointsOfAnnualSalary: 12, maxHourlyRateOre: 80_000 },
      timesheetsRequired: true,
      priorityMinParticipants: 10,
    });
    expect(ROGALAND_MENTOR_CALL_PARAMETERS.window).toEqual({
      kind: 'rolling',
      opensAt: '2026-01-05T08:00:00+01:00',
    });
  });

  it('names bad values per field and refuses unknown fields', async () => {
    const plain = patchMentorJson(TRONDELAG_MENTOR_CALL_PARAMETERS, {
      minOwnShareBasisPoints: 50.5,
      'staffTimeRate.maxHourlyRateOre': -1,
      'staffTimeRate.perMille': 1.2,
      timesheetsRequired: 'yes',
      'window.deadlines': ['2027-04-01'],
      eligibility: [{ rule: 'organisation_form', forms: 'KOMM' }],
      surprise: true,
    });
    expect(await fields(MentorCallParametersDto, plain)).toEqual([
      'eligibility',
      'minOwnShareBasisPoints',
      'staffTimeRate.maxHourlyRateOre',
      'staffTimeRate.perMille',
      'surprise',
      'timesheetsRequired',
      'window.deadlines',
    ]);
    const messages = await problems(MentorCallParametersDto, plain);
    expect(messages.eligibility.join()).toContain('forms must be a list of organisation forms');
  });
});

describe('MentorApplicationDto', () => {
  it('accepts the sample application and builds nested instances', async () => {
    const result = await validatePayload(
      MentorApplicationDto,
      JSON.parse(JSON.stringify(newMentorApplication())),
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.financingPlan.ownShare[1]).toBeInstanceOf(MentorOwnShareLineDto);
  });

  it('refuses unknown fields inside nested objects and array items', async () => {
    const plain = patchMentorJson(newMentorApplication(), {
      'goals.vision': 'x',
      'financingPlan.ownShare.0.vatOre': 1,
      'declarations.leaderSignature.date': '2026-11-23',
    });
    expect(await fields(MentorApplicationDto, plain)).toEqual([
      'declarations.leaderSignature.date',
      'financingPlan.ownShare.0.vatOre',
      'goals.vision',
    ]);
  });

  it('names wrong types and negative or fractional øre per field', async () => {
    const plain = patchMentorJson(newMentorApplication(), {
      'costPlan.0.amountOre': 100.5,
      'costPlan.1.category': 'catering',
      'financingPlan.requestedGrantOre': -1,
      'targetGroup.participantCount': 0,
      'timePlan.startDate': '2027-02-30',
      'declarations.noDoubleFunding': 'true',
    });
    expect(await fields(MentorApplicationDto, plain)).toEqual([
      'costPlan.0.amountOre',
      'costPlan.1.category',
      'declarations.noDoubleFunding',
      'financingPlan.requestedGrantOre',
      'targetGroup.participantCount',
      'timePlan.startDate',
    ]);
  });

  it('wants hours and salary on staff time, an amount on the other kinds, and nothing else', async () => {
    const plain = patchMentorJson(newMentorApplication(), {
      'financingPlan.ownShare.0.amountOre': undefined, // cash without an amount
      'financingPlan.ownShare.0.hours': 3, // …and with hours
      'financingPlan.ownShare.1.amountOre': 100, // staff time with an amount
      'financingPlan.ownShare.2.hours': undefined, // staff time without hours
    });
    const found = await problems(MentorApplicationDto, plain);
    expect(Object.keys(found).sort()).toEqual([
      'financingPlan.ownShare.0.amountOre',
      'financingPlan.ownShare.0.hours',
      'financingPlan.ownShare.1.amountOre',
      'financingPlan.ownShare.2.hours',
    ]);
    expect(found['financingPlan.ownShare.0.hours']).toEqual([
      'hours belongs only to own-share lines of kind staff_time',
    ]);
  });

  it('takes hours with up to two decimals, above zero', async () => {
    const hours = (value: unknown) =>
      fields(
        MentorApplicationDto,
        patchMentorJson(newMentorApplication(), { 'financingPlan.ownShare.1.hours': value }),
      );
    expect(await hours(37.5)).toEqual([]);
    expect(await hours(0.29)).toEqual([]);
    expect(await hours(37.555)).toEqual(['financingPlan.ownShare.1.hours']);
    expect(await hours(0)).toEqual(['financingPlan.ownShare.1.hours']);
    expect(await hours('10')).toEqual(['financingPlan.ownShare.1.hours']);
  });

  it('lets a draft be incomplete but not malformed', async () => {
    expect(
      (await validatePayload(MentorApplicationDto, { projectTitle: 'Draft' }, { partial: true })).ok,
    ).toBe(true);
    expect((await validatePayload(MentorApplicationDto, { projectTitle: 7 }, { partial: true })).ok).toBe(
      false,
    );
  });

  it('describes the kind-specific fields as optional in its JSON Schema', () => {
    const schema = jsonSchemaOf(MentorApplicationDto) as {
      $defs: Record<string, { required?: string[] }>;
    };
    expect(schema.$defs.MentorOwnShareLineDto.required).toEqual(['kind', 'description']);
  });
});

describe('MentorFinalReportDto', () => {
  it('accepts the sample report and refuses bad values per field', async () => {
    expect(await problems(MentorFinalReportDto, JSON.parse(JSON.stringify(newMentorReport())))).toEqual({});
    const plain = patchMentorJson(newMentorReport(), {
      'goalResults.0.outcome': 'done',
      participantsReached: -1,
      otherPublicFundingOre: 1.5,
      extra: 1,
    });
    expect(await fields(MentorFinalReportDto, plain)).toEqual([
      'extra',
      'goalResults.0.outcome',
      'otherPublicFundingOre',
      'participantsReached',
    ]);
  });
});
