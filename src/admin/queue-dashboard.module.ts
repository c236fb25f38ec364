import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { InjectQueue } from '@nestjs/bullmq';
import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { RequestHandler } from 'express';
import { AuthModule } from '../auth/auth.module';
import { DEADLINE_QUEUE, NOTIFICATION_QUEUE, QueueModule, SYSTEM_QUEUE } from '../queue/queue.module';
import { QueueDashboardController } from './queue-dashboard.controller';
import { QueueDashboardGate } from './queue-dashboard.gate';
import { DASHBOARD_PATH, DASHBOARD_ROUTE, DashboardSessions } from './queue-dashboard.session';

/**
 * bull-board at /api/v1/admin/queues, for admins only. Imported only where HTTP is served (APP_ROLE
 * api or all) and QUEUE_DASHBOARD is on; reading the queues needs no worker in this process.
 */
@Module({
  imports: [
    QueueModule,
    // The auth module's JWT settings and actor lookup, so the gate verifies the same access tokens.
    AuthModule,
  ],
  controllers: [QueueDashboardController],
  providers: [DashboardSessions, QueueDashboardGate],
})
export class QueueDashboardModule implements NestModule {
  constructor(
    @InjectQueue(SYSTEM_QUEUE) private readonly system: Queue,
    @InjectQueue(DEADLINE_QUEUE) private readonly deadlines: Queue,
    @InjectQueue(NOTIFICATION_QUEUE) private readonly notifications: Queue,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    const board = new ExpressAdapter().setBasePath(DASHBOARD_PATH);
    createBullBoard({
      // Read-only: the database is the truth and the system retries by itself; an admin is a county's,
      // while the queues hold every county's jobs.
      queues: [this.system, this.deadlines, this.notifications].map(
        (queue) => new BullMQAdapter(queue, { readOnlyMode: true }),
      ),
      serverAdapter: board,
      options: { uiConfig: { boardTitle: 'Grant engine queues', hideDocsLink: true } },
    });
    consumer
      .apply(QueueDashboardGate, board.getRouter() as RequestHandler)
      // The session route is an ordinary controller route behind the API's own guard.
      .exclude({ path: `${DASHBOARD_ROUTE}/session`, method: RequestMethod.ALL })
      .forRoutes(DASHBOARD_ROUTE);
  }
}
