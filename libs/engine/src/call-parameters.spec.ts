import { NestedObject, validatePayload } from '@lib/common';
import {
  AdvancePaymentCallParametersDto,
  CallParametersDto,
  checkCommonCallParameters,
  DEFAULT_REPORT_FOLLOW_UP,
  type AdvancePaymentCallParameters,
} from './call-parameters';
import { SubmissionWindowDto } from './submission-window';

/** A scheme's parameters as the schemes declare them: the base, its window, nothing of its own. */
class ExampleCallParametersDto extends AdvancePaymentCallParametersDto {
  @NestedObject(() => SubmissionWindowDto)
  window!: SubmissionWindowDto;
}

class NoAdvanceCallParametersDto extends CallParametersDto {
  @NestedObject(() => SubmissionWindowDto)
  window!: SubmissionWindowDto;
}

const params: AdvancePaymentCallParameters = {
  window: { kind: 'rolling', opensAt: '2026-01-05T08:00:00+01:00' },
  eligibility: [{ rule: 'county', countyCodes: ['50'] }],
  acceptanceDays: 21,
  delegationThresholdOre: 50_000_000,
  advancePaymentBasisPoints: 5000,
  ...DEFAULT_REPORT_FOLLOW_UP,
};

const fieldsWithProblems = async (dto: new () => CallParametersDto, body: object) => {
  const result = await validatePayload(dto, body);
  return result.ok ? [] : result.problems.map((p) => p.field);
};

describe('CallParametersDto', () => {
  it('accepts the fields every call has, with a window declared by the scheme', async () => {
    expect(await fieldsWithProblems(ExampleCallParametersDto, params)).toEqual([]);
  });

  it('requires the timing, money limit, eligibility and follow-up fields, and the advance share', async () => {
    expect(await fieldsWithProblems(ExampleCallParametersDto, {})).toEqual(
      expect.arrayContaining([
        'window',
        'eligibility',
        'acceptanceDays',
        'delegationThresholdOre',
        'reminderDays',
        'overdueEscalationDays',
        'overdueLapseProposalDays',
        'advancePaymentBasisPoints',
      ]),
    );
  });

  it('refuses repeated or out-of-range reminder days and follow-up days out of range', async () => {
    for (const [change, field] of [
      [{ reminderDays: [14, 14] }, 'reminderDays'],
      [{ reminderDays: [0] }, 'reminderDays'],
      [{ reminderDays: [366] }, 'reminderDays'],
      [{ overdueEscalationDays: 0 }, 'overdueEscalationDays'],
      [{ overdueLapseProposalDays: 731 }, 'overdueLapseProposalDays'],
      [{ acceptanceDays: 0 }, 'acceptanceDays'],
      [{ delegationThresholdOre: 1.5 }, 'delegationThresholdOre'],
    ] as const)
      expect(await fieldsWithProblems(ExampleCallParametersDto, { ...params, ...change })).toEqual([field]);
  });

  it('has no advance share in the base: a scheme with its own payment calendar refuses one', async () => {
    const { advancePaymentBasisPoints: _advance, ...withoutAdvance } = params;
    expect(await fieldsWithProblems(NoAdvanceCallParametersDto, withoutAdvance)).toEqual([]);
    expect(await fieldsWithProblems(NoAdvanceCallParametersDto, params)).toEqual([
      'advancePaymentBasisPoints',
    ]);
  });
});

describe('checkCommonCallParameters', () => {
  it('wants the lapse proposal after the escalation to the case officer', () => {
    expect(checkCommonCallParameters(params)).toEqual([]);
    expect(
      checkCommonCallParameters({ ...params, overdueEscalationDays: 42, overdueLapseProposalDays: 43 }),
    ).toEqual([]);
    for (const lapse of [42, 14])
      expect(
        checkCommonCallParameters({ ...params, overdueEscalationDays: 42, overdueLapseProposalDays: lapse }),
      ).toEqual([expect.objectContaining({ code: 'escalation_order', field: 'overdueLapseProposalDays' })]);
  });
});
