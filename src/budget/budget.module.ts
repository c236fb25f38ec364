import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TransitionRuntimeModule } from '../runtime';
import { FrameAlertNotifications } from './frame-alert-notifications';
import { FrameAuditRepository } from './frame-audit.repository';
import { FramesController } from './frames.controller';
import { FramesService } from './frames.service';
import { LedgerService } from './ledger.service';
import { MoneyEffects } from './money-effects';

/** Budget frames and the ledger; takes over the lifecycle's money effects and tells finance of thresholds. */
@Module({
  imports: [TransitionRuntimeModule, NotificationsModule, IdempotencyModule],
  controllers: [FramesController],
  providers: [LedgerService, FramesService, MoneyEffects, FrameAlertNotifications, FrameAuditRepository],
  exports: [LedgerService],
})
export class BudgetModule {}
