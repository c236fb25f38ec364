import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { FrameAlertNotifications } from './frame-alert-notifications';
import { FramesController } from './frames.controller';
import { FramesService } from './frames.service';
import { LedgerService } from './ledger.service';
import { MoneyEffects } from './money-effects';

/** Budget frames and the ledger; takes over the lifecycle's money effects and tells finance of thresholds. */
@Module({
  imports: [ApplicationsModule, NotificationsModule, IdempotencyModule],
  controllers: [FramesController],
  providers: [LedgerService, FramesService, MoneyEffects, FrameAlertNotifications],
  exports: [LedgerService],
})
export class BudgetModule {}
