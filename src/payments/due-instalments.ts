import { norwegianDate } from '@lib/common';
import type { Instalment } from '@lib/engine';

/** What the lifecycle says about a grant's gates, and today's date in Norway. */
export interface GrantGates {
  /** When the grant was accepted (ISO instant); null while it is not. */
  readonly acceptedAt: string | null;
  /** When the final report was approved (ISO instant); null while it is not. */
  readonly reportApprovedAt: string | null;
  /** Today in Norway, `YYYY-MM-DD`. */
  readonly today: string;
  /** When each approved interim report was approved (ISO instant), by its key; absent = none approved. */
  readonly interimApprovedAt?: Readonly<Record<string, string>>;
}

/** One instalment that may be paid now. */
export interface DueInstalment {
  /** Its place in the plan, from 1. */
  readonly number: number;
  readonly label: string;
  readonly on: Instalment['on'];
  readonly date: string | null;
  /** øre: the instalment's unpaid part, within what the grant still has outstanding. */
  readonly amount: number;
  /** The Norwegian calendar day it fell due, `YYYY-MM-DD`. */
  readonly dueSince: string;
}

/**
 * The instalments of a payment plan that are due now and not yet paid. Nothing is due before the
 * grant is accepted; then an advance is due from acceptance, a final payment from the approved final
 * report, and a dated instalment from its date. The ledger does not tie a payment to an instalment,
 * so the money paid (less repayments) fills the plan in order (as the case page shows it), and the
 * amounts due never add up to more than the grant's outstanding commitment (an underspend released at
 * the final report is not due).
 */
export function dueInstalments(
  plan: readonly Instalment[],
  paidAmount: number,
  outstanding: number,
  gates: GrantGates,
): DueInstalment[] {
  if (gates.acceptedAt === null) return [];
  const accepted = norwegianDate(new Date(gates.acceptedAt));
  let paidLeft = Math.max(0, paidAmount);
  let outstandingLeft = Math.max(0, outstanding);
  const due: DueInstalment[] = [];
  plan.forEach((instalment, i) => {
    const paid = Math.min(paidLeft, instalment.amount);
    paidLeft -= paid;
    const since = dueSince(instalment, accepted, gates);
    const amount = Math.min(instalment.amount - paid, outstandingLeft);
    if (since === null || amount <= 0) return;
    outstandingLeft -= amount;
    due.push({
      number: i + 1,
      label: instalment.label,
      on: instalment.on,
      date: instalment.date ?? null,
      amount,
      dueSince: since,
    });
  });
  return due;
}

/**
 * The day the instalment's gate opened, or null while it is shut. An instalment `after` an interim
 * report opens only once that report is approved too, on the later of the two days; the approved
 * final report covers the whole project and opens it as well.
 */
export function dueSince(instalment: Instalment, accepted: string, gates: GrantGates): string | null {
  const own = ownGateSince(instalment, accepted, gates);
  if (own === null || instalment.after === undefined) return own;
  const approvedAt = gates.interimApprovedAt?.[instalment.after] ?? gates.reportApprovedAt;
  if (approvedAt === null || approvedAt === undefined) return null;
  const approved = norwegianDate(new Date(approvedAt));
  return approved > own ? approved : own;
}

function ownGateSince(instalment: Instalment, accepted: string, gates: GrantGates): string | null {
  switch (instalment.on) {
    case 'acceptance':
      return accepted;
    case 'final_report':
      return gates.reportApprovedAt === null ? null : norwegianDate(new Date(gates.reportApprovedAt));
    case 'date': {
      const date = instalment.date;
      if (date === undefined || date > gates.today) return null;
      return date > accepted ? date : accepted;
    }
  }
}

/**
 * The plan as it stands once the final amount is fixed: the instalments keep their order and are
 * cut to the final payable amount, the last taking what is left of it. Before that, the plan as granted.
 */
export function settledPlan(plan: readonly Instalment[], finalPayableAmount: number | null): Instalment[] {
  if (finalPayableAmount === null) return [...plan];
  let left = finalPayableAmount;
  return plan.map((instalment, i) => {
    const amount = i === plan.length - 1 ? left : Math.min(left, instalment.amount);
    left -= amount;
    return { ...instalment, amount };
  });
}
