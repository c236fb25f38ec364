import { Module } from '@nestjs/common';
import { BudgetModule } from '../budget/budget.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TransitionRuntimeModule } from '../runtime';
import { PaymentsDueController } from './payments-due.controller';
import { PaymentsDueService } from './payments-due.service';
import { PayoutRequestsController } from './payout-requests.controller';
import { PayoutRequestsService } from './payout-requests.service';

/** Payments due under the grants' payment plans and approved payout requests, booked on the ledger. */
@Module({
  imports: [BudgetModule, IdempotencyModule, NotificationsModule, TransitionRuntimeModule],
  controllers: [PaymentsDueController, PayoutRequestsController],
  providers: [PaymentsDueService, PayoutRequestsService],
})
export class PaymentsModule {}
