import { Module } from '@nestjs/common';
import { PaymentAuditRepository } from '../audit/payment-audit.repository';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { RegisterModule } from '../register';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';

@Module({
  imports: [IdempotencyModule, RegisterModule],
  controllers: [OrganisationsController],
  providers: [OrganisationsService, PaymentAuditRepository],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
