import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { PAYLOAD_VALIDATOR_OPTIONS, validatePayload } from '@lib/common';
import {
  JobbsjansenApplicationDto,
  JobbsjansenCostLineDto,
  JobbsjansenFinalReportDto,
  JobbsjansenParticipantOutcomeDto,
} from './jobbsjansen-application.dto';
import { newJobbsjansenApplication, newJobbsjansenReport, patchJson } from './jobbsjansen-testing';

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

const application = (changes: Record<string, unknown> = {}) =>
  patchJson(newJobbsjansenApplication(), changes);
const report = (changes: Record<string, unknown> = {}) => patchJson(newJobbsjansenReport(), changes);

describe('JobbsjansenApplicationDto', () => {
  it('accepts a complete application and builds nested instances', async () => {
    const result = await validatePayload(JobbsjansenApplicationDto, application());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.costPlan[0]).toBeInstanceOf(JobbsjansenCostLineDto);
  });

  it('holds participants as counts per age band only: a list of people or unknown bands is refused', async () => {
    expect(
      await problems(
        JobbsjansenApplicationDto,
        application({ 'participants.aged25to29': 2, 'participants.names': ['Amina', 'Yonas'] }),
      ),
    ).toEqual({
      'participants.aged25to29': ['whitelistValidation'],
      'participants.names': ['whitelistValidation'],
    });
    expect(
      await problems(
        JobbsjansenApplicationDto,
        application({ participants: [{ name: 'Amina', birthDate: '2008-04-01' }] }),
      ),
    ).toMatchObject({
      participants: ['isObject'],
      'participants.0.name': ['whitelistValidation'],
      'participants.0.birthDate': ['whitelistValidation'],
    });
  });

  it('refuses negative, fractional and string counts, and more than two school years', async () => {
    expect(
      await problems(
        JobbsjansenApplicationDto,
        application({
          'participants.aged16to18': -1,
          'participants.aged19to21': 2.5,
          'participants.aged22to24': '4',
          schoolYearsPerParticipant: 3,
        }),
      ),
    ).toEqual({
      'participants.aged16to18': ['min'],
      'participants.aged19to21': ['isInt'],
      'participants.aged22to24': ['isInt', 'max', 'min'],
      schoolYearsPerParticipant: ['max'],
    });
  });

  it('checks cost lines and money field by field, with their index', async () => {
    expect(
      await problems(
        JobbsjansenApplicationDto,
        application({
          'costPlan.0.category': 'catering',
          'costPlan.1.amountOre': 100.5,
          'costPlan.2.vatOre': 1,
          'financingPlan.ownFinancingOre': -1,
        }),
      ),
    ).toEqual({
      'costPlan.0.category': ['isIn'],
      'costPlan.1.amountOre': ['isInt'],
      'costPlan.2.vatOre': ['whitelistValidation'],
      'financingPlan.ownFinancingOre': ['min'],
    });
  });

  it('takes ordinary operations as a category (the rules refuse it, with a reason)', async () => {
    expect(
      await problems(
        JobbsjansenApplicationDto,
        application({ 'costPlan.0.category': 'ordinary_operations' }),
      ),
    ).toEqual({});
  });

  it('takes calendar dates only', async () => {
    expect(
      await problems(
        JobbsjansenApplicationDto,
        application({ startDate: '2026-02-30', endDate: '2027-06-18Z' }),
      ),
    ).toEqual({ startDate: ['isIsoDate'], endDate: ['isIsoDate'] });
  });
});

describe('JobbsjansenFinalReportDto: participant-level data without personal data', () => {
  it('accepts a report with pseudonymous codes, age bands and outcomes', async () => {
    const result = await validatePayload(JobbsjansenFinalReportDto, report());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.participants[0]).toBeInstanceOf(JobbsjansenParticipantOutcomeDto);
  });

  it('refuses a participant outcome report with personal names', async () => {
    const withName = report({ 'participants.0.name': 'Amina Hassan' });
    expect(await problems(JobbsjansenFinalReportDto, withName)).toEqual({
      'participants.0.name': ['whitelistValidation'],
    });
    const result = await validatePayload(JobbsjansenFinalReportDto, withName, { pathPrefix: 'report' });
    expect(result).toMatchObject({
      ok: false,
      problems: [expect.objectContaining({ field: 'report.participants.0.name' })],
    });
    // Nor in the code itself.
    expect(
      await problems(JobbsjansenFinalReportDto, report({ 'participants.1.code': 'Amina Hassan' })),
    ).toEqual({
      'participants.1.code': ['matches'],
    });
  });

  it('refuses birth dates, identity numbers and other personal fields on a participant', async () => {
    expect(
      await problems(
        JobbsjansenFinalReportDto,
        report({
          'participants.0.birthDate': '2008-04-01',
          'participants.1.nationalIdentityNumber': '01040812345',
          'participants.2.countryOfBirth': 'Eritrea',
        }),
      ),
    ).toEqual({
      'participants.0.birthDate': ['whitelistValidation'],
      'participants.1.nationalIdentityNumber': ['whitelistValidation'],
      'participants.2.countryOfBirth': ['whitelistValidation'],
    });
  });

  it.each([
    ['K7Q2M9', true],
    ['JB26K001', true],
    ['A1B2C3D4E5F6', true],
    ['A1B2C', false], // 5 characters
    ['A1B2C3D4E5F6G', false], // 13 characters
    ['k7q2m9', false], // lower case
    ['K7Q-2M9', false],
    ['OLANORDMANN', false], // a name in capitals: no digit
    ['010408', false], // a birth date: no letter
    ['01040812345', false], // a national identity number: no letter
  ])('participant code %s is accepted: %s', async (code, accepted) => {
    const found = await problems(JobbsjansenFinalReportDto, report({ 'participants.0.code': code }));
    expect(found).toEqual(accepted ? {} : { 'participants.0.code': ['matches'] });
  });

  it('checks outcomes, age bands and project-level counts against their code lists', async () => {
    expect(
      await problems(
        JobbsjansenFinalReportDto,
        report({
          'participants.0.outcome': 'moved_away',
          'participants.1.ageBand': 'aged25to29',
          'results.participants': -1,
          'results.passedExam': 3,
          'actualFinancing.ownFinancingOre': 0.5,
        }),
      ),
    ).toEqual({
      'participants.0.outcome': ['isIn'],
      'participants.1.ageBand': ['isIn'],
      'results.participants': ['min'],
      'results.passedExam': ['whitelistValidation'],
      'actualFinancing.ownFinancingOre': ['isInt'],
    });
  });

  it('accepts a report with no participant rows (the rules then compare with the project level)', async () => {
    expect(await problems(JobbsjansenFinalReportDto, report({ participants: [] }))).toEqual({});
  });
});
