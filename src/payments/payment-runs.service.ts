import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  Clock,
  DomainError,
  isBusinessDay,
  isNorwegianAccountNumber,
  isIsoDate,
  isPublicHoliday,
  norwegianDate,
  norwegianHolidays,
  oreAsKroner,
  sumOre,
  toCsv,
  visibleOrNotFound,
} from '@lib/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Application } from '../applications/application.entity';
import { PaymentAuditRepository } from '../audit/payment-audit.repository';
import { BudgetFrame } from '../budget/budget-frame.entity';
import { County } from '../counties/county.entity';
import type { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { Organisation } from '../organisations/organisation.entity';
import { UserAccount } from '../users/user.entity';
import { PayeeAccountService, type PayeeAccount } from './payee-account.service';
import { creditTransferXml } from './pain001';
import { PaymentRunItem } from './payment-run-item.entity';
import { PaymentRun } from './payment-run.entity';
import {
  CreatePaymentRunDto,
  PaymentRunDto,
  PaymentRunItemDto,
  PaymentRunPageDto,
  PaymentRunQuery,
  PaymentRunSummaryDto,
} from './payment-runs.dto';
import { PaymentsDueService } from './payments-due.service';
import { PayoutRequestsService } from './payout-requests.service';
import { PayoutRequest, type PayoutRequestKind } from './payout-request.entity';

type Staff = Extract<Actor, { kind: 'staff' }>;

/** An item that cannot go into (or be paid by) a run, and why, for the problem document. */
interface RefusedItem {
  caseReference: string;
  /** The plan instalment's number, or null for a payout request. */
  instalment: number | null;
  /** The payout request's number, or null for an instalment. */
  payoutRequest: number | null;
  organisationName: string | null;
  code: string;
  reason: string;
}

/** A file to download: its name and bytes. */
export interface PaymentFile {
  fileName: string;
  content: Buffer;
}

const PAGE = 50;
const runOwnership = (r: PaymentRun) => ({ countyId: r.countyId });
/** What a run's item pays, as the caller names it: a plan instalment or a payout request. */
interface ItemRef {
  readonly caseReference: string;
  readonly instalment?: number | null;
  readonly payoutRequest?: number | null;
  readonly amount: number;
}
type NewItem = Omit<PaymentRunItem, 'id' | 'runId' | 'bookedAt'>;

const endToEndId = (
  item: Pick<PaymentRunItem, 'caseReference' | 'kind' | 'instalment' | 'payoutRequestNumber'>,
) =>
  item.kind === 'payout_request'
    ? `${item.caseReference}-U${item.payoutRequestNumber}`
    : `${item.caseReference}-${item.instalment}`;
/** The item in words for a problem's detail: "instalment 1 of BIO-…" or "payout request 2 of BIO-…". */
const itemWords = (item: {
  caseReference: string;
  instalment: number | null;
  payoutRequest: number | null;
}) =>
  item.payoutRequest !== null
    ? `payout request ${item.payoutRequest} of ${item.caseReference}`
    : `instalment ${item.instalment} of ${item.caseReference}`;
/** The payout request's name in the files and on screen (utbetalingsanmodning). */
/** The run's name for a payout request, also the remittance text after the case reference. */
export const payoutRequestLabel = (number: number, kind: PayoutRequestKind) =>
  kind === 'final'
    ? `Sluttutbetaling, utbetalingsanmodning nr ${number}`
    : `Utbetalingsanmodning nr ${number}`;

/** A stored item as the reference its checks take. */
const refOf = (item: PaymentRunItem): ItemRef => ({
  caseReference: item.caseReference,
  instalment: item.instalment,
  payoutRequest: item.payoutRequestNumber,
  amount: item.amount,
});
/** Case reference order, then the plan's instalments before payout requests, each by number. */
const byCaseThenItem = (a: ItemRef, b: ItemRef) =>
  a.caseReference !== b.caseReference
    ? a.caseReference < b.caseReference
      ? -1
      : 1
    : (a.instalment ?? 1_000 + (a.payoutRequest ?? 0)) - (b.instalment ?? 1_000 + (b.payoutRequest ?? 0));

/** `2026-02-02T09:00:00`: the local (Norwegian) time of an instant, as the payment file states it. */
const LOCAL_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const localDateTime = (instant: Date) => LOCAL_TIME.format(instant).replace(' ', 'T');

const accountMissing = (account: PayeeAccount & { account: null }) =>
  account.reason === 'missing'
    ? 'the payee has no payout account (kontonummer for utbetaling) registered'
    : "the payee's payout account fails the MOD11 check";

/**
 * Payment runs (utbetalingslister): finance picks due payments and an execution date; a run is a
 * draft until a finance user approves it, which books every item as a disbursement in one
 * transaction (all or nothing) and fixes the payment file's message id and time. An approved run is
 * exported as an ISO 20022 pain.001.001.03 credit transfer file and as CSV, the same bytes every time.
 */
@Injectable()
export class PaymentRunsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly due: PaymentsDueService,
    private readonly payouts: PayoutRequestsService,
    private readonly payees: PayeeAccountService,
    private readonly audit: PaymentAuditRepository,
    private readonly clock: Clock,
  ) {}

  /** The county's runs, newest first. */
  async list(actor: Staff, query: PaymentRunQuery): Promise<PaymentRunPageDto> {
    const qb = this.dataSource.manager
      .createQueryBuilder(PaymentRun, 'r')
      .where('r.countyId = :countyId', { countyId: actor.countyId });
    if (query.before) qb.andWhere('r.number < :before', { before: query.before });
    const rows = await qb
      .orderBy('r.number', 'DESC')
      .limit(PAGE + 1)
      .getMany();
    const runs = rows.slice(0, PAGE);
    const counts = await this.itemCounts(
      this.dataSource.manager,
      runs.map((r) => r.id),
    );
    const names = await this.userNames(this.dataSource.manager, runs);
    const last = runs[runs.length - 1];
    return {
      items: runs.map((r) => this.toSummary(r, counts.get(r.id) ?? 0, names)),
      nextCursor: rows.length > PAGE && last ? last.number : null,
    };
  }

  async get(actor: Staff, id: string): Promise<PaymentRunDto> {
    const run = visibleOrNotFound(
      actor,
      await this.dataSource.manager.findOneBy(PaymentRun, { id }),
      runOwnership,
      'Payment run',
    );
    return this.toDto(this.dataSource.manager, run);
  }

  /**
   * A draft run of due payments. Each item must be due now for the amount given (409
   * `run_items_not_due` names every one that is not) and its payee must have a valid account (422
   * `payee_account_missing` names every one without). The execution date must be a Norwegian
   * business day, today or later.
   */
  async create(actor: Staff, dto: CreatePaymentRunDto, key?: IdempotencyKey): Promise<PaymentRunDto> {
    this.assertExecutionDate(dto.requestedExecutionDate);
    const seen = new Set<string>();
    for (const item of dto.items) {
      if ((item.instalment === undefined) === (item.payoutRequest === undefined)) {
        throw new DomainError(
          'unprocessable',
          'run_item_kind',
          `An item of ${item.caseReference} names ${item.instalment === undefined ? 'neither an instalment nor a payout request' : 'both an instalment and a payout request'}: name one`,
          { field: 'items' },
        );
      }
      const k = `${item.caseReference}#${item.instalment ?? `U${item.payoutRequest}`}`;
      if (seen.has(k)) {
        const words = itemWords({
          caseReference: item.caseReference,
          instalment: item.instalment ?? null,
          payoutRequest: item.payoutRequest ?? null,
        });
        throw new DomainError('unprocessable', 'duplicate_run_item', `${words} is listed twice`, {
          field: 'items',
        });
      }
      seen.add(k);
    }
    return this.idempotency.transaction(key, async (tx) => {
      const county = await this.lockedCounty(tx, actor.countyId);
      this.assertCountyAccount(county);
      // Cases are locked in reference order, so two runs over the same cases cannot deadlock.
      const inputs = [...dto.items].sort(byCaseThenItem);
      const notDue: RefusedItem[] = [];
      const noAccount: RefusedItem[] = [];
      const items: NewItem[] = [];
      for (const input of inputs) {
        let found: NewItem | RefusedItem;
        try {
          found = await this.resolveItem(tx, actor, input);
        } catch (error) {
          if (error instanceof DomainError && error.kind === 'conflict') {
            notDue.push(this.refused(input, null, error));
            continue;
          }
          throw error;
        }
        if ('code' in found) noAccount.push(found);
        else items.push({ ...found, position: items.length + 1 });
      }
      if (notDue.length) throw this.notDueError(notDue);
      if (noAccount.length) {
        throw new DomainError(
          'unprocessable',
          'payee_account_missing',
          `No account to pay: ${noAccount.map((i) => `${i.caseReference} (${i.organisationName}): ${i.reason}`).join('; ')}`,
          { items: noAccount },
        );
      }
      // One run, one currency: its total and its file's control sum are then one amount of money.
      const currencies = [...new Set(items.map((i) => i.currency))];
      if (currencies.length > 1) {
        throw new DomainError(
          'unprocessable',
          'run_mixed_currencies',
          `A run pays in one currency; these items are in ${currencies.join(' and ')}: make a run for each`,
          { field: 'items', currencies },
        );
      }
      const [{ next }] = await tx.query<Array<{ next: number }>>(
        `SELECT coalesce(max(number), 0) + 1 AS next FROM payment_run WHERE county_id = $1`,
        [actor.countyId],
      );
      const run = await tx.save(
        tx.create(PaymentRun, {
          countyId: actor.countyId,
          number: next,
          state: 'draft',
          requestedExecutionDate: dto.requestedExecutionDate,
          // By the service clock, like its approval, so the run page reads the same day for both.
          createdAt: this.clock.now(),
          createdByUserId: actor.userId,
          approvedByUserId: null,
          approvedAt: null,
          messageId: null,
          totalAmount: sumOre(items.map((i) => i.amount)),
        }),
      );
      await tx.save(
        items.map((item) => tx.create(PaymentRunItem, { ...item, runId: run.id, bookedAt: null })),
      );
      await this.audit.append(tx, {
        subjectKind: 'payment_run',
        subjectId: run.id,
        actorUserId: actor.userId,
        action: 'created',
        changes: {
          number: run.number,
          requestedExecutionDate: run.requestedExecutionDate,
          totalAmount: run.totalAmount,
          items: items.map((i) => ({
            caseReference: i.caseReference,
            ...(i.kind === 'payout_request'
              ? { payoutRequest: i.payoutRequestNumber }
              : { instalment: i.instalment }),
            amount: i.amount,
            account: i.creditorAccount,
            ...(i.creditorBic ? { bic: i.creditorBic } : {}),
          })),
        },
        occurredAt: this.clock.now().toISOString(),
      });
      return this.toDto(tx, run);
    });
  }

  /**
   * Approves a draft run: books every item as a disbursement, all in this transaction, and records
   * who approved it. If any item is no longer due (or its amount changed), or its payee has no valid
   * account now, nothing is booked and the refusal names each. An approved run is approved once: a
   * retry (with any key) books nothing and returns the run as it is.
   */
  async approve(actor: Staff, id: string, key?: IdempotencyKey): Promise<PaymentRunDto> {
    return this.idempotency.transaction(key, async (tx) => {
      const run = visibleOrNotFound(
        actor,
        await tx.findOne(PaymentRun, { where: { id }, lock: { mode: 'pessimistic_write' } }),
        runOwnership,
        'Payment run',
      );
      if (run.state === 'approved') return this.toDto(tx, run);
      const county = await this.lockedCounty(tx, run.countyId);
      this.assertCountyAccount(county);
      const items = (await tx.find(PaymentRunItem, { where: { runId: run.id } })).sort((a, b) =>
        byCaseThenItem(refOf(a), refOf(b)),
      );
      // First every check, writing nothing, so the refusal can name every item at fault.
      const notDue: RefusedItem[] = [];
      const noAccount: RefusedItem[] = [];
      for (const item of items) {
        let found: NewItem | RefusedItem;
        try {
          found = await this.resolveItem(tx, actor, refOf(item));
        } catch (error) {
          if (error instanceof DomainError && (error.kind === 'conflict' || error.kind === 'not_found')) {
            notDue.push(this.refused(refOf(item), item.creditorName, error));
            continue;
          }
          throw error;
        }
        if ('code' in found) noAccount.push({ ...found, organisationName: item.creditorName });
        else {
          item.creditorAccount = found.creditorAccount;
          item.creditorBic = found.creditorBic;
        }
      }
      if (notDue.length) throw this.notDueError(notDue);
      if (noAccount.length) {
        throw new DomainError(
          'unprocessable',
          'payee_account_missing',
          `No account to pay: ${noAccount.map((i) => `${i.caseReference} (${i.organisationName}): ${i.reason}`).join('; ')}`,
          { items: noAccount },
        );
      }
      const now = this.clock.now();
      for (const item of items) {
        if (item.kind === 'payout_request') {
          await this.payouts.bookWithin(
            tx,
            actor,
            item.caseReference,
            item.payoutRequestNumber!,
            item,
            run.number,
          );
        } else {
          await this.due.bookWithin(tx, actor, item.caseReference, { ...item, instalment: item.instalment! });
        }
        item.bookedAt = now;
      }
      // The unique indexes on a booked instalment and a booked request refuse a second booking by any run.
      await tx.save(items);
      run.state = 'approved';
      run.approvedAt = now;
      run.approvedByUserId = actor.userId;
      run.messageId = `UTB-${county.code}-${String(run.number).padStart(6, '0')}`;
      // The files say for good what the county pays from now, whatever its payment details become.
      run.debtorAccount = county.paymentAccount;
      run.debtorOrganisationNumber = county.organisationNumber;
      await tx.save(run);
      await this.audit.append(tx, {
        subjectKind: 'payment_run',
        subjectId: run.id,
        actorUserId: actor.userId,
        action: 'approved',
        changes: {
          state: { from: 'draft', to: 'approved' },
          messageId: run.messageId,
          totalAmount: run.totalAmount,
          debtorAccount: run.debtorAccount,
          booked: items.map((i) => ({
            caseReference: i.caseReference,
            ...(i.kind === 'payout_request'
              ? { payoutRequest: i.payoutRequestNumber }
              : { instalment: i.instalment }),
            amount: i.amount,
          })),
        },
        occurredAt: now.toISOString(),
      });
      return this.toDto(tx, run);
    });
  }

  /** The approved run as a pain.001.001.03 credit transfer file. */
  async creditTransferFile(actor: Staff, id: string): Promise<PaymentFile> {
    const { run, items, county } = await this.approvedRun(actor, id);
    const xml = creditTransferXml({
      messageId: run.messageId!,
      createdAt: localDateTime(run.approvedAt!),
      initiatingParty: { name: county.name, organisationNumber: run.debtorOrganisationNumber },
      debtor: { name: county.name, account: run.debtorAccount! },
      requestedExecutionDate: run.requestedExecutionDate,
      transfers: items.map((item) => ({
        endToEndId: endToEndId(item),
        amount: item.amount,
        currency: item.currency,
        creditorName: item.creditorName,
        creditorAccount: item.creditorAccount,
        creditorBic: item.creditorBic,
        remittance: `${item.caseReference} ${item.instalmentLabel}`,
      })),
    });
    return { fileName: `${this.fileStem(run)}.xml`, content: Buffer.from(xml, 'utf8') };
  }

  /** The approved run as CSV: Norwegian headers, kroner with a decimal comma, dates dd.mm.åååå. */
  async csvFile(actor: Staff, id: string): Promise<PaymentFile> {
    const { run, items, organisationNumbers } = await this.approvedRun(actor, id);
    const [y, m, d] = run.requestedExecutionDate.split('-');
    const csv = toCsv(
      [
        'Utbetalingsliste',
        'Saksnummer',
        'Avdrag',
        'Mottaker',
        'Organisasjonsnummer',
        'Kontonummer',
        'BIC',
        'Beløp (kr)',
        'Betalingsdato',
        'Referanse',
      ],
      items.map((item) => [
        run.number,
        item.caseReference,
        item.instalmentLabel,
        item.creditorName,
        organisationNumbers.get(item.organisationId) ?? '',
        item.creditorAccount,
        item.creditorBic ?? '',
        oreAsKroner(item.amount),
        `${d}.${m}.${y}`,
        endToEndId(item),
      ]),
    );
    return { fileName: `${this.fileStem(run)}.csv`, content: Buffer.from(csv, 'utf8') };
  }

  private fileStem(run: PaymentRun): string {
    return `utbetalingsliste-${run.number}-${run.requestedExecutionDate}`;
  }

  private async approvedRun(actor: Staff, id: string) {
    const tx = this.dataSource.manager;
    const run = visibleOrNotFound(actor, await tx.findOneBy(PaymentRun, { id }), runOwnership, 'Payment run');
    if (run.state !== 'approved') {
      throw new DomainError(
        'conflict',
        'run_not_approved',
        `Payment run ${run.number} is a draft: approve it before exporting it`,
      );
    }
    // What the run was approved with (debtor account, organisation number) is on the run itself.
    const county = await tx.findOneByOrFail(County, { id: run.countyId });
    const items = await tx.find(PaymentRunItem, { where: { runId: run.id }, order: { position: 'ASC' } });
    const organisations = await tx.findBy(Organisation, {
      id: In([...new Set(items.map((i) => i.organisationId))]),
    });
    return {
      run,
      items,
      county,
      organisationNumbers: new Map(organisations.map((o) => [o.id, o.organisationNumber])),
    };
  }

  /**
   * What one picked item pays, due now for the amount given, and the account it goes to (the
   * organisation's payout account for an instalment, the account the request names for a payout
   * request), or why there is no account. Locks the case; writes nothing. A payment not due (or paid,
   * by a run or one by one) is refused with the 409 of `dueToBook`.
   */
  private async resolveItem(tx: EntityManager, actor: Staff, ref: ItemRef): Promise<NewItem | RefusedItem> {
    if (ref.payoutRequest !== undefined && ref.payoutRequest !== null) {
      const number = ref.payoutRequest;
      const { application, request } = await this.payouts.dueToBook(
        tx,
        actor,
        ref.caseReference,
        number,
        ref,
      );
      const organisation = await tx.findOneByOrFail(Organisation, { id: application.organisationId });
      const frame = application.frameId ? await tx.findOneBy(BudgetFrame, { id: application.frameId }) : null;
      const base = {
        currency: frame?.currency ?? 'NOK',
        kind: 'payout_request' as const,
        instalment: null,
        payoutRequestId: request.id,
        payoutRequestNumber: number,
        instalmentLabel: payoutRequestLabel(number, request.kind),
        position: 0,
        applicationId: application.id,
        caseReference: application.reference,
        amount: request.approvedAmount,
        organisationId: organisation.id,
        creditorName: organisation.name,
      };
      if (request.accountNumber !== null) {
        if (!isNorwegianAccountNumber(request.accountNumber)) {
          return {
            caseReference: application.reference,
            instalment: null,
            payoutRequest: number,
            organisationName: organisation.name,
            code: 'payee_account_invalid',
            reason: "the payout request's account fails the MOD11 check",
          };
        }
        return { ...base, creditorAccount: request.accountNumber, creditorBic: null };
      }
      return { ...base, creditorAccount: request.iban!, creditorBic: request.bic! };
    }
    const instalment = ref.instalment!;
    const { application, due } = await this.due.dueToBook(tx, actor, ref.caseReference, {
      instalment,
      amount: ref.amount,
    });
    const payee = await this.payees.resolve(tx, {
      applicationId: application.id,
      instalment,
      organisationId: due.organisationId,
    });
    if (payee.account === null) {
      return {
        caseReference: ref.caseReference,
        instalment,
        payoutRequest: null,
        organisationName: due.organisationName,
        code: `payee_account_${payee.reason}`,
        reason: accountMissing(payee),
      };
    }
    const frame = await tx.findOneByOrFail(BudgetFrame, { id: due.frameId });
    return {
      kind: 'instalment',
      currency: frame.currency,
      instalment,
      payoutRequestId: null,
      payoutRequestNumber: null,
      instalmentLabel: due.instalment.label,
      position: 0,
      applicationId: application.id,
      caseReference: application.reference,
      amount: due.amount,
      organisationId: due.organisationId,
      creditorName: due.organisationName,
      creditorAccount: payee.account,
      creditorBic: null,
    };
  }

  private assertExecutionDate(date: string): void {
    if (!isIsoDate(date)) {
      throw new DomainError('unprocessable', 'invalid_date', `${date} is not a date`, {
        field: 'requestedExecutionDate',
      });
    }
    const today = norwegianDate(this.clock.now());
    if (date < today) {
      throw new DomainError(
        'unprocessable',
        'execution_date_in_past',
        `The execution date ${date} is before today (${today})`,
        { field: 'requestedExecutionDate' },
      );
    }
    if (!isBusinessDay(date)) {
      const holiday = isPublicHoliday(date) ? norwegianHolidays(Number(date.slice(0, 4))).get(date) : null;
      throw new DomainError(
        'unprocessable',
        'execution_date_not_business_day',
        `The execution date ${date} is not a Norwegian business day (${holiday ?? 'a weekend'})`,
        { field: 'requestedExecutionDate' },
      );
    }
  }

  private async lockedCounty(tx: EntityManager, countyId: string): Promise<County> {
    return tx.findOneOrFail(County, { where: { id: countyId }, lock: { mode: 'pessimistic_write' } });
  }

  private assertCountyAccount(county: County): asserts county is County & { paymentAccount: string } {
    if (!county.paymentAccount) {
      throw new DomainError(
        'conflict',
        'county_payment_account_missing',
        `${county.name} has no account to pay from configured (county.payment_account); it must be set before runs are made`,
      );
    }
  }

  private refused(item: ItemRef, organisationName: string | null, error: DomainError): RefusedItem {
    return {
      caseReference: item.caseReference,
      instalment: item.instalment ?? null,
      payoutRequest: item.payoutRequest ?? null,
      organisationName,
      code: error.code === 'not_found' ? 'payment_not_due' : error.code,
      reason:
        error.code === 'due_amount_changed'
          ? 'another amount is due now'
          : 'it is not due now, or it has been paid',
    };
  }

  private notDueError(items: RefusedItem[]): DomainError {
    return new DomainError(
      'conflict',
      'run_items_not_due',
      `Not payable now: ${items.map((i) => `${itemWords(i)}: ${i.reason}`).join('; ')}`,
      { items },
    );
  }

  private async itemCounts(tx: EntityManager, runIds: string[]): Promise<Map<string, number>> {
    if (!runIds.length) return new Map();
    const rows = await tx.query<Array<{ run_id: string; n: number }>>(
      `SELECT run_id, count(*)::int AS n FROM payment_run_item WHERE run_id = ANY($1) GROUP BY run_id`,
      [runIds],
    );
    return new Map(rows.map((r) => [r.run_id, r.n]));
  }

  private async userNames(tx: EntityManager, runs: PaymentRun[]): Promise<Map<string, string>> {
    const ids = [...new Set(runs.flatMap((r) => [r.createdByUserId, r.approvedByUserId]))].filter(
      (v): v is string => !!v,
    );
    if (!ids.length) return new Map();
    const users = await tx.findBy(UserAccount, { id: In(ids) });
    return new Map(users.map((u) => [u.id, u.fullName]));
  }

  private toSummary(run: PaymentRun, itemCount: number, names: Map<string, string>): PaymentRunSummaryDto {
    return {
      id: run.id,
      number: run.number,
      state: run.state,
      requestedExecutionDate: run.requestedExecutionDate,
      itemCount,
      totalAmount: run.totalAmount,
      createdAt: run.createdAt.toISOString(),
      createdBy: names.get(run.createdByUserId) ?? '',
      approvedAt: run.approvedAt?.toISOString() ?? null,
      approvedBy: run.approvedByUserId ? (names.get(run.approvedByUserId) ?? '') : null,
    };
  }

  private async toDto(tx: EntityManager, run: PaymentRun): Promise<PaymentRunDto> {
    const items = await tx.find(PaymentRunItem, { where: { runId: run.id }, order: { position: 'ASC' } });
    const organisations = items.length
      ? await tx.findBy(Organisation, { id: In([...new Set(items.map((i) => i.organisationId))]) })
      : [];
    const numbers = new Map(organisations.map((o) => [o.id, o.organisationNumber]));
    const cases = items.length
      ? await tx.find(Application, {
          where: { id: In([...new Set(items.map((i) => i.applicationId))]) },
          select: { id: true, caseNumber: true },
        })
      : [];
    const caseNumbers = new Map(cases.map((a) => [a.id, a.caseNumber]));
    const names = await this.userNames(tx, [run]);
    const requestIds = items.flatMap((i) => (i.payoutRequestId ? [i.payoutRequestId] : []));
    const requests = requestIds.length ? await tx.findBy(PayoutRequest, { id: In(requestIds) }) : [];
    const requestKinds = new Map(requests.map((r) => [r.id, r.kind]));
    return {
      ...this.toSummary(run, items.length, names),
      messageId: run.messageId,
      items: items.map((item): PaymentRunItemDto => ({
        position: item.position,
        caseReference: item.caseReference,
        caseNumber: caseNumbers.get(item.applicationId) ?? null,
        kind: item.kind,
        instalment: item.instalment,
        payoutRequest: item.payoutRequestNumber,
        payoutRequestKind: item.payoutRequestId ? (requestKinds.get(item.payoutRequestId) ?? null) : null,
        instalmentLabel: item.instalmentLabel,
        amount: item.amount,
        organisationName: item.creditorName,
        organisationNumber: numbers.get(item.organisationId) ?? '',
        account: item.creditorAccount,
        bic: item.creditorBic,
        currency: item.currency,
        endToEndId: endToEndId(item),
        bookedAt: item.bookedAt?.toISOString() ?? null,
      })),
    };
  }
}
