import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { BioApplicationDto, BioCostLineDto, BioFinalReportDto } from './bio-application.dto';
import { nok, PAYLOAD_VALIDATOR_OPTIONS, validatePayload } from '@lib/common';
import { newBioApplication, patchJson } from './bio-testing';

/** Validates like the HTTP pipe and returns `path → constraint names`. */
async function problems(dto: new () => object, plain: object): Promise<Record<string, string[]>> {
  const errors = await validate(plainToInstance(dto, plain), PAYLOAD_VALIDATOR_OPTIONS);
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

/** The default application as a client would send it, with dotted-path changes. */
const body = (changes: Record<string, unknown> = {}) => patchJson(newBioApplication(), changes);

describe('BioApplicationDto', () => {
  it('accepts a complete application and builds nested instances', async () => {
    expect(await problems(BioApplicationDto, body())).toEqual({});
    const result = await validatePayload(BioApplicationDto, body());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value).toBeInstanceOf(BioApplicationDto);
      expect(result.value.costPlan[0]).toBeInstanceOf(BioCostLineDto);
    }
  });

  it('reports unknown fields inside nested objects and array items', async () => {
    const plain = body({
      'costPlan.1.vatOre': 100,
      'trainingPlan.hours': 40,
      'declarations.signedBy': 'Kari',
    });
    expect(await problems(BioApplicationDto, plain)).toEqual({
      'costPlan.1.vatOre': ['whitelistValidation'],
      'trainingPlan.hours': ['whitelistValidation'],
      'declarations.signedBy': ['whitelistValidation'],
    });
  });

  it('reports wrong types in nested cost lines with their index', async () => {
    const plain = body({
      'costPlan.0.amountOre': '400000',
      'costPlan.2.category': 'catering',
      'costPlan.3.description': 42,
    });
    expect(await problems(BioApplicationDto, plain)).toEqual({
      'costPlan.0.amountOre': ['isInt', 'max', 'min'],
      'costPlan.2.category': ['isIn'],
      'costPlan.3.description': ['isString', 'maxLength'],
    });
  });

  it('rejects negative and fractional øre everywhere money appears', async () => {
    const plain = body({
      'costPlan.0.amountOre': -1,
      'costPlan.1.amountOre': 100.5,
      'financingPlan.requestedGrantOre': 0.01,
      'declarations.otherPublicSupportAmountOre': -100,
    });
    expect(await problems(BioApplicationDto, plain)).toEqual({
      'costPlan.0.amountOre': ['min'],
      'costPlan.1.amountOre': ['isInt'],
      'financingPlan.requestedGrantOre': ['isInt'],
      'declarations.otherPublicSupportAmountOre': ['min'],
    });
  });

  it('refuses amounts beyond the safe bound', async () => {
    const plain = body({ 'costPlan.0.amountOre': 1e15 });
    expect(await problems(BioApplicationDto, plain)).toEqual({ 'costPlan.0.amountOre': ['max'] });
  });

  it('refuses items that are not objects, a cost plan that is not an array, and missing parts', async () => {
    const plain = body({ 'costPlan.1': 'provider_fees: 250000', financingPlan: undefined, participants: 4 });
    const found = await problems(BioApplicationDto, plain);
    expect(Object.keys(found).sort()).toEqual(['costPlan.1', 'financingPlan', 'participants']);
    expect(
      await problems(BioApplicationDto, { ...body(), costPlan: { category: 'provider_fees', amountOre: 1 } }),
    ).toEqual({
      costPlan: ['arrayMaxSize', 'arrayMinSize', 'isArray'],
    });
    expect(await problems(BioApplicationDto, { ...body(), costPlan: [] })).toEqual({
      costPlan: ['arrayMinSize'],
    });
  });

  it('checks participant counts, provider types and booleans without converting strings', async () => {
    const plain = body({
      participants: { count: 0, weeksEach: 2.5 },
      'trainingPlan.providerType': 'fagskole',
      'declarations.notInEconomicDifficulty': 'true',
    });
    expect(await problems(BioApplicationDto, plain)).toEqual({
      'participants.count': ['min'],
      'participants.weeksEach': ['isInt'],
      'trainingPlan.providerType': ['isIn'],
      'declarations.notInEconomicDifficulty': ['isBoolean'],
    });
  });

  it('takes calendar dates only', async () => {
    expect(
      await problems(BioApplicationDto, {
        ...body(),
        startDate: '2026-02-30',
        endDate: '2026-03-02T00:00:00Z',
      }),
    ).toEqual({
      startDate: ['isIsoDate'],
      endDate: ['isIsoDate'],
    });
  });

  it('gives field paths in the API problem shape', async () => {
    const plain = body({ 'costPlan.2.amountOre': -5 });
    const result = await validatePayload(BioApplicationDto, plain);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          field: 'costPlan.2.amountOre',
          pointer: '/costPlan/2/amountOre',
          messages: ['amountOre must not be less than 0'],
        },
      ],
    });
    expect(await validatePayload(BioApplicationDto, [])).toMatchObject({ ok: false });
  });

  it('documents nested types for OpenAPI', () => {
    const meta = (name: string) =>
      Reflect.getMetadata('swagger/apiModelProperties', BioApplicationDto.prototype, name) as Record<
        string,
        unknown
      >;
    expect(meta('costPlan')).toMatchObject({ isArray: true });
    expect((meta('costPlan').type as () => unknown)()).toBe(BioCostLineDto);
  });
});

describe('BioFinalReportDto', () => {
  const report = () => ({
    summary: 'All six modules held',
    participantsCompleted: 3,
    actualCosts: [
      { category: 'participant_wages', amountOre: nok(380_000) },
      { category: 'provider_fees', amountOre: nok(250_000) },
    ],
  });

  it('accepts a complete report', async () => {
    expect(await problems(BioFinalReportDto, report())).toEqual({});
  });

  it('validates the nested actual costs', async () => {
    const plain = patchJson(report(), {
      participantsCompleted: -1,
      'actualCosts.0.amountOre': 12.5,
      'actualCosts.1.note': 'x',
    });
    expect(await problems(BioFinalReportDto, plain)).toEqual({
      participantsCompleted: ['min'],
      'actualCosts.0.amountOre': ['isInt'],
      'actualCosts.1.note': ['whitelistValidation'],
    });
  });
});
