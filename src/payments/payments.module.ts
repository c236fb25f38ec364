import { Module } from '@nestjs/common';
import { BudgetModule } from '../budget/budget.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { PaymentsDueController } from './payments-due.controller';
import { PaymentsDueService } from './payments-due.service';

/** Payments due under the grants' payment plans, booked on the ledger. */
@Module({
  imports: [BudgetModule, IdempotencyModule],
  controllers: [PaymentsDueController],
  providers: [PaymentsDueService],
})
export class PaymentsModule {}
