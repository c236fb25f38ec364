import { DomainError, parseBic, parseIban, parseNorwegianAccountNumber } from '@lib/common';
import {
  DEFAULT_PAYOUT_ATTESTATION,
  finalPaymentReserve,
  payoutAttestationFor,
  type CallOpening,
  type CallParameters,
  type CostPlanLine,
} from '@lib/engine';
import type { PayoutRequestContent } from './payout-request.entity';

/** What the grant's money allows a part payment to be now. */
export interface PayoutLimits {
  readonly grantedAmount: number;
  readonly paidAmount: number;
  readonly outstanding: number;
  /** What the final payment must keep. */
  readonly finalReserve: number;
  /** The most a part payment may be now: the outstanding less the reserve, never negative. */
  readonly available: number;
}

export function payoutLimits(
  params: Pick<CallParameters<CallOpening>, 'partPaymentMaxBasisPoints'>,
  grantedAmount: number,
  paidAmount: number,
  outstanding: number,
): PayoutLimits {
  const finalReserve = finalPaymentReserve(params, grantedAmount);
  return {
    grantedAmount,
    paidAmount,
    outstanding,
    finalReserve,
    available: Math.max(0, outstanding - finalReserve),
  };
}

/** Refuses an amount above what may be paid as a part payment now, with the numbers. */
export function assertWithinLimits(amount: number, limits: PayoutLimits, field = 'amount'): void {
  if (amount <= limits.available) return;
  throw new DomainError(
    'unprocessable',
    'payout_amount_too_high',
    `${amount} øre is more than a part payment may be now: ${limits.available} øre (outstanding ${limits.outstanding} øre, less ${limits.finalReserve} øre kept for the final payment)`,
    {
      field,
      requested: amount,
      available: limits.available,
      outstanding: limits.outstanding,
      finalReserve: limits.finalReserve,
    },
  );
}

/** The applicant's input, before it is checked. */
export interface PayoutInput {
  readonly amount: number;
  readonly accountNumber?: string;
  readonly iban?: string;
  readonly bic?: string;
  readonly statusReport: string;
  readonly costs: ReadonlyArray<{ readonly line: string; readonly accumulatedOre: number }>;
  readonly managerName: string;
  readonly accountant?: { readonly name: string; readonly role: 'accountant' | 'auditor' } | null;
}

/**
 * The request as it is stored, or the refusal: the account (a Norwegian account number with its
 * MOD11 check for a frame in NOK; an IBAN and BIC otherwise), cost lines of the approved plan (each
 * at most once), and the confirmation the call asks for at this amount.
 */
export function checkPayoutInput(
  input: PayoutInput,
  context: {
    readonly params: Pick<CallParameters<CallOpening>, 'payoutAttestation'>;
    readonly currency: string;
    readonly costPlan: readonly CostPlanLine[];
  },
): PayoutRequestContent {
  let accountNumber: string | null = null;
  let iban: string | null = null;
  let bic: string | null = null;
  if (context.currency === 'NOK') {
    if (input.accountNumber === undefined || input.accountNumber.trim() === '')
      throw new DomainError(
        'unprocessable',
        'account_number_required',
        'A Norwegian account number is required',
        {
          field: 'accountNumber',
        },
      );
    accountNumber = parseNorwegianAccountNumber(input.accountNumber, 'accountNumber');
  } else {
    if (input.iban === undefined || input.bic === undefined)
      throw new DomainError(
        'unprocessable',
        'iban_required',
        `The frame pays in ${context.currency}: an IBAN and a BIC are required`,
        { field: input.iban === undefined ? 'iban' : 'bic' },
      );
    iban = parseIban(input.iban, 'iban');
    bic = parseBic(input.bic, 'bic');
  }
  const keys = new Set(context.costPlan.map((l) => l.key));
  const seen = new Set<string>();
  input.costs.forEach((cost, i) => {
    if (!keys.has(cost.line) || seen.has(cost.line))
      throw new DomainError(
        'unprocessable',
        'unknown_cost_line',
        `costs.${i}.line "${cost.line}" is not a line of the approved cost plan, or is given twice`,
        { field: `costs.${i}.line` },
      );
    seen.add(cost.line);
  });
  const requirement = payoutAttestationFor(context.params, input.amount);
  const accountant = input.accountant ?? null;
  if (requirement.accountant === 'required' && accountant === null) {
    const from = (context.params.payoutAttestation ?? DEFAULT_PAYOUT_ATTESTATION)
      .accountantConfirmationFromOre;
    throw new DomainError(
      'unprocessable',
      'accountant_confirmation_required',
      `From ${from} øre an accountant's or auditor's confirmation is required`,
      { field: 'accountant', threshold: from, requested: input.amount },
    );
  }
  return {
    amount: input.amount,
    accountNumber,
    iban,
    bic,
    statusReport: input.statusReport.trim(),
    costs: input.costs.map((c) => ({ line: c.line, accumulatedOre: c.accumulatedOre })),
    attestation: {
      managerName: input.managerName.trim(),
      accountant: accountant && { name: accountant.name.trim(), role: accountant.role },
    },
  };
}
