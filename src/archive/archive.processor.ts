import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { norwegianDate } from '@lib/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { createHash } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { Application } from '../applications/application.entity';
import { AttachmentFilesService } from '../attachments/attachment-files.module';
import { Attachment } from '../attachments/attachment.entity';
import { County } from '../counties/county.entity';
import { DecisionLetter } from '../letters/decision-letter.entity';
import { ARCHIVE_QUEUE } from '../queue/queue.module';
import { SchemeRegistry } from '../schemes/scheme-registry';
import { ARCHIVE_ADAPTER, type ArchiveAdapter } from './archive-adapter';
import { ArchiveDelivery, JournalEntry, type JournalDocument } from './journal-entry.entity';
import { noark5Record, type DocumentBytes } from './noark5-record';

export interface DeliverToArchiveJob {
  journalEntryId: string;
}

/**
 * Delivers one journal entry to the archive and records the outcome. The database is the truth: an
 * entry already delivered is skipped, so a repeated job (a crash after the archive answered, a
 * re-enqueue) does nothing; the archive also gets the entry's id as its idempotency key. A failure
 * is retried with backoff (ARCHIVE_ATTEMPTS, ARCHIVE_RETRY_DELAY_MS); after the last attempt the
 * delivery is marked `failed`.
 */
@Processor(ARCHIVE_QUEUE)
export class ArchiveProcessor extends WorkerHost {
  private readonly logger = new Logger(ArchiveProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ARCHIVE_ADAPTER) private readonly adapter: ArchiveAdapter,
    private readonly files: AttachmentFilesService,
    private readonly schemes: SchemeRegistry,
  ) {
    super();
  }

  async process(job: Job<DeliverToArchiveJob>): Promise<string> {
    const id = job.data.journalEntryId;
    const manager = this.dataSource.manager;
    const delivery = await manager.findOneBy(ArchiveDelivery, { journalEntryId: id });
    if (!delivery || delivery.status === 'delivered' || delivery.status === 'logged') return 'skipped';
    await manager.increment(ArchiveDelivery, { journalEntryId: id }, 'attempts', 1);
    try {
      const entry = await manager.findOneOrFail(JournalEntry, {
        where: { id },
        select: { ...selectAll(manager), generatedDocument: true },
      });
      const application = await manager.findOneByOrFail(Application, { id: entry.applicationId });
      const county = await manager.findOneByOrFail(County, { id: entry.countyId });
      const record = noark5Record(
        entry,
        {
          countyName: county.name,
          schemeName: this.schemes.forStored(application.schemeId).name,
          caseDate: norwegianDate(application.submittedAt ?? application.createdAt),
        },
        await this.documents(entry),
      );
      const receipt = await this.adapter.deliver(entry.id, record);
      await manager.update(
        ArchiveDelivery,
        { journalEntryId: id },
        {
          status: receipt.outcome,
          archiveReference: receipt.reference,
          deliveredAt: new Date(),
          lastError: null,
        },
      );
      return receipt.outcome;
    } catch (error) {
      await manager.update(ArchiveDelivery, { journalEntryId: id }, { lastError: (error as Error).message });
      throw error;
    }
  }

  /** Every document's bytes, checked against the hash and size the entry recorded. */
  private async documents(entry: JournalEntry): Promise<DocumentBytes[]> {
    const manager = this.dataSource.manager;
    const letterIds = entry.documents.flatMap((d) =>
      d.source.kind === 'decision_letter' ? [d.source.id] : [],
    );
    const attachmentIds = entry.documents.flatMap((d) =>
      d.source.kind === 'attachment' ? [d.source.id] : [],
    );
    const letters = letterIds.length
      ? await manager.find(DecisionLetter, {
          where: { id: In(letterIds) },
          select: { id: true, pdf: true },
        })
      : [];
    const attachments = attachmentIds.length
      ? await manager.findBy(Attachment, { id: In(attachmentIds) })
      : [];
    const result: DocumentBytes[] = [];
    for (const document of entry.documents) {
      const bytes = await this.bytesOf(document, entry, letters, attachments);
      checkIntegrity(document, bytes);
      result.push({ document, bytes });
    }
    return result;
  }

  private async bytesOf(
    document: JournalDocument,
    entry: JournalEntry,
    letters: readonly DecisionLetter[],
    attachments: readonly Attachment[],
  ): Promise<Buffer> {
    const source = document.source;
    switch (source.kind) {
      case 'generated':
        if (!entry.generatedDocument)
          throw new UnrecoverableError(`Entry ${entry.id} has no generated document`);
        return entry.generatedDocument;
      case 'decision_letter': {
        const letter = letters.find((l) => l.id === source.id);
        if (!letter) throw new UnrecoverableError(`Letter ${source.id} is gone`);
        return letter.pdf;
      }
      case 'attachment': {
        const attachment = attachments.find((a) => a.id === source.id);
        if (!attachment) throw new UnrecoverableError(`Attachment ${source.id} is gone`);
        return this.files.read(attachment.storageKey);
      }
    }
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'Archive worker error');
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<DeliverToArchiveJob> | undefined, error: Error): Promise<void> {
    const id = job?.data?.journalEntryId;
    const final =
      error instanceof UnrecoverableError || (job && job.attemptsMade >= (job.opts.attempts ?? 1));
    if (!job || !id || !final) return;
    this.logger.error({ journalEntryId: id, err: error }, 'Journal entry not delivered to the archive');
    await this.dataSource.manager
      .update(ArchiveDelivery, { journalEntryId: id, status: 'pending' }, { status: 'failed' })
      .catch((err: unknown) =>
        this.logger.error({ journalEntryId: id, err }, 'Could not mark delivery failed'),
      );
  }
}

/** Every column of the entry, so the one not selected by default can be added. */
function selectAll(manager: DataSource['manager']): Record<string, true> {
  return Object.fromEntries(
    manager.connection.getMetadata(JournalEntry).columns.map((c) => [c.propertyName, true]),
  );
}

/** The bytes must be the ones journalled: a changed file is not delivered as if it were the same. */
function checkIntegrity(document: JournalDocument, bytes: Buffer): void {
  const hash = createHash('sha256').update(bytes).digest('hex');
  if (hash !== document.sha256 || bytes.length !== document.byteSize)
    throw new UnrecoverableError(
      `Document ${document.number} (${document.title}) does not match its checksum`,
    );
}
