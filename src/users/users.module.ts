import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { StaffAuditRepository } from './staff-audit.repository';
import { InvitationsController, StaffController } from './staff.controller';
import { StaffService } from './staff.service';

@Module({
  imports: [AuthModule, IdempotencyModule, NotificationsModule],
  controllers: [StaffController, InvitationsController],
  providers: [StaffService, StaffAuditRepository],
})
export class UsersModule {}
