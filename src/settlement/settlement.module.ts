import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { BudgetModule } from '../budget/budget.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TransitionRuntimeModule } from '../runtime';
import { SchemesModule } from '../schemes/schemes.module';
import { RepaymentClaimsService } from './repayment-claims.service';
import { SettlementEffects } from './settlement-effects';
import { SettlementService } from './settlement.service';

/**
 * The settlement of a grant (oppgjør): the effect of an approved final report, repayment claims and
 * closing the case once settled. Every role has it (the effect runs in transitions); the finance
 * endpoints are `SettlementApiModule`.
 */
@Module({
  imports: [
    TransitionRuntimeModule,
    ApplicationsModule,
    BudgetModule,
    DeadlinesModule,
    NotificationsModule,
    IdempotencyModule,
    SchemesModule,
  ],
  providers: [SettlementService, RepaymentClaimsService, SettlementEffects],
  exports: [SettlementService, RepaymentClaimsService],
})
export class SettlementModule {}
