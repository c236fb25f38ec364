import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { CoronaCallParametersDto, type CoronaCallParameters } from './corona-call-parameters.dto';
import {
  CORONA_DEMO_CALLS,
  ROGALAND_BIO_EXTRA_PARAMETERS,
  TRONDELAG_APPRENTICE_PACKAGE_PARAMETERS,
  TRONDELAG_BIO_EXTRA_PARAMETERS,
  TRONDELAG_FAGBREV_PARAMETERS,
} from './corona-demo-calls';
import {
  newApprentice2020CallParameters,
  newApprenticeCallParameters,
  newBioExtraCallParameters,
  newFagbrevCallParameters,
  patchJson,
} from './corona-testing';
import { CORONA_VALIDATOR_OPTIONS, validateCoronaPayload } from './corona-validation';
import { checkCoronaCallParameters } from './corona.rules';
import { coronaScheme } from './corona.scheme';

/** Validates like the HTTP pipe and returns `path → constraint names`. */
async function problems(plain: object): Promise<Record<string, string[]>> {
  const errors = await validate(plainToInstance(CoronaCallParametersDto, plain), CORONA_VALIDATOR_OPTIONS);
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

const codes = (params: CoronaCallParameters) => checkCoronaCallParameters(params).map((r) => r.code);

describe('CoronaCallParametersDto', () => {
  it.each(CORONA_DEMO_CALLS.map((c) => [c.title, c.parameters] as const))(
    'accepts the demo call "%s", and its rules find nothing wrong',
    async (_, parameters) => {
      expect(await problems(parameters)).toEqual({});
      const validation = await validateCoronaPayload(CoronaCallParametersDto, parameters);
      expect(validation.ok).toBe(true);
      if (validation.ok) expect(checkCoronaCallParameters(validation.value)).toEqual([]);
    },
  );

  it('has one Trøndelag demo call per measure, each on a frame of its own, and Rogaland extra BIO money', () => {
    const trondelag = CORONA_DEMO_CALLS.filter((c) => c.countyCode === '50');
    expect(trondelag.map((c) => (c.parameters as CoronaCallParameters).measure).sort()).toEqual([
      'apprentice_package',
      'bio_extra',
      'fagbrev_pa_jobb',
    ]);
    expect(new Set(trondelag.map((c) => c.frame.name)).size).toBe(3);
    expect(CORONA_DEMO_CALLS.find((c) => c.countyCode === '11')?.parameters).toBe(
      ROGALAND_BIO_EXTRA_PARAMETERS,
    );
  });

  it('keeps the real amounts: 5 MNOK apprentice package split with Fagbrev på jobb, the 2021 BIO shares', () => {
    const frame = (title: string) => CORONA_DEMO_CALLS.find((c) => c.title.includes(title))!.frame;
    expect(frame('lærlinger').allocationOre + frame('Fagbrev').allocationOre).toBe(500_000_000);
    expect(frame('lærlinger').caseReference).toBe('FU-sak 161/20');
    expect(frame('Fagbrev').reason).toMatch(/reallocat/i);
    expect(frame('BIO-midler (korona) 2026 – Trøndelag').allocationOre).toBe(2_621_500_000);
    expect(frame('Rogaland').allocationOre).toBe(2_685_600_000);
    expect(TRONDELAG_APPRENTICE_PACKAGE_PARAMETERS.apprenticePackage).toMatchObject({
      maxPerCompanyOre: 5_000_000,
      prioritisedProgrammes: ['DH', 'MK', 'RM', 'SS'],
    });
    expect(TRONDELAG_BIO_EXTRA_PARAMETERS.bioExtra).toMatchObject({
      aidIntensityBasisPoints: 6000,
      maxGrantBySize: { smallCompanyMaxOre: 30_000_000 },
    });
  });

  it('keeps every demo call open on the demo date (2026-11-23), with the real two-month apprentice structure', () => {
    const demoDate = Date.parse('2026-11-23T12:00:00+01:00');
    for (const demo of CORONA_DEMO_CALLS) {
      const window = coronaScheme.callWindow(demo.parameters as CoronaCallParameters);
      expect(Date.parse(window.opensAt)).toBeLessThanOrEqual(demoDate);
      expect(window.closesAt === null || Date.parse(window.closesAt) >= demoDate).toBe(true);
    }
    expect(TRONDELAG_APPRENTICE_PACKAGE_PARAMETERS.apprenticePackage?.contractPeriod).toEqual({
      from: '2026-11-01',
      to: '2027-01-01',
    });
  });

  it('closes a call at its last extension', () => {
    expect(coronaScheme.callWindow(TRONDELAG_BIO_EXTRA_PARAMETERS)).toEqual({
      opensAt: '2026-04-01T08:00:00+02:00',
      closesAt: '2026-11-30T23:59:59+01:00',
    });
    expect(coronaScheme.callWindow(newApprentice2020CallParameters()).closesAt).toBe(
      '2020-09-01T23:59:59+02:00',
    );
  });

  it('refuses unknown fields at every level', async () => {
    const plain = patchJson(TRONDELAG_APPRENTICE_PACKAGE_PARAMETERS, {
      budget: 1,
      'window.timezone': 'Europe/Oslo',
      'apprenticePackage.packages.0.bonus': 1,
      'apprenticePackage.contractPeriod.inclusive': true,
    });
    expect(await problems(plain)).toEqual({
      budget: ['whitelistValidation'],
      'window.timezone': ['whitelistValidation'],
      'apprenticePackage.packages.0.bonus': ['whitelistValidation'],
      'apprenticePackage.contractPeriod.inclusive': ['whitelistValidation'],
    });
  });

  it('names each bad value by its field', async () => {
    const plain = patchJson(TRONDELAG_APPRENTICE_PACKAGE_PARAMETERS, {
      measure: 'covid_bonus',
      'window.opensAt': '2026-11-01',
      'apprenticePackage.maxPerCompanyOre': 50_000.5,
      'apprenticePackage.packages.1.ratePerContractOre': -1,
      'apprenticePackage.packages.2.code': 'Overtatt Lærling',
      'apprenticePackage.contractPeriod.to': '2027-02-30',
      'apprenticePackage.prioritisedProgrammes': ['RM', 'restaurant'],
      advancePaymentBasisPoints: 10_001,
      eligibility: [{ rule: 'county', countyCodes: ['Trøndelag'] }],
    });
    expect(await problems(plain)).toEqual({
      measure: ['isIn'],
      // The section no longer matches the (invalid) measure.
      apprenticePackage: ['isSectionOfMeasure'],
      'window.opensAt': ['isIsoInstant'],
      'apprenticePackage.maxPerCompanyOre': ['isInt'],
      'apprenticePackage.packages.1.ratePerContractOre': ['min'],
      'apprenticePackage.packages.2.code': ['matches'],
      'apprenticePackage.contractPeriod.to': ['isIsoDate'],
      'apprenticePackage.prioritisedProgrammes': ['matches'],
      advancePaymentBasisPoints: ['max'],
      eligibility: ['isEligibilityRules'],
    });
  });

  it("requires the measure's section and refuses another measure's, naming both measures", async () => {
    const missing = patchJson(TRONDELAG_FAGBREV_PARAMETERS, { fagbrevPaJobb: undefined });
    expect(await problems(missing)).toEqual({ fagbrevPaJobb: ['isObject'] });
    const foreign = {
      ...patchJson(TRONDELAG_FAGBREV_PARAMETERS),
      apprenticePackage: patchJson(TRONDELAG_APPRENTICE_PACKAGE_PARAMETERS).apprenticePackage,
    };
    expect(await problems(foreign)).toEqual({ apprenticePackage: ['isSectionOfMeasure'] });
    const validation = await validateCoronaPayload(CoronaCallParametersDto, foreign);
    expect(validation.ok ? [] : validation.problems).toEqual([
      expect.objectContaining({
        field: 'apprenticePackage',
        messages: [
          "apprenticePackage belongs to measure apprentice_package; this payload's measure is fagbrev_pa_jobb",
        ],
      }),
    ]);
  });
});

describe('checkCoronaCallParameters', () => {
  it('refuses a call that closes before it opens, and extensions that do not move the deadline later', () => {
    expect(
      codes(
        newBioExtraCallParameters(
          {},
          { window: { opensAt: '2026-06-01T00:00:00+02:00', closesAt: '2026-06-01T00:00:00+02:00' } },
        ),
      ),
    ).toEqual(['invalid_call_window']);
    expect(
      codes(
        newBioExtraCallParameters(
          {},
          {
            window: {
              opensAt: '2026-04-01T08:00:00+02:00',
              closesAt: '2026-06-01T23:59:59+02:00',
              extensions: ['2026-10-01T23:59:59+02:00', '2026-10-01T23:59:59+02:00'],
            },
          },
        ),
      ),
    ).toEqual(['invalid_call_window']);
    expect(
      codes(
        newBioExtraCallParameters(
          {},
          { window: { opensAt: '2026-04-01T08:00:00+02:00', extensions: ['2026-10-01T23:59:59+02:00'] } },
        ),
      ),
    ).toEqual(['invalid_call_window']);
  });

  it('allows 70 % aid intensity under GBER art. 31, not 70,01 %; de minimis has no such ceiling', () => {
    expect(codes(newBioExtraCallParameters({ aidIntensityBasisPoints: 7000 }))).toEqual([]);
    expect(codes(newBioExtraCallParameters({ aidIntensityBasisPoints: 7001 }))).toEqual([
      'invalid_call_shares',
    ]);
    expect(
      codes(newBioExtraCallParameters({ aidIntensityBasisPoints: 7001, stateAidBasis: 'de_minimis' })),
    ).toEqual([]);
  });

  it('refuses a training share above 1 or without eligible provider fees', () => {
    expect(
      codes(newBioExtraCallParameters({ minTrainingCostShare: { numerator: 4, denominator: 3 } })),
    ).toEqual(['invalid_call_shares']);
    expect(codes(newBioExtraCallParameters({ eligibleCostCategories: ['participant_wages'] }))).toEqual([
      'invalid_call_shares',
    ]);
  });

  it('refuses a reversed signing period, a one-day period is fine', () => {
    expect(
      codes(newApprenticeCallParameters({ contractPeriod: { from: '2020-09-01', to: '2020-09-01' } })),
    ).toEqual([]);
    expect(
      codes(newApprenticeCallParameters({ contractPeriod: { from: '2020-09-01', to: '2020-08-31' } })),
    ).toEqual(['invalid_contract_period']);
    expect(
      codes(newFagbrevCallParameters({ contractPeriod: { from: '2020-09-01', to: '2020-08-31' } })),
    ).toEqual(['invalid_contract_period']);
  });

  it('refuses duplicate package codes, zero rates and a zero cap', () => {
    const packages = TRONDELAG_APPRENTICE_PACKAGE_PARAMETERS.apprenticePackage!.packages;
    expect(codes(newApprenticeCallParameters({ packages: [packages[0], packages[0]] }))).toEqual([
      'duplicate_package_code',
    ]);
    expect(
      codes(
        newApprenticeCallParameters({
          packages: [{ ...packages[0], ratePerContractOre: 0 }],
          maxPerCompanyOre: 0,
        }),
      ),
    ).toEqual(['invalid_rate', 'invalid_rate']);
    expect(codes(newFagbrevCallParameters({ ratePerContractOre: 0 }))).toEqual(['invalid_rate']);
  });

  it("refuses a call without its measure's section or with another measure's", () => {
    const { apprenticePackage: _, ...withoutSection } = newApprenticeCallParameters();
    expect(codes(withoutSection)).toEqual(['measure_section_missing']);
    expect(
      codes({ ...newApprenticeCallParameters(), bioExtra: TRONDELAG_BIO_EXTRA_PARAMETERS.bioExtra }),
    ).toEqual(['foreign_section']);
  });
});
