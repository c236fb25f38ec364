import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, Clock, DomainError, notFound, visibleOrNotFound } from '@lib/common';
import { attachmentRequirements, describeState, TAGS, type AttachmentKind } from '@lib/engine';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { Application } from '../applications/application.entity';
import { caseWhere, namesOf, ownership, type CaseKey } from '../applications/applications.service';
import { AuditRepository } from '../audit/audit.repository';
import { FundingCall } from '../calls/funding-call.entity';
import { type AppConfig, InjectConfig } from '../config/app-config';
import type { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { SchemeRegistry } from '../schemes/scheme-registry';
import { ALLOWED_ATTACHMENT_TYPES, detectMediaType } from './attachment-content';
import { ATTACHMENT_STORAGE, type AttachmentStorage, type StoredObject } from './attachment-storage';
import { AttachmentDto, AttachmentListDto } from './attachment.dto';
import { Attachment } from './attachment.entity';
import { VIRUS_SCANNER, type VirusScanner } from './virus-scanner';

/** The audit events of attachments: the case stays in its state. */
export const ATTACHMENT_EVENTS = { added: 'ADD_ATTACHMENT', deleted: 'DELETE_ATTACHMENT' } as const;

/** A file as it arrives: the name it was sent with and its bytes, which fail with a 413 past the limit. */
export interface IncomingFile {
  readonly fileName: string;
  readonly content: Readable;
}

/** An attachment's bytes for download, with what to call them. */
export interface AttachmentDownload {
  readonly content: Readable;
  readonly mediaType: string;
  readonly fileName: string;
  readonly sizeBytes: number;
}

/**
 * Attachments (vedlegg) on applications. An upload is stored first (streamed, hashed, counted), then
 * its type is read from its content and it is scanned; only then is the row written, with its audit
 * record, in one transaction. Whatever is refused on the way leaves no bytes behind.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(VIRUS_SCANNER) private readonly scanner: VirusScanner,
    @InjectConfig() private readonly config: AppConfig,
    private readonly schemes: SchemeRegistry,
    private readonly audit: AuditRepository,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, caseKey: CaseKey): Promise<AttachmentListDto> {
    const manager = this.dataSource.manager;
    const application = visibleOrNotFound(
      actor,
      await manager.findOneBy(Application, caseWhere(caseKey)),
      ownership,
      'Application',
    );
    const call = await manager.findOneByOrFail(FundingCall, { id: application.callId });
    const rows = await manager.find(Attachment, {
      where: { applicationId: application.id },
      order: { uploadedAt: 'ASC', id: 'ASC' },
    });
    return {
      requirements: attachmentRequirements(call.parameters).map((r) => ({ ...r })),
      items: await this.toDtos(manager, rows),
      editable: actor.kind === 'applicant' && this.uploadsOpen(application),
      maxBytes: this.config.attachments.maxBytes,
    };
  }

  /** Before the body is read: the case is the applicant's, open for attachments, and the call allows the kind. */
  async assertMayUpload(actor: Actor, caseKey: CaseKey, kind: AttachmentKind): Promise<void> {
    const manager = this.dataSource.manager;
    const { application } = this.applicantsOwn(
      actor,
      await manager.findOneBy(Application, caseWhere(caseKey)),
    );
    this.assertOpen(application);
    const call = await manager.findOneByOrFail(FundingCall, { id: application.callId });
    if (!attachmentRequirements(call.parameters).some((r) => r.kind === kind)) {
      throw new DomainError(
        'unprocessable',
        'attachment_kind_not_allowed',
        `The call does not ask for attachments of the kind ${kind}`,
        { kind },
      );
    }
  }

  /**
   * Stores the file and records it on the application. Under an `Idempotency-Key` the fingerprint is
   * the kind, the name and the bytes' hash: a repeat of the same upload answers as the first did and
   * keeps no second copy.
   */
  async upload(
    actor: Actor,
    caseKey: CaseKey,
    kind: AttachmentKind,
    file: IncomingFile,
    key?: IdempotencyKey,
  ): Promise<AttachmentDto> {
    await this.assertMayUpload(actor, caseKey, kind);
    const stored = await this.storage.put(file.content);
    let kept = false;
    try {
      if (stored.size === 0)
        throw new DomainError('bad_request', 'attachment_empty', 'The file is empty', { field: 'file' });
      const mediaType = await detectMediaType(await this.storage.get(stored.key));
      if (!mediaType || !(mediaType in ALLOWED_ATTACHMENT_TYPES)) {
        throw new DomainError(
          'unsupported_media_type',
          'attachment_type_not_allowed',
          `The file's content is ${mediaType ?? 'of no recognised type'}; attachments may be PDF, PNG, JPEG, DOCX or XLSX`,
          { detectedMediaType: mediaType, allowed: Object.keys(ALLOWED_ATTACHMENT_TYPES) },
        );
      }
      const verdict = await this.scanner.scan(await this.storage.get(stored.key));
      if (!verdict.clean) {
        throw new DomainError(
          'unprocessable',
          'attachment_infected',
          'The virus scan found malicious content in the file; it was not kept',
          { signature: verdict.signature },
        );
      }
      const fingerprinted = key && {
        ...key,
        body: { kind, fileName: file.fileName, sha256: stored.sha256, size: stored.size },
      };
      const dto = await this.idempotency.transaction(fingerprinted, async (tx) => {
        const row = await this.record(tx, actor, caseKey, kind, file.fileName, mediaType, stored);
        kept = true;
        return row;
      });
      return dto;
    } finally {
      if (!kept) await this.storage.delete(stored.key);
    }
  }

  async download(actor: Actor, caseKey: CaseKey, attachmentId: string): Promise<AttachmentDownload> {
    const manager = this.dataSource.manager;
    const application = visibleOrNotFound(
      actor,
      await manager.findOneBy(Application, caseWhere(caseKey)),
      ownership,
      'Application',
    );
    const attachment = await manager.findOneBy(Attachment, {
      id: attachmentId,
      applicationId: application.id,
    });
    if (!attachment) throw notFound('Attachment');
    return {
      content: await this.storage.get(attachment.storageKey),
      mediaType: attachment.mediaType,
      fileName: attachment.fileName,
      sizeBytes: attachment.sizeBytes,
    };
  }

  /** Deletes an attachment not yet sent, with its audit record; its bytes go once that is committed. */
  async delete(actor: Actor, caseKey: CaseKey, attachmentId: string, key?: IdempotencyKey): Promise<void> {
    const storageKey = await this.idempotency.transaction(key, async (tx) => {
      const { application, userId } = this.applicantsOwn(
        actor,
        await tx.findOne(Application, { where: caseWhere(caseKey), lock: { mode: 'pessimistic_write' } }),
      );
      const attachment = await tx.findOne(Attachment, {
        where: { id: attachmentId, applicationId: application.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!attachment) throw notFound('Attachment');
      if (attachment.submittedAt) {
        throw new DomainError(
          'conflict',
          'attachment_submitted',
          'The attachment was sent with the application and is part of the case record; it cannot be deleted',
        );
      }
      this.assertOpen(application);
      await tx.delete(Attachment, { id: attachment.id });
      await this.audit.appendToCase(tx, {
        applicationId: application.id,
        actorUserId: userId,
        actorRole: 'applicant',
        event: ATTACHMENT_EVENTS.deleted,
        payload: { attachmentId: attachment.id, kind: attachment.kind, sha256: attachment.sha256 },
        occurredAt: this.clock.now().toISOString(),
      });
      return attachment.storageKey;
    });
    // A repeat answers from the record and finds nothing more to delete.
    if (storageKey) await this.storage.delete(storageKey);
  }

  private async record(
    tx: EntityManager,
    actor: Actor,
    caseKey: CaseKey,
    kind: AttachmentKind,
    fileName: string,
    mediaType: string,
    stored: StoredObject,
  ): Promise<AttachmentDto> {
    // Checked again under the lock: the application may have been sent while the file came in.
    const { application, userId } = this.applicantsOwn(
      actor,
      await tx.findOne(Application, { where: caseWhere(caseKey), lock: { mode: 'pessimistic_write' } }),
    );
    this.assertOpen(application);
    const now = this.clock.now();
    const attachment = await tx.save(
      tx.create(Attachment, {
        applicationId: application.id,
        kind,
        fileName,
        mediaType,
        sizeBytes: stored.size,
        sha256: stored.sha256,
        storageKey: stored.key,
        uploadedBy: userId,
        uploadedAt: now,
        submittedAt: null,
        retentionClass: 'case_record',
      }),
    );
    await this.audit.appendToCase(tx, {
      applicationId: application.id,
      actorUserId: userId,
      actorRole: 'applicant',
      event: ATTACHMENT_EVENTS.added,
      payload: {
        attachmentId: attachment.id,
        kind,
        fileName,
        mediaType,
        sizeBytes: stored.size,
        sha256: stored.sha256,
      },
      occurredAt: now.toISOString(),
    });
    const [dto] = await this.toDtos(tx, [attachment]);
    return dto;
  }

  /** The application if the actor is an applicant of its organisation; 404 to anyone else who cannot see it, 403 to staff. */
  private applicantsOwn(
    actor: Actor,
    application: Application | null,
  ): { application: Application; userId: string } {
    const visible = visibleOrNotFound(actor, application, ownership, 'Application');
    if (actor.kind !== 'applicant')
      throw new DomainError('forbidden', 'forbidden', 'Only the applicant adds or deletes attachments');
    return { application: visible, userId: actor.userId };
  }

  /** Attachments come with the application, an answer to a request for information, or a report. */
  private uploadsOpen(application: Application): boolean {
    const scheme = this.schemes.forStored(application.schemeId);
    const { tags } = describeState(scheme.lifecycle, application.snapshot);
    return tags.includes(TAGS.editableByApplicant) || tags.includes(TAGS.awaitingApplicant);
  }

  private assertOpen(application: Application): void {
    if (!this.uploadsOpen(application)) {
      throw new DomainError(
        'conflict',
        'attachments_closed',
        `Attachments cannot be added or deleted while the application is ${application.state}`,
        { currentStatus: application.status, currentState: application.state },
      );
    }
  }

  private async toDtos(manager: EntityManager, rows: readonly Attachment[]): Promise<AttachmentDto[]> {
    const names = await namesOf(
      manager,
      rows.map((r) => r.uploadedBy),
    );
    return rows.map((a) => ({
      id: a.id,
      kind: a.kind,
      fileName: a.fileName,
      mediaType: a.mediaType,
      sizeBytes: a.sizeBytes,
      sha256: a.sha256,
      uploadedAt: a.uploadedAt.toISOString(),
      uploadedByName: names.get(a.uploadedBy) ?? '',
      submittedAt: a.submittedAt?.toISOString() ?? null,
      retentionClass: a.retentionClass,
    }));
  }
}
