import { toCsv } from './csv';
import { oreAsKroner } from './money';

describe('CSV for spreadsheets', () => {
  it('writes kroner with two decimals and a decimal comma', () => {
    expect(oreAsKroner(0)).toBe('0,00');
    expect(oreAsKroner(5)).toBe('0,05');
    expect(oreAsKroner(123456)).toBe('1234,56');
    expect(oreAsKroner(-250)).toBe('-2,50');
    expect(oreAsKroner(2_330_000_000)).toBe('23300000,00');
    expect(() => oreAsKroner(1.5)).toThrow(RangeError);
  });

  it('starts with a BOM, separates with semicolons, quotes what needs it', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['x;y', 'say "hi"'],
        [null, 3],
      ],
    );
    expect(csv).toBe('\uFEFFa;b\r\n"x;y";"say ""hi"""\r\n;3\r\n');
  });
});
