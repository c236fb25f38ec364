import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, Clock, parseNorwegianAccountNumber, parseOrganisationNumber } from '@lib/common';
import { DataSource } from 'typeorm';
import { PaymentAuditRepository } from '../audit/payment-audit.repository';
import { County } from '../counties/county.entity';
import type { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { CountyPaymentDetailsDto, SetCountyPaymentDetailsDto } from './county-payment-details.dto';

type Staff = Extract<Actor, { kind: 'staff' }>;

const toDto = (county: County): CountyPaymentDetailsDto => ({
  countyName: county.name,
  paymentAccount: county.paymentAccount,
  organisationNumber: county.organisationNumber,
});

/**
 * The county's paying account (the debtor account of its payment files) and organisation number (their
 * initiating party), set by a county administrator. Both pass their MOD11 checks; a change is audited
 * in the payment audit trail in the same transaction. Runs approved later use what is set now; a run
 * approved before keeps what it was approved with.
 */
@Injectable()
export class CountyPaymentDetailsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly audit: PaymentAuditRepository,
    private readonly clock: Clock,
  ) {}

  async get(actor: Staff): Promise<CountyPaymentDetailsDto> {
    return toDto(await this.dataSource.manager.findOneByOrFail(County, { id: actor.countyId }));
  }

  async set(
    actor: Staff,
    dto: SetCountyPaymentDetailsDto,
    key?: IdempotencyKey,
  ): Promise<CountyPaymentDetailsDto> {
    const paymentAccount = parseNorwegianAccountNumber(dto.paymentAccount, 'paymentAccount');
    const organisationNumber = parseOrganisationNumber(dto.organisationNumber);
    return this.idempotency.transaction(key, async (tx) => {
      const county = await tx.findOneOrFail(County, {
        where: { id: actor.countyId },
        lock: { mode: 'pessimistic_write' },
      });
      if (county.paymentAccount === paymentAccount && county.organisationNumber === organisationNumber)
        return toDto(county);
      const before = { paymentAccount: county.paymentAccount, organisationNumber: county.organisationNumber };
      county.paymentAccount = paymentAccount;
      county.organisationNumber = organisationNumber;
      await tx.save(county);
      await this.audit.append(tx, {
        subjectKind: 'county',
        subjectId: county.id,
        actorUserId: actor.userId,
        action: 'payment_details_set',
        changes: {
          ...(before.paymentAccount !== paymentAccount
            ? { paymentAccount: { from: before.paymentAccount, to: paymentAccount } }
            : {}),
          ...(before.organisationNumber !== organisationNumber
            ? { organisationNumber: { from: before.organisationNumber, to: organisationNumber } }
            : {}),
        },
        occurredAt: this.clock.now().toISOString(),
      });
      return toDto(county);
    });
  }
}
