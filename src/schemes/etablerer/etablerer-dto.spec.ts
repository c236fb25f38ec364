import { validatePayload } from '@lib/common';
import {
  EtablererApplicationDto,
  EtablererCostLineDto,
  EtablererFinalReportDto,
} from './etablerer-application.dto';
import {
  EtablererCallParametersDto,
  TRONDELAG_ETABLERER_CALL_PARAMETERS,
} from './etablerer-call-parameters.dto';
import { newEtablererApplication, newEtablererReport, patchEtablererJson } from './etablerer-testing';

/** Validates like the kernel does and returns `field → messages` (empty = valid). */
async function problems(dto: new () => object, plain: unknown): Promise<Record<string, string[]>> {
  const result = await validatePayload(dto, plain);
  return result.ok ? {} : Object.fromEntries(result.problems.map((p) => [p.field, p.messages]));
}
const fields = async (dto: new () => object, plain: unknown) =>
  Object.keys(await problems(dto, plain)).sort();

describe('EtablererCallParametersDto', () => {
  it('accepts the Trøndelag call and holds its figures in øre and basis points', async () => {
    expect(await problems(EtablererCallParametersDto, TRONDELAG_ETABLERER_CALL_PARAMETERS)).toEqual({});
    expect(TRONDELAG_ETABLERER_CALL_PARAMETERS).toMatchObject({
      window: { kind: 'fixed', deadlines: ['2027-04-01T23:59:59+02:00', '2027-10-01T23:59:59+02:00'] },
      minOwnFundsBasisPoints: 10_000,
      aidIntensity: { basisPoints: 5000, smeBasisPoints: 6000, smeBelowEmployees: 250 },
    });
  });

  it('names bad values per field and refuses unknown fields', async () => {
    const plain = patchEtablererJson(TRONDELAG_ETABLERER_CALL_PARAMETERS, {
      'aidIntensity.smeBasisPoints': 10_001,
      'aidIntensity.smeBelowEmployees': 0,
      minOwnFundsBasisPoints: -1,
      maxGrantOre: 1.5,
      'window.kind': 'weekly',
      eligibility: [{ rule: 'county', countyCodes: ['5'] }],
      deMinimis: true,
    });
    expect(await fields(EtablererCallParametersDto, plain)).toEqual([
      'aidIntensity.smeBasisPoints',
      'aidIntensity.smeBelowEmployees',
      'deMinimis',
      'eligibility',
      'maxGrantOre',
      'minOwnFundsBasisPoints',
      'window.kind',
    ]);
  });
});

describe('EtablererApplicationDto', () => {
  it('accepts the sample application and builds nested instances', async () => {
    const result = await validatePayload(
      EtablererApplicationDto,
      JSON.parse(JSON.stringify(newEtablererApplication())),
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.costPlan[0]).toBeInstanceOf(EtablererCostLineDto);
  });

  it('refuses unknown fields inside nested objects and array items', async () => {
    const plain = patchEtablererJson(newEtablererApplication(), {
      'applicant.orgnr': '942110464',
      'costPlan.2.vatOre': 1,
      'declarations.deMinimis': true,
    });
    expect(await fields(EtablererApplicationDto, plain)).toEqual([
      'applicant.orgnr',
      'costPlan.2.vatOre',
      'declarations.deMinimis',
    ]);
  });

  it('names wrong types and bad money per field', async () => {
    const plain = patchEtablererJson(newEtablererApplication(), {
      'applicant.category': 'company',
      'costPlan.0.category': 'depreciation',
      'costPlan.1.amountOre': -5,
      'financingPlan.ownFundsOre': '160000',
      'plannedResults.newBusinesses': 2.5,
      endDate: '2027-13-01',
      'declarations.smeDeclared': 1,
    });
    expect(await fields(EtablererApplicationDto, plain)).toEqual([
      'applicant.category',
      'costPlan.0.category',
      'costPlan.1.amountOre',
      'declarations.smeDeclared',
      'endDate',
      'financingPlan.ownFundsOre',
      'plannedResults.newBusinesses',
    ]);
  });

  it('lets a draft be incomplete but not malformed', async () => {
    expect(
      (await validatePayload(EtablererApplicationDto, { projectTitle: 'Draft' }, { partial: true })).ok,
    ).toBe(true);
    expect((await validatePayload(EtablererApplicationDto, { costPlan: 'none' }, { partial: true })).ok).toBe(
      false,
    );
  });
});

describe('EtablererFinalReportDto', () => {
  it('accepts the sample report and names bad values per field', async () => {
    expect(await problems(EtablererFinalReportDto, JSON.parse(JSON.stringify(newEtablererReport())))).toEqual(
      {},
    );
    const plain = patchEtablererJson(newEtablererReport(), {
      'results.guidanceSessions': -1,
      actualCosts: [],
      materials: 'Course book',
    });
    expect(await fields(EtablererFinalReportDto, plain)).toEqual([
      'actualCosts',
      'materials',
      'results.guidanceSessions',
    ]);
  });
});
