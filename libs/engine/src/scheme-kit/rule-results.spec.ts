import { fail, ok, runRules, type SchemeRule } from './rule-results';

describe('rule results', () => {
  it('fails with a code, the sentence in bokmål and English and the field when there is one', () => {
    const tooLow = { nb: 'For lavt', en: 'Too low' };
    expect(fail('too_low', tooLow, 'amountOre')).toEqual([
      { code: 'too_low', message: 'Too low', text: tooLow, field: 'amountOre' },
    ]);
    const closed = { nb: 'Stengt', en: 'Closed' };
    expect(fail('closed', closed)).toEqual([{ code: 'closed', message: 'Closed', text: closed }]);
    expect(Object.keys(fail('closed', closed)[0])).toEqual(['code', 'message', 'text']);
  });

  it('runs every rule and lists every reason in the rules’ order', () => {
    const rules: SchemeRule<number>[] = [
      (n) => (n > 0 ? ok : fail('not_positive', { nb: 'Må være over null', en: 'Must be above zero' })),
      (n) => (n % 2 === 0 ? ok : fail('odd', { nb: 'Må være et partall', en: 'Must be even' })),
      () => ok,
    ];
    expect(runRules(rules, 4)).toEqual([]);
    expect(runRules(rules, -3).map((r) => r.code)).toEqual(['not_positive', 'odd']);
  });

  it('passes with a list nobody can change', () => {
    expect(ok).toEqual([]);
    expect(Object.isFrozen(ok)).toBe(true);
  });
});
