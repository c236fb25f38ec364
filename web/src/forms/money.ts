// Amounts in forms: the API keeps whole øre; people type and read kroner. Only the kroner widget
// converts, so form state never holds kroner.

/** Spaces people and Intl put between digit groups: space, no-break space, narrow no-break space. */
const GROUP_SPACES = /[\s\u00a0\u202f]/g;

/**
 * Kroner as typed, to whole øre: `12 500`, `12500`, `12 500,50`, `12500.5`, `12.500`, `kr 12 500,-`.
 * Null when the text is no amount (empty, negative, letters, more than two decimals).
 */
export function parseKroner(text: string): number | null {
  const compact = text
    .replace(GROUP_SPACES, '')
    .replace(/^kr\.?/i, '')
    .replace(/(kr\.?|,-)$/i, '');
  // Whole kroner, with dots between groups of three or none, then at most two decimals after , or .
  const match = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const kroner = Number((match[1] ?? '').replace(/\./g, ''));
  const ore = kroner * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(ore) ? ore : null;
}

/** Whole øre as kroner to edit: `12 500`, or `12 500,50` with øre (digits grouped by spaces). */
export function kronerInputText(ore: number, decimalSeparator: ',' | '.' = ','): string {
  const kroner = Math.floor(ore / 100);
  const rest = ore % 100;
  const grouped = String(kroner).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return rest === 0 ? grouped : `${grouped}${decimalSeparator}${String(rest).padStart(2, '0')}`;
}
