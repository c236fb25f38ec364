import { leastCap } from './least-cap';

describe('leastCap', () => {
  it('takes the smallest cap and names it', () => {
    expect(
      leastCap([
        ['size', 300],
        ['participants', 400],
        ['aid_intensity', 350],
      ]),
    ).toEqual({
      amountOre: 300,
      limitedBy: ['size'],
    });
  });

  it('names every cap that ties, in the order given', () => {
    expect(
      leastCap([
        ['a', 5],
        ['b', 7],
        ['c', 5],
      ]),
    ).toEqual({ amountOre: 5, limitedBy: ['a', 'c'] });
  });

  it('refuses an empty list', () => {
    expect(() => leastCap([])).toThrow(RangeError);
  });
});
