import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { InterimReportsModule } from '../interim-reports/interim-reports.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { QueueModule } from '../queue/queue.module';
import { OutboxModule } from '../runtime';
import { SettlementModule } from '../settlement/settlement.module';
import { DeadlineOutbox } from './deadline-outbox';
import { DeadlineSweeper } from './deadline-sweeper';
import { DeadlineProcessor } from './deadline.processor';
import { DeadlinesModule } from './deadlines.module';

/** The worker's part: arming timers from the outbox, firing deadlines, and the sweeper. */
@Module({
  imports: [
    ApplicationsModule,
    QueueModule,
    DeadlinesModule,
    OutboxModule,
    NotificationsModule,
    SettlementModule,
    InterimReportsModule,
  ],
  providers: [DeadlineOutbox, DeadlineProcessor, DeadlineSweeper],
})
export class DeadlinesWorkerModule {}
