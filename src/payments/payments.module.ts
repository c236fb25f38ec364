import { Module } from '@nestjs/common';
import { ArchiveModule } from '../archive/archive.module';
import { ApplicationsModule } from '../applications/applications.module';
import { PaymentAuditRepository } from '../audit/payment-audit.repository';
import { BudgetModule } from '../budget/budget.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TransitionRuntimeModule } from '../runtime';
import { SettlementModule } from '../settlement/settlement.module';
import { CountyPaymentDetailsController } from './county-payment-details.controller';
import { CountyPaymentDetailsService } from './county-payment-details.service';
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
 * by one or in payment runs, each grant's plan as it stands, and the county's own payment details.
 */
@Module({
  imports: [
    ApplicationsModule,
    ArchiveModule,
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
    CountyPaymentDetailsController,
  ],
  providers: [
    PaymentsDueService,
    PaymentRunsService,
    PayeeAccountService,
    PaymentAuditRepository,
    PaymentPlanService,
    PayoutRequestsService,
    CountyPaymentDetailsService,
  ],
})
export class PaymentsModule {}
