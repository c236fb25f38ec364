import { Module } from '@nestjs/common';
import { BudgetModule } from '../budget/budget.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { SettlementModule } from '../settlement/settlement.module';
import { PaymentPlanController } from './payment-plan.controller';
import { PaymentPlanService } from './payment-plan.service';
import { PaymentsDueController } from './payments-due.controller';
import { PaymentsDueService } from './payments-due.service';

/** Payments due under the grants' payment plans, booked on the ledger, and each grant's plan as it stands. */
@Module({
  imports: [BudgetModule, IdempotencyModule, SettlementModule],
  controllers: [PaymentsDueController, PaymentPlanController],
  providers: [PaymentsDueService, PaymentPlanService],
})
export class PaymentsModule {}
