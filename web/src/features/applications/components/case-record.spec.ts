import { describe, expect, it } from '@jest/globals';
import type { Application } from '../../../api/types';
import { acceptanceDueAt, decision, informationRequest } from './case-record';

const withCase = (record: Record<string, unknown>) => ({ case: record }) as unknown as Application;

describe('the case record as the applicant page reads it', () => {
  it('reads an information request only when it has a message and a due date', () => {
    expect(
      informationRequest(
        withCase({ informationRequest: { message: 'Legg ved planen', dueAt: '2026-02-16T11:00:00Z' } }),
      ),
    ).toEqual({ message: 'Legg ved planen', dueAt: '2026-02-16T11:00:00Z' });
    expect(informationRequest(withCase({ informationRequest: null }))).toBeNull();
    expect(informationRequest(withCase({ informationRequest: { message: ' ', dueAt: 'x' } }))).toBeNull();
    expect(informationRequest(withCase({}))).toBeNull();
  });

  it('reads a grant with or without grounds and conditions', () => {
    const at = '2026-02-02T08:00:00.000Z';
    expect(
      decision(
        withCase({
          decision: { kind: 'grant', amount: 100, at, grounds: 'God plan', conditions: ['Rapport', '', 3] },
        }),
      ),
    ).toEqual({ kind: 'grant', amount: 100, at, grounds: 'God plan', conditions: ['Rapport'] });
    expect(
      decision(withCase({ decision: { kind: 'grant', amount: 100, at, committeeCaseRef: null } })),
    ).toEqual({
      kind: 'grant',
      amount: 100,
      at,
      grounds: null,
      conditions: [],
    });
  });

  it('reads a rejection only with its grounds, and nothing else as a decision', () => {
    const at = '2026-02-02T08:00:00.000Z';
    expect(decision(withCase({ decision: { kind: 'rejection', at, grounds: 'Utenfor formålet' } }))).toEqual({
      kind: 'rejection',
      at,
      grounds: 'Utenfor formålet',
    });
    expect(decision(withCase({ decision: { kind: 'rejection', at } }))).toBeNull();
    expect(decision(withCase({ decision: { kind: 'grant', at } }))).toBeNull();
    expect(decision(withCase({ decision: null }))).toBeNull();
    expect(decision(withCase({ decision: [] }))).toBeNull();
  });

  it('reads the acceptance deadline', () => {
    expect(acceptanceDueAt(withCase({ acceptanceDueAt: '2026-02-23T08:00:00.000Z' }))).toBe(
      '2026-02-23T08:00:00.000Z',
    );
    expect(acceptanceDueAt(withCase({ acceptanceDueAt: null }))).toBeNull();
  });
});
