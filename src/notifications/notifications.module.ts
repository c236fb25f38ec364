import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { NOTIFICATION_QUEUE, QueueModule } from '../queue/queue.module';
import { OutboxDispatcher, OutboxModule, TransitionRuntimeModule } from '../runtime';
import { NotificationEffects } from './notification-effects';
import { NotificationService, SEND_NOTIFICATION } from './notification.service';
import { NotificationProcessor, type SendNotificationJob } from './notification.processor';

/** Renders notifications when transitions ask for them (every role that runs transitions). */
@Module({
  imports: [TransitionRuntimeModule],
  providers: [NotificationService, NotificationEffects],
  exports: [NotificationService],
})
export class NotificationsModule {}

@Injectable()
class NotificationOutbox implements OnModuleInit {
  constructor(
    private readonly outbox: OutboxDispatcher,
    @InjectQueue(NOTIFICATION_QUEUE) private readonly queue: Queue<SendNotificationJob>,
  ) {}

  onModuleInit(): void {
    this.outbox.register(SEND_NOTIFICATION, async (rows) => {
      await this.queue.addBulk(
        rows.map((r) => {
          const notificationId = String(r.payload.notificationId);
          return { name: 'send', data: { notificationId }, opts: { jobId: notificationId } };
        }),
      );
    });
  }
}

/** The worker's part: queueing notifications from the outbox and sending them. */
@Module({ imports: [QueueModule, OutboxModule], providers: [NotificationOutbox, NotificationProcessor] })
export class NotificationsWorkerModule {}
