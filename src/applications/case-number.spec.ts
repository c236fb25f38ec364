import { caseYear, formatCaseNumber, parseCaseNumberSearch } from './case-number';

describe('case numbers', () => {
  it('write the year, the scheme code and at least four digits', () => {
    expect(formatCaseNumber(2026, 'BIO', 1)).toBe('2026/BIO/0001');
    expect(formatCaseNumber(2026, 'KORONA', 123)).toBe('2026/KORONA/0123');
    expect(formatCaseNumber(2027, 'JOBB', 12_345)).toBe('2027/JOBB/12345');
  });

  it('belong to the year of submission in Norway, not in UTC', () => {
    expect(caseYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026);
    expect(caseYear(new Date('2026-12-31T23:00:00Z'))).toBe(2027);
    expect(caseYear(new Date('2027-01-01T00:30:00+01:00'))).toBe(2027);
  });

  it('are searched whole, without the year, or by the number alone', () => {
    expect(parseCaseNumberSearch('2026/BIO/0123')).toEqual({ year: 2026, code: 'BIO', sequence: 123 });
    expect(parseCaseNumberSearch(' bio/123 ')).toEqual({ year: null, code: 'BIO', sequence: 123 });
    expect(parseCaseNumberSearch('0123')).toEqual({ year: null, code: null, sequence: 123 });
    for (const text of ['', '0', '2026/BIO/', '2026/BIO/0', 'BIO-2026-000123', '26/BIO/1', '2026//1'])
      expect([text, parseCaseNumberSearch(text)]).toEqual([text, null]);
  });
});
