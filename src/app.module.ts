import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { requestIdOf } from '@lib/common';
import { LoggerModule } from 'nestjs-pino';
import { QueueDashboardModule } from './admin/queue-dashboard.module';
import { ArchiveApiModule, ArchiveWorkerModule } from './archive/archive.module';
import { ApplicationsModule } from './applications/applications.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuthModule } from './auth/auth.module';
import { BudgetModule } from './budget/budget.module';
import { CallsModule } from './calls/calls.module';
import { ClockModule } from './clock.module';
import { SchemesApiModule } from './schemes/schemes.controller';
import { SchemesModule } from './schemes/schemes.module';
import { AppConfig, appConfigNamespace } from './config/app-config';
import { DatabaseModule } from './database/database.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { DeadlinesWorkerModule } from './deadlines/deadlines-worker.module';
import { HealthModule } from './health/health.module';
import { InterimReportsApiModule } from './interim-reports/interim-reports-api.module';
import { NotificationsModule, NotificationsWorkerModule } from './notifications/notifications.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { PaymentsModule } from './payments/payments.module';
import { QueueModule } from './queue/queue.module';
import { WorkerModule } from './queue/worker.module';
import { RedisModule } from './redis/redis.module';
import { SettlementApiModule } from './settlement/settlement-api.module';
import { SettlementModule } from './settlement/settlement.module';
import { TransitionRuntimeModule } from './runtime';
import { UsersModule } from './users/users.module';

/**
 * The whole service, composed for a role: `api` serves HTTP, `worker` consumes jobs, `all` does
 * both in one process. Same code, same modules; only the set differs.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const api = config.role !== 'worker';
    const worker = config.role !== 'api';
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [appConfigNamespace(config)] }),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.log.level,
            transport: config.log.pretty
              ? { target: 'pino-pretty', options: { singleLine: true } }
              : undefined,
            genReqId: requestIdOf,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password'],
            customProps: () => ({ role: config.role }),
          },
        }),
        ClockModule,
        DatabaseModule,
        RedisModule,
        QueueModule,
        SchemesModule,
        // The kernel's transition runtime, and the features that take part in transitions, in every role.
        TransitionRuntimeModule,
        ApplicationsModule,
        BudgetModule,
        DeadlinesModule,
        NotificationsModule,
        SettlementModule,
        ...(api
          ? [
              HealthModule,
              AuthModule,
              UsersModule,
              OrganisationsModule,
              CallsModule,
              SchemesApiModule,
              PaymentsModule,
              SettlementApiModule,
              InterimReportsApiModule,
              AttachmentsModule,
              ArchiveApiModule,
            ]
          : []),
        ...(api && config.http.queueDashboard ? [QueueDashboardModule] : []),
        ...(worker
          ? [WorkerModule, DeadlinesWorkerModule, NotificationsWorkerModule, ArchiveWorkerModule]
          : []),
      ],
    };
  }
}
