import { Module } from '@nestjs/common';
import { PaymentAuditRepository } from '../audit/payment-audit.repository';
import { BudgetModule } from '../budget/budget.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { PayeeAccountService } from './payee-account.service';
import { PaymentRunsController } from './payment-runs.controller';
import { PaymentRunsService } from './payment-runs.service';
import { PaymentsDueController } from './payments-due.controller';
import { PaymentsDueService } from './payments-due.service';

/** Payments due under the grants' payment plans, booked on the ledger one by one or in payment runs. */
@Module({
  imports: [BudgetModule, IdempotencyModule],
  controllers: [PaymentsDueController, PaymentRunsController],
  providers: [PaymentsDueService, PaymentRunsService, PayeeAccountService, PaymentAuditRepository],
})
export class PaymentsModule {}
