import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { CallAuditRepository } from './call-audit.repository';
import { CallsAdminController, CallsController } from './calls.controller';
import { CallsService } from './calls.service';

/** Calls (utlysninger): public listing, and the admins' drafts and publication. */
@Module({
  imports: [IdempotencyModule, DeadlinesModule],
  controllers: [CallsController, CallsAdminController],
  providers: [CallsService, CallAuditRepository],
})
export class CallsModule {}
