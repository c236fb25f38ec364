import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { PAYLOAD_VALIDATOR_OPTIONS } from '@lib/common';
import {
  JobbsjansenCallParametersDto,
  ROGALAND_JOBBSJANSEN_CALL_PARAMETERS,
  TRONDELAG_JOBBSJANSEN_CALL_PARAMETERS,
  type JobbsjansenCallParameters,
} from './jobbsjansen-call-parameters.dto';
import { newJobbsjansenCallParameters, patchJson } from './jobbsjansen-testing';
import { checkJobbsjansenCallParameters } from './jobbsjansen.rules';

/** Validates like the HTTP pipe and returns `path → constraint names`. */
async function problems(plain: object): Promise<Record<string, string[]>> {
  const errors = await validate(
    plainToInstance(JobbsjansenCallParametersDto, plain),
    PAYLOAD_VALIDATOR_OPTIONS,
  );
  const out: Record<string, string[]> = {};
  const walk = (list: ValidationError[], path: string[]) => {
    for (const error of list) {
      const here = [...path, error.property];
      if (error.constraints) out[here.join('.')] = Object.keys(error.constraints).sort();
      walk(error.children ?? [], here);
    }
  };
  walk(errors, []);
  return out;
}

const body = (changes: Record<string, unknown> = {}) =>
  patchJson(TRONDELAG_JOBBSJANSEN_CALL_PARAMETERS, changes);
const codes = (params: JobbsjansenCallParameters) =>
  checkJobbsjansenCallParameters(params).map((r) => `${r.code}@${r.field}`);

describe('JobbsjansenCallParametersDto', () => {
  it.each([
    ['Trøndelag (seeded)', TRONDELAG_JOBBSJANSEN_CALL_PARAMETERS],
    ['Rogaland (hard participant rule)', ROGALAND_JOBBSJANSEN_CALL_PARAMETERS],
  ])('accepts the %s parameters, and their cross-field rules pass', async (_, params) => {
    expect(await problems(JSON.parse(JSON.stringify(params)))).toEqual({});
    expect(checkJobbsjansenCallParameters(params)).toEqual([]);
  });

  it('holds the Trøndelag figures in øre and basis points', () => {
    expect(TRONDELAG_JOBBSJANSEN_CALL_PARAMETERS).toMatchObject({
      minParticipants: 15,
      minParticipantsIsHardRule: false,
      minOwnShareBasisPoints: 2000,
      maxGrantPerProjectOre: 150_000_000,
      payments: { springShareBasisPoints: 5000 },
    });
    expect(Object.isFrozen(TRONDELAG_JOBBSJANSEN_CALL_PARAMETERS.payments)).toBe(true);
  });

  it('rejects fractional, negative and out-of-range numbers, and strings for booleans', async () => {
    expect(
      await problems(
        body({
          minOwnShareBasisPoints: 10_000,
          maxGrantPerProjectOre: 0,
          delegationThresholdOre: 1.5,
          minParticipants: 0,
          minParticipantsIsHardRule: 'yes',
          'payments.springShareBasisPoints': -1,
        }),
      ),
    ).toEqual({
      minOwnShareBasisPoints: ['max'],
      maxGrantPerProjectOre: ['min'],
      delegationThresholdOre: ['isInt'],
      minParticipants: ['min'],
      minParticipantsIsHardRule: ['isBoolean'],
      'payments.springShareBasisPoints': ['min'],
    });
    expect(await problems(body({ minOwnShareBasisPoints: 9999 }))).toEqual({});
  });

  it('checks the window and dates: instants with an offset, real calendar dates, no unknown fields', async () => {
    expect(
      await problems(
        body({
          'window.opensAt': '2026-06-01',
          'window.closesAt': '2027-03-01T12:00:00',
          'window.extra': 1,
          'projectPeriod.latestEnd': '2027-02-30',
          'payments.springDate': '15.03.2027',
        }),
      ),
    ).toEqual({
      'window.opensAt': ['isIsoInstant'],
      'window.closesAt': ['isIsoInstant'],
      'window.extra': ['whitelistValidation'],
      'projectPeriod.latestEnd': ['isIsoDate'],
      'payments.springDate': ['isIsoDate'],
    });
  });

  it('checks the eligibility rules against the kernel’s rule types', async () => {
    expect(
      await problems(body({ eligibility: [{ rule: 'organisation_form', forms: ['kommune'] }] })),
    ).toEqual({
      eligibility: ['isEligibilityRules'],
    });
    expect(await problems(body({ eligibility: [{ rule: 'age', min: 16 }] }))).toEqual({
      eligibility: ['isEligibilityRules'],
    });
    expect(await problems(body({ eligibility: 'KOMM' }))).toEqual({
      eligibility: ['isEligibilityRules'],
    });
  });
});

