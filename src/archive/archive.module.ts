import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AttachmentFilesModule } from '../attachments/attachment-files.module';
import { APP_CONFIG, AppConfig, InjectConfig } from '../config/app-config';
import { ARCHIVE_QUEUE, QueueModule } from '../queue/queue.module';
import { OutboxDispatcher, OutboxModule } from '../runtime';
import { ARCHIVE_ADAPTER, archiveAdapterFor } from './archive-adapter';
import { ArchiveProcessor, type DeliverToArchiveJob } from './archive.processor';
import { JournalController, PublicJournalController } from './journal.controller';
import { DELIVER_TO_ARCHIVE, JournalService } from './journal.service';

/**
 * The journal (arkivloven, Noark 5): the features whose events are documents journal them through
 * `JournalService`, in their own transactions. It depends on no such feature.
 */
@Module({ providers: [JournalService], exports: [JournalService] })
export class ArchiveModule {}

/** The staff's journal and the public journal over HTTP. */
@Module({
  imports: [ArchiveModule],
  controllers: [JournalController, PublicJournalController],
})
export class ArchiveApiModule {}

@Injectable()
class ArchiveOutbox implements OnModuleInit {
  constructor(
    private readonly outbox: OutboxDispatcher,
    @InjectQueue(ARCHIVE_QUEUE) private readonly queue: Queue<DeliverToArchiveJob>,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const { attempts, retryDelayMs } = this.config.archive;
    this.outbox.register(DELIVER_TO_ARCHIVE, async (rows) => {
      await this.queue.addBulk(
        rows.map((r) => {
          const journalEntryId = String(r.payload.journalEntryId);
          return {
            name: 'deliver',
            data: { journalEntryId },
            opts: { jobId: journalEntryId, attempts, backoff: { type: 'exponential', delay: retryDelayMs } },
          };
        }),
      );
    });
  }
}

/** The worker's part: queueing journal entries from the outbox and delivering them to the archive. */
@Module({
  imports: [QueueModule, OutboxModule, AttachmentFilesModule],
  providers: [
    {
      provide: ARCHIVE_ADAPTER,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => archiveAdapterFor(c.archive),
    },
    ArchiveOutbox,
    ArchiveProcessor,
  ],
})
export class ArchiveWorkerModule {}
