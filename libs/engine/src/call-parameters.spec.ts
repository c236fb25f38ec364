import { NestedObject, validatePayload } from '@lib/common';
import {
  AdvancePaymentCallParametersDto,
  attachmentRequirements,
  missingAttachments,
  type AttachmentRequirement,
  CallParametersDto,
  checkCommonCallParameters,
  decisionLetterTerms,
  DEFAULT_INFORMATION_RESPONSE_BUSINESS_DAYS,
  DEFAULT_REPORT_FOLLOW_UP,
  informationResponseDueDate,
  repaymentDueDate,
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
      [{ informationResponseBusinessDays: 0 }, 'informationResponseBusinessDays'],
      [{ informationResponseBusinessDays: 61 }, 'informationResponseBusinessDays'],
      [{ informationResponseBusinessDays: 2.5 }, 'informationResponseBusinessDays'],
      [{ informationResponseBusinessDays: null }, 'informationResponseBusinessDays'],
    ] as const)
      expect(await fieldsWithProblems(ExampleCallParametersDto, { ...params, ...change })).toEqual([field]);
  });

  it('takes the business days to answer a request for information, or leaves them to the default', async () => {
    expect(
      await fieldsWithProblems(ExampleCallParametersDto, { ...params, informationResponseBusinessDays: 15 }),
    ).toEqual([]);
    expect(params).not.toHaveProperty('informationResponseBusinessDays');
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

describe('informationResponseDueDate', () => {
  it('gives ten business days by default: two working weeks from a Monday', () => {
    expect(DEFAULT_INFORMATION_RESPONSE_BUSINESS_DAYS).toBe(10);
    expect(informationResponseDueDate({}, '2026-02-02')).toBe('2026-02-16');
  });

  it('counts the call’s business days, skipping weekends', () => {
    // Friday + 1 business day is Monday.
    expect(informationResponseDueDate({ informationResponseBusinessDays: 1 }, '2026-02-06')).toBe(
      '2026-02-09',
    );
    // Asked on a Saturday: the first business day counted is Monday.
    expect(informationResponseDueDate({ informationResponseBusinessDays: 1 }, '2026-02-07')).toBe(
      '2026-02-09',
    );
  });

  it('skips Easter 2027 (Easter Sunday 28 March): skjærtorsdag, langfredag and 2. påskedag', () => {
    // Wednesday 24 March + 1: Thursday 25 (skjærtorsdag), Friday 26 (langfredag), the weekend and
    // Monday 29 (2. påskedag) are no business days, so Tuesday 30 March.
    expect(informationResponseDueDate({ informationResponseBusinessDays: 1 }, '2027-03-24')).toBe(
      '2027-03-30',
    );
    // Ten from Monday 22 March 2027: 23, 24, 30, 31 March, 1, 2, 5, 6, 7, 8 April.
    expect(informationResponseDueDate({}, '2027-03-22')).toBe('2027-04-08');
  });

  it('skips Kristi himmelfartsdag and 2. pinsedag 2027 (6 May and 17 May, which is also Grunnlovsdag)', () => {
    // Wednesday 5 May 2027 + 1: Thursday 6 May is Kristi himmelfartsdag.
    expect(informationResponseDueDate({ informationResponseBusinessDays: 1 }, '2027-05-05')).toBe(
      '2027-05-07',
    );
    // Friday 14 May + 1: the weekend, then Monday 17 May (2. pinsedag and Grunnlovsdag).
    expect(informationResponseDueDate({ informationResponseBusinessDays: 1 }, '2027-05-14')).toBe(
      '2027-05-18',
    );
  });

  it('skips 1 May, Christmas and New Year', () => {
    // Thursday 30 April 2026 + 1: Friday 1 May is a holiday, then the weekend.
    expect(informationResponseDueDate({ informationResponseBusinessDays: 1 }, '2026-04-30')).toBe(
      '2026-05-04',
    );
    // Wednesday 23 December 2026 + 5: 24, 28, 29, 30, 31 December (25–26 and the weekend skipped).
    expect(informationResponseDueDate({ informationResponseBusinessDays: 5 }, '2026-12-23')).toBe(
      '2026-12-31',
    );
    // + 6: 1 January 2027 (Friday) is a holiday, then the weekend: Monday 4 January.
    expect(informationResponseDueDate({ informationResponseBusinessDays: 6 }, '2026-12-23')).toBe(
      '2027-01-04',
    );
  });
});

describe('decisionLetterTerms', () => {
  const scheme = { name: 'Mentor- og traineeordning for innvandrere', appealableByDefault: false };

  it("takes the scheme's default appealability and names its guidelines when the call says nothing", () => {
    expect(decisionLetterTerms({}, scheme)).toEqual({
      appealable: false,
      legalBasis:
        'Retningslinjene for Mentor- og traineeordning for innvandrere, slik utlysningen viser til dem.',
    });
    expect(decisionLetterTerms({}, { name: 'BIO' }).appealable).toBe(true);
  });

  it("prefers the call's own setting and legal basis", () => {
    expect(decisionLetterTerms({ appealable: true, legalBasis: '  Retningslinjer 2027  ' }, scheme)).toEqual({
      appealable: true,
      legalBasis: 'Retningslinjer 2027',
    });
  });
});

describe('repaymentDueDate', () => {
  it("gives the call's days to pay, or a month's worth when the call sets none", () => {
    expect(repaymentDueDate({}, '2027-03-10')).toBe('2027-04-09');
    expect(repaymentDueDate({ repaymentDueDays: 14 }, '2027-12-20')).toBe('2028-01-03');
  });
});

describe('attachmentRequirements', () => {
  const defaults: AttachmentRequirement[] = [
    { kind: 'training_plan', required: true },
    { kind: 'receipts', required: false, context: 'final_payout_request' },
    { kind: 'auditor_statement', required: true, context: 'final_payout_request', fromAccountantThreshold: true },
  ];
  const attestation = { managerSignatureBelowOre: 1_000_000, accountantConfirmationFromOre: 5_000_000 };

  it("takes the call's own entries for a context, else the scheme's, else every kind and none required", () => {
    const own = { attachments: [{ kind: 'other', required: true }] as AttachmentRequirement[] };
    expect(attachmentRequirements(own, 'application', defaults)).toEqual([{ kind: 'other', required: true }]);
    expect(attachmentRequirements({}, 'application', defaults)).toEqual([
      { kind: 'training_plan', required: true },
    ]);
    const none = attachmentRequirements(own, 'interim_report', defaults);
    expect(none.every((r) => !r.required)).toBe(true);
    expect(none.map((r) => r.kind)).toContain('receipts');
  });

  it("requires the auditor's statement on a final request only from the accountant's threshold", () => {
    const at = (amount: number) =>
      missingAttachments(
        attachmentRequirements({ payoutAttestation: attestation }, 'final_payout_request', defaults, amount),
        ['receipts'],
      );
    expect(at(4_999_999)).toEqual([]);
    expect(at(5_000_000)).toEqual(['auditor_statement']);
  });

  it('refuses a kind listed twice in one context, and a threshold outside payout requests', () => {
    const codes = (attachments: AttachmentRequirement[]) =>
      checkCommonCallParameters({ ...DEFAULT_REPORT_FOLLOW_UP, attachments } as never).map((r) => r.code);
    expect(
      codes([
        { kind: 'other', required: false },
        { kind: 'other', required: false, context: 'interim_report' },
      ]),
    ).toEqual([]);
    expect(codes([{ kind: 'other', required: false }, { kind: 'other', required: true }])).toEqual([
      'attachment_kind_repeated',
    ]);
    expect(codes([{ kind: 'receipts', required: true, fromAccountantThreshold: true }])).toEqual([
      'attachment_threshold_off_payout',
    ]);
  });
});
