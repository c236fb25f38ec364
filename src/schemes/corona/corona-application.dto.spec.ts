import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import {
  CoronaApplicationDto,
  CoronaApprenticeContractDto,
  CoronaFinalReportDto,
} from './corona-application.dto';
import {
  newApprenticeApplication,
  newBioExtraApplication,
  newFagbrevApplication,
  patchJson,
} from './corona-testing';
import { CORONA_VALIDATOR_OPTIONS, validateCoronaPayload } from './corona-validation';

/** Validates like the HTTP pipe (optionally as a partial draft) and returns `path → constraint names`. */
async function problems(
  dto: new () => object,
  plain: object,
  partial = false,
): Promise<Record<string, string[]>> {
  const errors = await validate(plainToInstance(dto, plain), {
    ...CORONA_VALIDATOR_OPTIONS,
    skipMissingProperties: partial,
  });
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

const apprentice = (changes: Record<string, unknown> = {}) => patchJson(newApprenticeApplication(), changes);

const report = {
  measure: 'apprentice_package',
  apprenticePackage: {
    contracts: [
      { reference: 'TFK-2026-0417', outcome: 'running' },
      { reference: 'TFK-2026-0422', outcome: 'ended', endedOn: '2027-03-31' },
    ],
    fundsPassedUndiminishedToEmployer: true,
  },
};

describe('CoronaApplicationDto', () => {
  it.each([
    ['apprentice_package', newApprenticeApplication()],
    ['bio_extra', newBioExtraApplication()],
    ['fagbrev_pa_jobb', newFagbrevApplication()],
  ])('accepts a complete %s application and builds nested instances', async (_, content) => {
    expect(await problems(CoronaApplicationDto, patchJson(content))).toEqual({});
    const result = await validateCoronaPayload(CoronaApplicationDto, patchJson(content));
    expect(result.ok).toBe(true);
  });

  it('builds contract instances for the apprentice package', async () => {
    const result = await validateCoronaPayload(CoronaApplicationDto, apprentice());
    expect(result.ok && result.value.apprenticePackage?.contracts[0]).toBeInstanceOf(
      CoronaApprenticeContractDto,
    );
  });

  it('refuses unknown fields at every level', async () => {
    const plain = apprentice({
      priority: 'high',
      'apprenticePackage.contracts.1.birthDate': '2004-05-17',
      'apprenticePackage.declarations.signedBy': 'Kari',
    });
    expect(await problems(CoronaApplicationDto, plain)).toEqual({
      priority: ['whitelistValidation'],
      'apprenticePackage.contracts.1.birthDate': ['whitelistValidation'],
      'apprenticePackage.declarations.signedBy': ['whitelistValidation'],
    });
  });

  it('names each bad contract value by its field and index', async () => {
    const plain = apprentice({
      'apprenticePackage.contracts.0.signedOn': '01.09.2020',
      'apprenticePackage.contracts.0.statutoryRight': 'yes',
      'apprenticePackage.contracts.1.programme': 'Restaurant',
      'apprenticePackage.contracts.1.packageCode': 'Etter permittering',
      'apprenticePackage.contracts.1.trade': '',
      'apprenticePackage.longestApprenticeLayoffWeeks': 2.5,
      'apprenticePackage.requestedGrantOre': 50_000.5,
    });
    expect(await problems(CoronaApplicationDto, plain)).toEqual({
      'apprenticePackage.contracts.0.signedOn': ['isIsoDate'],
      'apprenticePackage.contracts.0.statutoryRight': ['isBoolean'],
      'apprenticePackage.contracts.1.programme': ['matches'],
      'apprenticePackage.contracts.1.packageCode': ['matches'],
      'apprenticePackage.contracts.1.trade': ['minLength'],
      'apprenticePackage.longestApprenticeLayoffWeeks': ['isInt'],
      'apprenticePackage.requestedGrantOre': ['isInt'],
    });
  });

  it('refuses a national identity number as the candidate reference (data minimisation)', async () => {
    const plain = apprentice({ 'apprenticePackage.contracts.0.candidateReference': '17050412345' });
    expect(await problems(CoronaApplicationDto, plain)).toEqual({
      'apprenticePackage.contracts.0.candidateReference': ['matches'],
    });
    // A reference that merely contains digits is fine.
    expect(
      await problems(
        CoronaApplicationDto,
        apprentice({ 'apprenticePackage.contracts.0.candidateReference': 'K1705041234' }),
      ),
    ).toEqual({});
  });

  it('accepts a contract identified by the Vigo number only (the rules need one of the two)', async () => {
    const plain = apprentice({ 'apprenticePackage.contracts.0.candidateReference': undefined });
    expect(await problems(CoronaApplicationDto, plain)).toEqual({});
  });

  it("fits the content to its measure: the measure's section is required, another measure's refused", async () => {
    const missing = patchJson({ measure: 'apprentice_package' });
    expect(await problems(CoronaApplicationDto, missing)).toEqual({ apprenticePackage: ['isObject'] });
    const mixed = {
      ...patchJson(newBioExtraApplication()),
      apprenticePackage: apprentice().apprenticePackage,
    };
    const result = await validateCoronaPayload(CoronaApplicationDto, mixed, { pathPrefix: 'content' });
    expect(result.ok ? [] : result.problems).toEqual([
      expect.objectContaining({
        field: 'content.apprenticePackage',
        messages: [
          "apprenticePackage belongs to measure apprentice_package; this payload's measure is bio_extra",
        ],
      }),
    ]);
    expect(await problems(CoronaApplicationDto, { measure: 'lockdown_bonus' })).toEqual({
      measure: ['isIn'],
    });
  });

  it('lets a draft be incomplete but not malformed or mixed', async () => {
    expect(await problems(CoronaApplicationDto, { measure: 'apprentice_package' }, true)).toEqual({});
    expect(
      await problems(
        CoronaApplicationDto,
        { measure: 'apprentice_package', apprenticePackage: { contracts: [] } },
        true,
      ),
    ).toEqual({ 'apprenticePackage.contracts': ['arrayMinSize'] });
    expect(
      await problems(
        CoronaApplicationDto,
        { measure: 'bio_extra', apprenticePackage: { requestedGrantOre: 1 } },
        true,
      ),
    ).toEqual({ apprenticePackage: ['isSectionOfMeasure'] });
    expect(await problems(CoronaApplicationDto, { apprenticePackage: {} }, true)).toEqual({
      apprenticePackage: ['isSectionOfMeasure'],
    });
  });

  it('names bad extraordinary-BIO values by field', async () => {
    const plain = patchJson(newBioExtraApplication(), {
      'bioExtra.naceCode': 'restaurant',
      'bioExtra.participants.fullyLaidOffCount': -1,
      'bioExtra.costPlan.0.amountOre': 0.5,
      'bioExtra.costPlan.1.category': 'catering',
      'bioExtra.declarations.notInDifficultyOnReferenceDate': undefined,
    });
    expect(await problems(CoronaApplicationDto, plain)).toEqual({
      'bioExtra.naceCode': ['matches'],
      'bioExtra.participants.fullyLaidOffCount': ['min'],
      'bioExtra.costPlan.0.amountOre': ['isInt'],
      'bioExtra.costPlan.1.category': ['isIn'],
      'bioExtra.declarations.notInDifficultyOnReferenceDate': ['isBoolean'],
    });
  });
});

describe('CoronaFinalReportDto', () => {
  it('accepts a report of running and ended contracts', async () => {
    expect(await problems(CoronaFinalReportDto, report)).toEqual({});
  });

  it('requires the end date of an ended contract, and refuses unknown outcomes and fields', async () => {
    const plain = patchJson(report, {
      'apprenticePackage.contracts.1.endedOn': undefined,
      'apprenticePackage.contracts.0.outcome': 'paused',
      'apprenticePackage.contracts.0.wage': 1,
    });
    expect(await problems(CoronaFinalReportDto, plain)).toEqual({
      'apprenticePackage.contracts.0.outcome': ['isIn'],
      'apprenticePackage.contracts.0.wage': ['whitelistValidation'],
      'apprenticePackage.contracts.1.endedOn': ['isIsoDate'],
    });
  });

  it("refuses another measure's report section", async () => {
    const plain = { ...patchJson(report), measure: 'fagbrev_pa_jobb' };
    expect(await problems(CoronaFinalReportDto, plain)).toEqual({
      apprenticePackage: ['isSectionOfMeasure'],
      fagbrevPaJobb: ['isObject'],
    });
  });
});
