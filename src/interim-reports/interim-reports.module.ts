import { Module } from '@nestjs/common';
import { ArchiveModule } from '../archive/archive.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TransitionRuntimeModule } from '../runtime';
import { InterimReportsService } from './interim-reports.service';

/**
 * Interim (status) reports of grants: the service (the deadline worker reminds and alerts through
 * it). The HTTP endpoints are `InterimReportsApiModule`.
 */
@Module({
  imports: [IdempotencyModule, NotificationsModule, TransitionRuntimeModule, ArchiveModule],
  providers: [InterimReportsService],
  exports: [InterimReportsService],
})
export class InterimReportsModule {}
