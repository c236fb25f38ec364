import {
  applyBasisPoints,
  formatBasisPoints,
  formatKroner,
  formatNok,
  isAtLeastRatio,
  isWithinBasisPoints,
  mulDivFloor,
  nok,
  sumOre,
} from './money';

describe('bio money', () => {
  it('rounds products down, also below zero', () => {
    expect(mulDivFloor(7, 1, 2)).toBe(3);
    expect(mulDivFloor(-7, 1, 2)).toBe(-4);
    expect(mulDivFloor(-6, 1, 2)).toBe(-3);
    expect(applyBasisPoints(99, 5000)).toBe(49);
  });

  it('refuses fractions and unsafe results instead of losing precision', () => {
    expect(() => mulDivFloor(1.5, 1, 1)).toThrow(RangeError);
    expect(() => mulDivFloor(1, 1, 0)).toThrow(RangeError);
    expect(() => sumOre([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });

  it('compares shares exactly at the boundary', () => {
    expect(isAtLeastRatio(1, 3, { numerator: 1, denominator: 3 })).toBe(true);
    expect(isAtLeastRatio(1, 2, { numerator: 1, denominator: 3 })).toBe(true);
    expect(isAtLeastRatio(1, 4, { numerator: 1, denominator: 3 })).toBe(false);
    expect(isAtLeastRatio(33, 100, { numerator: 1, denominator: 3 })).toBe(false);
    expect(isWithinBasisPoints(10, 100, 1000)).toBe(true);
    expect(isWithinBasisPoints(11, 100, 1000)).toBe(false);
  });

  it('formats amounts the Norwegian way', () => {
    expect(formatNok(nok(300_000))).toBe('300 000 NOK');
    expect(formatNok(123_456_789)).toBe('1 234 567,89 NOK');
    expect(formatNok(5)).toBe('0,05 NOK');
    expect(formatNok(-150)).toBe('-1,50 NOK');
    expect(formatBasisPoints(5000)).toBe('50 %');
    expect(formatBasisPoints(3333)).toBe('33,33 %');
  });

  it('writes kroner the Norwegian way for bokmål sentences', () => {
    expect(formatKroner(nok(900_000))).toBe('900 000 kr');
    expect(formatKroner(123_456_789)).toBe('1 234 567,89 kr');
    expect(formatKroner(-150)).toBe('-1,50 kr');
  });
});
