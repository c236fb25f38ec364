import { describe, expect, it } from '@jest/globals';
import { ProblemError } from '../../../api/problem';
import { parseKroner } from '../../../forms/money';
import { checkDueDate, endOfDayInNorway, refusalText } from './casework-text';

describe('parseKroner', () => {
  it('reads kroner the way people type them, into whole øre', () => {
    expect(parseKroner('250 000')).toBe(25_000_000);
    expect(parseKroner('250\u00a0000')).toBe(25_000_000);
    expect(parseKroner('kr 1 234,50')).toBe(123_450);
    expect(parseKroner('1234.5')).toBe(123_450);
    expect(parseKroner('300 000,-')).toBe(30_000_000);
  });

  it('is null for what is not an amount', () => {
    for (const text of ['', 'abc', '1,234,5', '-5', '12,345', '1e6']) expect(parseKroner(text)).toBeNull();
  });
});

describe('endOfDayInNorway', () => {
  it('ends the day in Norwegian time, in winter and in summer', () => {
    expect(endOfDayInNorway('2026-02-16')).toBe('2026-02-16T23:59:00+01:00');
    expect(endOfDayInNorway('2026-07-01')).toBe('2026-07-01T23:59:00+02:00');
  });
});

describe('refusalText', () => {
  const problem = (status: number, body: object = {}) => new ProblemError(status, body);

  it('says what kind of refusal it is by its status', () => {
    expect(refusalText(problem(403))).toEqual(['casework.refusal.forbidden']);
    expect(refusalText(problem(404))).toEqual(['casework.refusal.notFound']);
    expect(refusalText(problem(409))).toEqual(['casework.refusal.conflict']);
    expect(refusalText(new Error('network'))).toEqual(['casework.refusal.failed']);
  });

  it('names the rules a 422 lists, and falls back to a general sentence', () => {
    const fourEyes = problem(422, {
      reasons: [
        'four eyes: the decision must be made by someone other than the case officer who recommended it',
      ],
    });
    expect(refusalText(fourEyes)).toEqual(['casework.refusal.fourEyes']);
    const above = problem(422, {
      reasons: [
        'the recommended amount kr 400 000 exceeds the maximum grant of kr 300 000 for this application',
      ],
    });
    expect(refusalText(above)).toEqual(['casework.refusal.aboveMaximum']);
    expect(refusalText(problem(422, { reasons: ['something new'] }))).toEqual(['casework.refusal.rule']);
  });
});

describe('checkDueDate', () => {
  const today = '2026-02-02';

  it('reads dd.mm.åååå (and d.m.åååå) as a date, today or later', () => {
    expect(checkDueDate('16.02.2026', today)).toEqual({ ok: true, date: '2026-02-16' });
    expect(checkDueDate(' 2.2.2026 ', today)).toEqual({ ok: true, date: '2026-02-02' });
    expect(checkDueDate('01.01.2027', today)).toEqual({ ok: true, date: '2027-01-01' });
  });

  it('says what is wrong: nothing typed, no real day, or a day before today', () => {
    expect(checkDueDate('  ', today)).toEqual({ ok: false, problem: 'missing' });
    expect(checkDueDate('30.02.2026', today)).toEqual({ ok: false, problem: 'invalid' });
    expect(checkDueDate('16/02/2026', today)).toEqual({ ok: false, problem: 'invalid' });
    expect(checkDueDate('i morgen', today)).toEqual({ ok: false, problem: 'invalid' });
    expect(checkDueDate('01.02.2026', today)).toEqual({ ok: false, problem: 'past' });
    expect(checkDueDate('31.12.2025', today)).toEqual({ ok: false, problem: 'past' });
  });

  it('leaves the past to the server when it does not know today', () => {
    expect(checkDueDate('01.02.2020', null)).toEqual({ ok: true, date: '2020-02-01' });
  });
});
