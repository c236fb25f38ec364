// Shares in forms: the API keeps whole basis points (5 000 = 50 %); people type and read per cent.
// Only the percent widget converts, so form state never holds per cent.

/** Basis points in one per cent. */
const PER_PERCENT = 100;

/**
 * Per cent as typed, to whole basis points: `40`, `12,5`, `12.5`, `0,12`, `40 %`, `40%`.
 * Null when the text is no share (empty, negative, letters, more than two decimals, over 100 %).
 */
export function parsePercent(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '');
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const basisPoints = Number(match[1]) * PER_PERCENT + Number((match[2] ?? '').padEnd(2, '0'));
  return basisPoints <= 100 * PER_PERCENT ? basisPoints : null;
}

/** Whole basis points as per cent to edit: `40`, `12,5`, `0,12` (no trailing zeros). */
export function percentInputText(basisPoints: number, decimalSeparator: ',' | '.' = ','): string {
  const whole = Math.trunc(basisPoints / PER_PERCENT);
  const rest = Math.abs(basisPoints % PER_PERCENT);
  if (rest === 0) return String(whole);
  return `${whole}${decimalSeparator}${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}
