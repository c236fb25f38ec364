import { describe, expect, it } from '@jest/globals';
import { parsePercent, percentInputText } from './percent';

describe('parsePercent', () => {
  it.each([
    ['40', 4000],
    ['12,5', 1250],
    ['12.5', 1250],
    ['12,50', 1250],
    ['0,12', 12],
    ['0,1', 10],
    ['40 %', 4000],
    ['40%', 4000],
    [' 100 ', 10_000],
    ['0', 0],
  ])('reads %j as %d basis points', (text, basisPoints) => {
    expect(parsePercent(text)).toBe(basisPoints);
  });

  it.each(['', ' ', '-5', 'førti', '12,345', '100,01', '101', '1 000', '12,', ',5', '4O'])(
    'refuses %j',
    (text) => {
      expect(parsePercent(text)).toBeNull();
    },
  );
});

describe('percentInputText', () => {
  it.each([
    [4000, ',', '40'],
    [1250, ',', '12,5'],
    [1250, '.', '12.5'],
    [12, ',', '0,12'],
    [10, ',', '0,1'],
    [0, ',', '0'],
    [10_000, ',', '100'],
  ] as const)('shows %d basis points as %j with %j', (basisPoints, separator, text) => {
    expect(percentInputText(basisPoints, separator)).toBe(text);
  });

  it('reads back what it shows', () => {
    for (let basisPoints = 0; basisPoints <= 10_000; basisPoints += 7)
      expect(parsePercent(percentInputText(basisPoints))).toBe(basisPoints);
  });
});
