import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { PAYLOAD_VALIDATOR_OPTIONS } from '@lib/common';
import { BioCallParametersDto, TRONDELAG_BIO_CALL_PARAMETERS } from './bio-call-parameters.dto';
import { patchJson } from './bio-testing';

async function problems(plain: object): Promise<Record<string, string[]>> {
  const errors = await validate(plainToInstance(BioCallParametersDto, plain), PAYLOAD_VALIDATOR_OPTIONS);
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

const body = (changes: Record<string, unknown> = {}) => patchJson(TRONDELAG_BIO_CALL_PARAMETERS, changes);

describe('BioCallParametersDto', () => {
  it('accepts the Trøndelag seed', async () => {
    expect(await problems(body())).toEqual({});
  });

  it('holds the Trøndelag figures in øre and basis points', () => {
    expect(TRONDELAG_BIO_CALL_PARAMETERS).toMatchObject({
      maxGrantBySize: {
        smallBelowEmployees: 50,
        smallCompanyMaxOre: 30_000_000,
        otherCompanyMaxOre: 50_000_000,
      },
      maxGrantPerParticipantOre: 10_000_000,
      aidIntensityBasisPoints: 5000,
      maxTravelAndAdministrationBasisPoints: 1000,
      minTrainingCostShare: { numerator: 1, denominator: 3 },
      completionMonths: 18,
      stateAidBasis: 'gber_art31',
      acceptanceDays: 21,
    });
  });

  it('rejects fractional, negative and out-of-range money and shares', async () => {
    const plain = body({
      aidIntensityBasisPoints: 50.5,
      maxTravelAndAdministrationBasisPoints: 10_001,
      maxGrantPerParticipantOre: -1,
      'maxGrantBySize.smallCompanyMaxOre': 300_000.5,
      'minTrainingCostShare.denominator': 0,
    });
    expect(await problems(plain)).toEqual({
      aidIntensityBasisPoints: ['isInt'],
      maxTravelAndAdministrationBasisPoints: ['max'],
      maxGrantPerParticipantOre: ['min'],
      'maxGrantBySize.smallCompanyMaxOre': ['isInt'],
      'minTrainingCostShare.denominator': ['min'],
    });
  });

  it('checks the window: instants with an offset, deadlines for fixed calls', async () => {
    expect(await problems({ ...body(), window: { kind: 'rolling', opensAt: '2026-01-05' } })).toEqual({
      'window.opensAt': ['isIsoInstant'],
    });
    expect(
      await problems({ ...body(), window: { kind: 'fixed', opensAt: '2026-01-05T08:00:00+01:00' } }),
    ).toEqual({
      'window.deadlines': ['arrayMaxSize', 'arrayMinSize', 'isArray', 'isIsoInstant'],
    });
    expect(
      await problems({
        ...body(),
        window: { kind: 'fixed', opensAt: '2026-01-05T08:00:00+01:00', deadlines: ['2026-03-15T23:59:59'] },
      }),
    ).toEqual({ 'window.deadlines': ['isIsoInstant'] });
    expect(
      await problems({ ...body(), window: { kind: 'weekly', opensAt: '2026-01-05T08:00:00Z', extra: 1 } }),
    ).toEqual({
      'window.kind': ['isIn'],
      'window.extra': ['whitelistValidation'],
    });
  });

  it('checks eligibility rules, cost categories and the aid basis against their code lists', async () => {
    expect(
      await problems({
        ...body(),
        eligibility: [
          { rule: 'organisation_form', forms: ['AS'] },
          { rule: 'county', countyCodes: ['5'] },
        ],
        eligibleCostCategories: ['provider_fees', 'provider_fees'],
        stateAidBasis: 'gber_art32',
      }),
    ).toEqual({
      eligibility: ['isEligibilityRules'],
      eligibleCostCategories: ['arrayUnique'],
      stateAidBasis: ['isIn'],
    });
  });

  it("no longer takes BIO's own organisation-form, employee and county fields", async () => {
    expect(
      await problems({ ...body(), eligibleOrganisationForms: ['AS'], minEmployees: 1, countyCode: '50' }),
    ).toEqual({
      eligibleOrganisationForms: ['whitelistValidation'],
      minEmployees: ['whitelistValidation'],
      countyCode: ['whitelistValidation'],
    });
  });
});
