import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { PaymentAuditRepository } from '../audit/payment-audit.repository';
import { BudgetModule } from '../budget/budget.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TransitionRuntimeModule } from '../runtime';
import { SettlementModule } from '../settlement/settlement.module';
import { PayeeAccountService } from './payee-account.service';
import { PaymentPlanController } from './payment-plan.controller';
import { PaymentPlanService } from './payment-plan.service';
import { PaymentRunsController } from './payment-runs.controller';
import { PaymentRunsService } from './payment-runs.service';
import { PaymentsDueController } from './payments-due.controller';
import { PaymentsDueService } from './payments-due.service';
import { PayoutRequestsController } from './payout-requests.controller';
import { PayoutRequestsService } from './payout-requests.service';

/**
 * Payments due under the grants' payment plans and approved payout requests, booked on the ledger one
 * by one or in payment runs, and each grant's plan as it stands.
 */
@Module({
  imports: [
    ApplicationsModule,
    BudgetModule,
    IdempotencyModule,
    SettlementModule,
    NotificationsModule,
    TransitionRuntimeModule,
  ],
  controllers: [
    PaymentsDueController,
    PaymentRunsController,
    PaymentPlanController,
    PayoutRequestsController,
  ],
  providers: [
    PaymentsDueService,
    PaymentRunsService,
    PayeeAccountService,
    PaymentAuditRepository,
    PaymentPlanService,
    PayoutRequestsService,
  ],
})
export class PaymentsModule {}
