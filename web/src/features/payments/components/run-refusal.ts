import { ProblemError } from '../../../api/problem';
import type { MessageKey } from '../../../i18n/nb';
import type { Translate } from '../../../i18n/i18n';

/** One item a run refused, as the problem names it. */
interface RefusedItem {
  caseReference: string;
  instalment: number | null;
  payoutRequest?: number | null;
  organisationName: string | null;
  code: string;
}

/** A run's refusal in words: a sentence, and a line per item at fault. */
export interface Refusal {
  text: string;
  items: string[];
}

const ITEM_REASONS: Record<string, MessageKey> = {
  payment_not_due: 'paymentRuns.reason.payment_not_due',
  due_amount_changed: 'paymentRuns.reason.due_amount_changed',
  payee_account_missing: 'paymentRuns.reason.payee_account_missing',
  payee_account_invalid: 'paymentRuns.reason.payee_account_invalid',
};

/** What the API's refusal of making or approving a run means for finance, with each item at fault. */
export function runRefusal(error: unknown, t: Translate): Refusal {
  const problem = error instanceof ProblemError ? error.problem : {};
  const code = (problem as { code?: string }).code;
  const refused = ((problem as { items?: RefusedItem[] }).items ?? []).map((item) =>
    t(ITEM_REASONS[item.code] ?? 'paymentRuns.reason.payment_not_due', {
      // A payout request is named as such: "BIO-2026-000123, utbetalingsanmodning nr 1".
      reference:
        item.payoutRequest != null
          ? t('runRequests.refusedRequest', {
              reference: item.caseReference,
              number: String(item.payoutRequest),
            })
          : item.caseReference,
      instalment: item.payoutRequest != null ? '' : String(item.instalment),
      organisation: item.organisationName ?? '',
    }),
  );
  switch (code) {
    case 'run_items_not_due':
      return { text: t('paymentRuns.refused.notDue'), items: refused };
    case 'payee_account_missing':
      return { text: t('paymentRuns.refused.noAccount'), items: refused };
    case 'execution_date_not_business_day':
      return { text: t('paymentRuns.refused.notBusinessDay'), items: [] };
    case 'execution_date_in_past':
      return { text: t('paymentRuns.refused.pastDate'), items: [] };
    case 'county_payment_account_missing':
      return { text: t('paymentRuns.refused.countyAccount'), items: [] };
    case 'run_mixed_currencies':
      return { text: t('runRequests.refused.mixedCurrencies'), items: [] };
    default:
      return { text: t('paymentRuns.refused.other'), items: [] };
  }
}
