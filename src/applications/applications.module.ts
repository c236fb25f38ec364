import { Module } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { SchemesModule } from '../schemes/schemes.module';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { EffectRunner } from './effect-runner';

@Module({
  imports: [SchemesModule, IdempotencyModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsService, AuditRepository, EffectRunner],
  exports: [ApplicationsService, EffectRunner],
})
export class ApplicationsModule {}
