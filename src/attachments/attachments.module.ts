import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { TransitionRuntimeModule } from '../runtime';
import { SchemesModule } from '../schemes/schemes.module';
import { ATTACHMENT_STORAGE, LocalDiskStorage } from './attachment-storage';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { ClamdScanner, NoVirusScanner, VIRUS_SCANNER } from './virus-scanner';

/** Attachments on applications: local-disk storage, and clamd scanning when it is configured. */
@Module({
  imports: [SchemesModule, IdempotencyModule, TransitionRuntimeModule],
  controllers: [AttachmentsController],
  providers: [
    AttachmentsService,
    {
      provide: ATTACHMENT_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalDiskStorage(config.attachments.directory),
    },
    {
      provide: VIRUS_SCANNER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.attachments.clamd ? new ClamdScanner(config.attachments.clamd) : new NoVirusScanner(),
    },
  ],
})
export class AttachmentsModule {}
