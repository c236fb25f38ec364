import { Module } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository';
import { SchemesModule } from '../schemes/schemes.module';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { EffectRunner } from './effect-runner';
import { IdempotencyService } from './idempotency.service';

@Module({
  imports: [SchemesModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsService, AuditRepository, EffectRunner, IdempotencyService],
  exports: [ApplicationsService, EffectRunner],
})
export class ApplicationsModule {}