describe('checkJobbsjansenCallParameters', () => {
  it('refuses a deadline at or before the opening, and accepts one a second later', () => {
    const opensAt = '2026-06-01T08:00:00+02:00';
    expect(codes(newJobbsjansenCallParameters({ window: { opensAt, closesAt: opensAt } }))).toEqual([
      'invalid_call_window@window.closesAt',
    ]);
    expect(
      codes(newJobbsjansenCallParameters({ window: { opensAt, closesAt: '2026-06-01T08:00:01+02:00' } })),
    ).toEqual([]);
  });

  it('refuses a project period that ends before it starts; a one-day period is fine', () => {
    const payments = { springDate: '2027-03-15', autumnDate: '2026-12-15', springShareBasisPoints: 5000 };
    expect(
      codes(
        newJobbsjansenCallParameters({
          projectPeriod: { earliestStart: '2026-08-01', latestEnd: '2026-07-31' },
          payments,
        }),
      ),
    ).toEqual(expect.arrayContaining(['invalid_project_period@projectPeriod.latestEnd']));
    expect(
      codes(
        newJobbsjansenCallParameters({
          projectPeriod: { earliestStart: '2026-12-15', latestEnd: '2027-03-15' },
          payments,
        }),
      ),
    ).toEqual([]);
  });

  it('wants the spring payment in January–June and the autumn one in July–December', () => {
    const withPayments = (springDate: string, autumnDate: string) =>
      codes(
        newJobbsjansenCallParameters({
          projectPeriod: { earliestStart: '2026-01-01', latestEnd: '2027-12-31' },
          payments: { springDate, autumnDate, springShareBasisPoints: 5000 },
        }),
      );
    expect(withPayments('2027-06-30', '2026-07-01')).toEqual([]);
    expect(withPayments('2027-07-01', '2026-06-30')).toEqual([
      'invalid_payment_dates@payments.springDate',
      'invalid_payment_dates@payments.autumnDate',
    ]);
  });

  it('wants both payments inside the project period, its first and last day included', () => {
    const params = (springDate: string, autumnDate: string) =>
      newJobbsjansenCallParameters({
        projectPeriod: { earliestStart: '2026-08-01', latestEnd: '2027-06-30' },
        payments: { springDate, autumnDate, springShareBasisPoints: 5000 },
      });
    expect(codes(params('2027-06-30', '2026-08-01'))).toEqual([]);
    expect(codes(params('2027-06-30', '2026-07-31'))).toEqual(['invalid_payment_dates@payments.autumnDate']);
    expect(codes(params('2026-06-30', '2026-08-01'))).toEqual(['invalid_payment_dates@payments.springDate']);
  });

  it('opens a call only to public applicants, and insists that it says which', () => {
    const withForms = (forms: string[]) =>
      codes(newJobbsjansenCallParameters({ eligibility: [{ rule: 'organisation_form', forms }] }));
    expect(withForms(['KOMM', 'FYLK', 'KF', 'IKS', 'ORGL'])).toEqual([]);
    expect(withForms(['KOMM', 'AS'])).toEqual(['invalid_call_eligibility@eligibility']);
    expect(
      checkJobbsjansenCallParameters(newJobbsjansenCallParameters({ eligibility: [] }))[0].message,
    ).toContain('must name the organisation forms');
    expect(
      codes(newJobbsjansenCallParameters({ eligibility: [{ rule: 'county', countyCodes: ['50'] }] })),
    ).toEqual(['invalid_call_eligibility@eligibility']);
  });
});
