import { create } from 'xmlbuilder2';

/** The namespace of ISO 20022 customer credit transfer initiation, version 3 (what Norwegian banks take). */
export const PAIN_001_001_03 = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';

/** One credit transfer: who is paid, to which account, how much, and what the payee reads. */
export interface CreditTransfer {
  /** Unique per transfer, at most 35 characters; comes back in the bank's status and statement. */
  readonly endToEndId: string;
  /** øre (minor units of `currency`), positive. */
  readonly amount: number;
  /** ISO 4217; NOK when absent. */
  readonly currency?: string;
  readonly creditorName: string;
  /** 11-digit Norwegian account number (BBAN), or an IBAN when `creditorBic` is given. */
  readonly creditorAccount: string;
  /** The creditor's bank (BIC) of an IBAN account; absent or null for a BBAN. */
  readonly creditorBic?: string | null;
  /** Free text for the payee (at most 140 characters). */
  readonly remittance: string;
}

/** A whole credit transfer initiation: one payer, one execution date, the transfers. */
export interface CreditTransferMessage {
  /** At most 35 characters, unique per file sent to the bank. */
  readonly messageId: string;
  /** Local date and time the message was made, `YYYY-MM-DDTHH:MM:SS`. */
  readonly createdAt: string;
  readonly initiatingParty: { readonly name: string; readonly organisationNumber: string | null };
  readonly debtor: { readonly name: string; readonly account: string };
  /** `YYYY-MM-DD` */
  readonly requestedExecutionDate: string;
  readonly transfers: readonly CreditTransfer[];
}

/**
 * Øre as an ISO 20022 amount: kroner with a decimal point and two decimals, by integer arithmetic
 * only (123456789 → "1234567.89"), so that no amount ever passes through a float.
 */
export function oreAsDecimalAmount(ore: number): string {
  if (!Number.isSafeInteger(ore) || ore < 0)
    throw new RangeError(`${ore} is not a whole, positive number of øre`);
  return `${Math.trunc(ore / 100)}.${String(ore % 100).padStart(2, '0')}`;
}

/** Sum of øre amounts in BigInt, so a file's control sum is exact whatever its size. */
function sum(amounts: readonly number[]): number {
  const total = amounts.reduce((acc, a) => acc + BigInt(a), 0n);
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('control sum too large');
  return Number(total);
}

const clip = (text: string, max: number) => (text.length <= max ? text : text.slice(0, max));

/**
 * A pain.001.001.03 credit transfer initiation: a group header (message id, creation time, number of
 * transactions, control sum, initiating party), one payment information block (transfer, the
 * requested execution date, the debtor and its account) and one credit transfer per payee. Accounts
 * are Norwegian BBANs (`Othr/Id` with scheme `BBAN`); the debtor's bank is not named
 * (`NOTPROVIDED`), as banks identify it from the account. Built with an XML builder, so names and
 * texts are escaped by it; the same input gives the same bytes.
 */
export function creditTransferXml(message: CreditTransferMessage): string {
  if (message.transfers.length === 0)
    throw new RangeError('a credit transfer file needs at least one transfer');
  const count = String(message.transfers.length);
  const controlSum = oreAsDecimalAmount(sum(message.transfers.map((t) => t.amount)));
  const bban = (account: string) => ({ Id: { Othr: { Id: account, SchmeNm: { Cd: 'BBAN' } } } });

  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(PAIN_001_001_03, 'Document').ele('CstmrCdtTrfInitn');
  const header = root.ele('GrpHdr');
  header.ele('MsgId').txt(message.messageId);
  header.ele('CreDtTm').txt(message.createdAt);
  header.ele('NbOfTxs').txt(count);
  header.ele('CtrlSum').txt(controlSum);
  const party = header.ele('InitgPty');
  party.ele('Nm').txt(clip(message.initiatingParty.name, 140));
  if (message.initiatingParty.organisationNumber) {
    party.ele({ Id: { OrgId: { Othr: { Id: message.initiatingParty.organisationNumber } } } });
  }

  const payment = root.ele('PmtInf');
  payment.ele('PmtInfId').txt(`${message.messageId}-1`.slice(0, 35));
  payment.ele('PmtMtd').txt('TRF');
  payment.ele('NbOfTxs').txt(count);
  payment.ele('CtrlSum').txt(controlSum);
  payment.ele('ReqdExctnDt').txt(message.requestedExecutionDate);
  payment.ele('Dbtr').ele('Nm').txt(clip(message.debtor.name, 140));
  payment.ele({ DbtrAcct: bban(message.debtor.account) });
  payment.ele({ DbtrAgt: { FinInstnId: { Othr: { Id: 'NOTPROVIDED' } } } });
  for (const transfer of message.transfers) {
    const tx = payment.ele('CdtTrfTxInf');
    tx.ele('PmtId').ele('EndToEndId').txt(transfer.endToEndId);
    tx.ele('Amt')
      .ele('InstdAmt', { Ccy: transfer.currency ?? 'NOK' })
      .txt(oreAsDecimalAmount(transfer.amount));
    // The schema's order: the creditor's bank (CdtrAgt) comes before the creditor and its account.
    if (transfer.creditorBic) tx.ele({ CdtrAgt: { FinInstnId: { BIC: transfer.creditorBic } } });
    tx.ele('Cdtr').ele('Nm').txt(clip(transfer.creditorName, 140));
    tx.ele({
      CdtrAcct: transfer.creditorBic
        ? { Id: { IBAN: transfer.creditorAccount } }
        : bban(transfer.creditorAccount),
    });
    tx.ele('RmtInf').ele('Ustrd').txt(clip(transfer.remittance, 140));
  }
  return doc.end({ prettyPrint: true });
}
