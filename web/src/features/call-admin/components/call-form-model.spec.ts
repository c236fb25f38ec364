import { describe, expect, it } from '@jest/globals';
import type { Scheme } from '../../../api/types';
import { callFormData, callRequest, formPath, osloInstant } from './call-form-model';

const scheme = {
  id: 'bio',
  parametersSchema: {
    type: 'object',
    properties: {
      window: { type: 'object', $ref: '#/$defs/SubmissionWindowDto' },
      eligibility: { $ref: '#/$defs/Array' },
      maxGrantBySize: { type: 'object', $ref: '#/$defs/Caps' },
      acceptanceDays: { type: 'integer' },
    },
    $defs: {
      SubmissionWindowDto: {
        type: 'object',
        properties: { kind: { type: 'string' }, opensAt: { type: 'string' }, closesAt: { type: 'string' } },
      },
      Caps: { type: 'object', properties: { smallCompanyMaxOre: { type: 'number' } } },
    },
  },
} as unknown as Scheme;

describe('the call form', () => {
  it('takes a day as its start, or end, in Norwegian time: winter and summer offsets', () => {
    expect(osloInstant('2027-01-04', '00:00:00')).toBe('2027-01-04T00:00:00+01:00');
    expect(osloInstant('2027-06-30', '23:59:59')).toBe('2027-06-30T23:59:59+02:00');
  });

  it('shows the window as days in Norway and leaves who may apply out of the form', () => {
    const data = callFormData({
      title: 'BIO 2026',
      year: 2026,
      frameId: null,
      parameters: {
        window: {
          kind: 'rolling',
          opensAt: '2026-01-05T08:00:00+01:00',
          closesAt: '2026-11-30T23:59:59+01:00',
        },
        eligibility: [{ rule: 'county', countyCodes: ['50'] }],
        acceptanceDays: 21,
      },
    });
    expect(data).toEqual({
      title: 'BIO 2026',
      year: 2026,
      opensOn: '2026-01-05',
      closesOn: '2026-11-30',
      acceptanceDays: 21,
    });
  });

  it('sends a rolling window from the days, keeping the moment of a day left unchanged, and who may apply', () => {
    const base = {
      window: {
        kind: 'fixed',
        opensAt: '2026-01-05T08:00:00+01:00',
        deadlines: ['2026-04-01T23:59:59+02:00'],
      },
      eligibility: [{ rule: 'county', countyCodes: ['50'] }],
    };
    const request = callRequest(
      scheme,
      { title: 'BIO 2027', year: 2027, opensOn: '2026-01-05', closesOn: '2027-11-30', acceptanceDays: 14 },
      base,
    );
    expect(request).toEqual({
      title: 'BIO 2027',
      year: 2027,
      frameId: null,
      parameters: {
        acceptanceDays: 14,
        eligibility: base.eligibility,
        window: {
          kind: 'rolling',
          opensAt: '2026-01-05T08:00:00+01:00',
          closesAt: '2027-11-30T23:59:59+01:00',
        },
      },
    });
  });

  it("places the server's fields on the form: the window on the dates, parameters by their path", () => {
    const schema = scheme.parametersSchema as Record<string, unknown>;
    expect(formPath('parameters.window.closesAt', schema)).toEqual(['closesOn']);
    expect(formPath('window.opensAt', schema)).toEqual(['opensOn']);
    expect(formPath('parameters.maxGrantBySize.smallCompanyMaxOre', schema)).toEqual([
      'maxGrantBySize',
      'smallCompanyMaxOre',
    ]);
    expect(formPath('eligibility', schema)).toEqual(['eligibility']);
    expect(formPath('nothing.here', schema)).toEqual([]);
  });
});
