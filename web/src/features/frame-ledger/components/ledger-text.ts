// The ledger in words: kinds, organisation numbers, and the filters the address may carry.
import type { EntryFilters, EntryKind, LedgerEntry } from '../../../api/types';
import { parseDateInput } from '../../../forms/date-input';
import type { MessageKey } from '../../../i18n/nb';

export const KINDS: readonly EntryKind[] = [
  'allocation',
  'top_up',
  'reallocation',
  'commitment',
  'release',
  'disbursement',
  'repayment',
  'carry_over',
];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters in the address, each only if the API accepts it (an edited address is ignored). */
export function filtersFrom(params: URLSearchParams): EntryFilters {
  const filters: EntryFilters = {};
  const kind = KINDS.find((k) => k === params.get('kind'));
  if (kind) filters.kind = kind;
  for (const name of ['from', 'to'] as const) {
    const value = params.get(name);
    if (value && ISO_DATE.test(value) && parseDateInput(value)) filters[name] = value;
  }
  const search = params.get('search')?.trim();
  if (search && search.length <= 100) filters.search = search;
  return filters;
}

/** The entry's kind in words; a movement between frames by its direction. */
export function kindWords(entry: Pick<LedgerEntry, 'kind' | 'direction'>): MessageKey {
  switch (entry.kind) {
    case 'reallocation':
      return entry.direction === 'out'
        ? 'frameLedger.kind.reallocationOut'
        : 'frameLedger.kind.reallocationIn';
    case 'carry_over':
      return entry.direction === 'out' ? 'frameLedger.kind.carryOverOut' : 'frameLedger.kind.carryOverIn';
    default:
      return `frameLedger.kind.${entry.kind}`;
  }
}
