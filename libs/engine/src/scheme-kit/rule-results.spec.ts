import { fail, ok, runRules, type SchemeRule } from './rule-results';

describe('rule results', () => {
  it('fails with a code, a message and the field when there is one', () => {
    expect(fail('too_low', 'Too low', 'amountOre')).toEqual([
      { code: 'too_low', message: 'Too low', field: 'amountOre' },
    ]);
    expect(fail('closed', 'Closed')).toEqual([{ code: 'closed', message: 'Closed' }]);
    expect(Object.keys(fail('closed', 'Closed')[0])).toEqual(['code', 'message']);
  });

  it('runs every rule and lists every reason in the rules’ order', () => {
    const rules: SchemeRule<number>[] = [
      (n) => (n > 0 ? ok : fail('not_positive', 'Must be above zero')),
      (n) => (n % 2 === 0 ? ok : fail('odd', 'Must be even')),
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
