import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, Clock, DomainError, notFound, visibleOrNotFound } from '@lib/common';
import {
  attachmentRequirements,
  describeState,
  TAGS,
  type AttachmentContext,
  type AttachmentKind,
  type ResolvedAttachmentRequirement,
} from '@lib/engine';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { Application } from '../applications/application.entity';
import { caseWhere, namesOf, ownership, type CaseKey } from '../applications/applications.service';
import { AuditRepository } from '../audit/audit.repository';
import { FundingCall } from '../calls/funding-call.entity';
import { type AppConfig, InjectConfig } from '../config/app-config';
import type { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { InterimReport } from '../interim-reports/interim-report.entity';
import { PayoutRequest } from '../payments/payout-request.entity';
import { SchemeRegistry } from '../schemes/scheme-registry';
import { ALLOWED_ATTACHMENT_TYPES, detectMediaType } from './attachment-content';
import { ATTACHMENT_STORAGE, type AttachmentStorage, type StoredObject } from './attachment-storage';
import { AttachmentDto, AttachmentListDto, AttachmentOwnerDto, AttachmentOwnerQuery } from './attachment.dto';
import { Attachment, lastInformationRequest, type AttachmentOwnerRef } from './attachment.entity';
import { VIRUS_SCANNER, type VirusScanner } from './virus-scanner';

/** The audit events of attachments: the case stays in its state. */
export const ATTACHMENT_EVENTS = { added: 'ADD_ATTACHMENT', deleted: 'DELETE_ATTACHMENT' } as const;

/** A file as it arrives: the name it was sent with and its bytes, which fail with a 413 past the limit. */
export interface IncomingFile {
  readonly fileName: string;
  readonly content: Readable;
}

/**
 * What attachments go with, resolved: the application itself, the answer to a request for
 * information, a payout request or an interim report; with whether uploads are open to it now.
 */
type Owner =
  | { readonly kind: 'application' }
  | {
      readonly kind: 'information_request';
      readonly id: string;
      readonly seq: number;
      /** Whether it is the last request, the one an answer now answers. */
      readonly last: boolean;
    }
  | { readonly kind: 'payout_request'; readonly request: PayoutRequest }
  | { readonly kind: 'interim_report'; readonly report: InterimReport };

/** Payout requests and interim reports take attachments while they are drafts or returned. */
const OWNER_EDITABLE: readonly string[] = ['draft', 'returned'];

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

  async list(actor: Actor, caseKey: CaseKey, query: AttachmentOwnerQuery = {}): Promise<AttachmentListDto> {
    const manager = this.dataSource.manager;
    const application = visibleOrNotFound(
      actor,
      await manager.findOneBy(Application, caseWhere(caseKey)),
      ownership,
      'Application',
    );
    const owner = await this.owner(manager, application, query);
    const rows = await this.ownersQuery(manager, application.id, owner)
      .orderBy('a.uploaded_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    const { context, requirements } = await this.requirements(manager, application, owner);
    return {
      context,
      requirements: requirements.map((r) => ({ ...r })),
      items: await this.toDtos(manager, rows),
      editable: actor.kind === 'applicant' && this.isOpen(application, owner),
      maxBytes: this.config.attachments.maxBytes,
    };
  }

  /**
   * Before the body is read: the case is the applicant's, what the file goes with takes attachments
   * now, and the call allows the kind there.
   */
  async assertMayUpload(
    actor: Actor,
    caseKey: CaseKey,
    kind: AttachmentKind,
    query: AttachmentOwnerQuery = {},
  ): Promise<void> {
    const manager = this.dataSource.manager;
    const { application } = this.applicantsOwn(
      actor,
      await manager.findOneBy(Application, caseWhere(caseKey)),
    );
    const owner = await this.owner(manager, application, query);
    this.assertOpen(application, owner);
    const { context, requirements } = await this.requirements(manager, application, owner);
    if (!requirements.some((r) => r.kind === kind)) {
      throw new DomainError(
        'unprocessable',
        'attachment_kind_not_allowed',
        `The call does not ask for attachments of the kind ${kind} with ${CONTEXT_NAMES[context]}`,
        { kind, context },
      );
    }
  }

  /**
   * Stores the file and records it with what it goes with. Under an `Idempotency-Key` the fingerprint
   * is the kind, the owner, the name and the bytes' hash: a repeat of the same upload answers as the
   * first did and keeps no second copy.
   */
  async upload(
    actor: Actor,
    caseKey: CaseKey,
    kind: AttachmentKind,
    file: IncomingFile,
    key?: IdempotencyKey,
    query: AttachmentOwnerQuery = {},
  ): Promise<AttachmentDto> {
    await this.assertMayUpload(actor, caseKey, kind, query);
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
        body: { kind, ...query, fileName: file.fileName, sha256: stored.sha256, size: stored.size },
      };
      const dto = await this.idempotency.transaction(fingerprinted, async (tx) => {
        const row = await this.record(tx, actor, caseKey, query, kind, file.fileName, mediaType, stored);
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
          'The attachment was sent and is part of the case record; it cannot be deleted',
        );
      }
      this.assertOpen(application, await this.ownerOf(tx, attachment));
      await tx.delete(Attachment, { id: attachment.id });
      await this.audit.appendToCase(tx, {
        applicationId: application.id,
        actorUserId: userId,
        actorRole: 'applicant',
        event: ATTACHMENT_EVENTS.deleted,
        payload: {
          attachmentId: attachment.id,
          kind: attachment.kind,
          sha256: attachment.sha256,
          ...ownerPayload(await this.ownerOf(tx, attachment)),
        },
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
    query: AttachmentOwnerQuery,
    kind: AttachmentKind,
    fileName: string,
    mediaType: string,
    stored: StoredObject,
  ): Promise<AttachmentDto> {
    // Checked again under the lock: the application (or what the file goes with) may have been sent
    // while the file came in; payout requests and interim reports are sent under the same lock.
    const { application, userId } = this.applicantsOwn(
      actor,
      await tx.findOne(Application, { where: caseWhere(caseKey), lock: { mode: 'pessimistic_write' } }),
    );
    const owner = await this.owner(tx, application, query);
    this.assertOpen(application, owner);
    const now = this.clock.now();
    const attachment = await tx.save(
      tx.create(Attachment, {
        applicationId: application.id,
        ...ownerColumns(owner),
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
        ...ownerPayload(owner),
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

  /**
   * What `query` names, in the application: a payout request, an interim report or a request for
   * information (404 if it has none such); none named, the open request for information while the
   * case awaits the applicant's answer, else the application itself.
   */
  private async owner(
    manager: EntityManager,
    application: Application,
    query: AttachmentOwnerQuery,
  ): Promise<Owner> {
    const named = [query.payoutRequest, query.interimReport, query.informationRequest].filter(
      (v) => v !== undefined,
    );
    if (named.length > 1)
      throw new DomainError(
        'bad_request',
        'attachment_owner_ambiguous',
        'Name at most one of payoutRequest, interimReport and informationRequest',
        { field: 'payoutRequest' },
      );
    if (query.payoutRequest !== undefined) {
      const request = await manager.findOneBy(PayoutRequest, {
        applicationId: application.id,
        number: query.payoutRequest,
      });
      if (!request) throw notFound('Payout request');
      return { kind: 'payout_request', request };
    }
    if (query.interimReport !== undefined) {
      const report = await manager.findOneBy(InterimReport, {
        applicationId: application.id,
        reportKey: query.interimReport,
      });
      if (!report) throw notFound('Interim report');
      return { kind: 'interim_report', report };
    }
    if (query.informationRequest !== undefined) {
      const [row] = await manager.query<Array<{ id: string }>>(
        `SELECT id FROM audit_record WHERE application_id = $1 AND seq = $2 AND event = 'REQUEST_INFO'`,
        [application.id, query.informationRequest],
      );
      if (!row) throw notFound('Request for information');
      const last = await lastInformationRequest(manager, application.id);
      return {
        kind: 'information_request',
        id: String(row.id),
        seq: query.informationRequest,
        last: last?.id === String(row.id),
      };
    }
    if (this.awaitingAnswer(application)) {
      const open = await lastInformationRequest(manager, application.id);
      if (open) return { kind: 'information_request', ...open, last: true };
    }
    return { kind: 'application' };
  }

  /** The owner of a stored attachment. */
  private async ownerOf(manager: EntityManager, attachment: Attachment): Promise<Owner> {
    if (attachment.payoutRequestId)
      return {
        kind: 'payout_request',
        request: await manager.findOneByOrFail(PayoutRequest, { id: attachment.payoutRequestId }),
      };
    if (attachment.interimReportId)
      return {
        kind: 'interim_report',
        report: await manager.findOneByOrFail(InterimReport, { id: attachment.interimReportId }),
      };
    if (attachment.informationRequestId) {
      const id = String(attachment.informationRequestId);
      const [row] = await manager.query<Array<{ seq: string }>>(`SELECT seq FROM audit_record WHERE id = $1`, [
        id,
      ]);
      const last = await lastInformationRequest(manager, attachment.applicationId);
      return { kind: 'information_request', id, seq: Number(row.seq), last: last?.id === id };
    }
    return { kind: 'application' };
  }

  /** The owner's attachments; the application's own also lists its answers'. */
  private ownersQuery(manager: EntityManager, applicationId: string, owner: Owner) {
    const query = manager
      .createQueryBuilder(Attachment, 'a')
      .where('a.application_id = :applicationId', { applicationId });
    switch (owner.kind) {
      case 'payout_request':
        return query.andWhere('a.payout_request_id = :id', { id: owner.request.id });
      case 'interim_report':
        return query.andWhere('a.interim_report_id = :id', { id: owner.report.id });
      default:
        return query.andWhere('a.payout_request_id IS NULL AND a.interim_report_id IS NULL');
    }
  }

  /** The kinds the call allows with the owner, as they stand now (a payout request's by its amount). */
  private async requirements(
    manager: EntityManager,
    application: Application,
    owner: Owner,
  ): Promise<{ context: AttachmentContext; requirements: readonly ResolvedAttachmentRequirement[] }> {
    const call = await manager.findOneByOrFail(FundingCall, { id: application.callId });
    const scheme = this.schemes.forStored(application.schemeId);
    const context = contextOf(owner);
    const amount = owner.kind === 'payout_request' ? owner.request.amount : 0;
    return {
      context,
      requirements: attachmentRequirements(call.parameters, context, scheme.attachmentDefaults, amount),
    };
  }

  private awaitingAnswer(application: Application): boolean {
    const scheme = this.schemes.forStored(application.schemeId);
    return describeState(scheme.lifecycle, application.snapshot).tags.includes(TAGS.awaitingApplicant);
  }

  /**
   * Whether the owner takes attachments now: the application while the applicant may change it, an
   * answer while its request is the open one, a payout request or interim report while a draft or returned.
   */
  private isOpen(application: Application, owner: Owner): boolean {
    switch (owner.kind) {
      case 'payout_request':
        return OWNER_EDITABLE.includes(owner.request.status);
      case 'interim_report':
        return OWNER_EDITABLE.includes(owner.report.status);
      case 'information_request':
        return owner.last && this.awaitingAnswer(application);
      default: {
        const scheme = this.schemes.forStored(application.schemeId);
        const { tags } = describeState(scheme.lifecycle, application.snapshot);
        return tags.includes(TAGS.editableByApplicant);
      }
    }
  }

  private assertOpen(application: Application, owner: Owner): void {
    if (!this.isOpen(application, owner)) {
      const what =
        owner.kind === 'payout_request'
          ? `payout request ${owner.request.number} is ${owner.request.status}`
          : owner.kind === 'interim_report'
            ? `the interim report is ${owner.report.status}`
            : `the application is ${application.state}`;
      throw new DomainError(
        'conflict',
        'attachments_closed',
        `Attachments cannot be added or deleted while ${what}`,
        { currentStatus: application.status, currentState: application.state },
      );
    }
  }

  private async toDtos(manager: EntityManager, rows: readonly Attachment[]): Promise<AttachmentDto[]> {
    const names = await namesOf(
      manager,
      rows.map((r) => r.uploadedBy),
    );
    const numbers = await ownerNumbers(manager, rows);
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
      owner: ownerDtoOf(a, numbers),
    }));
  }
}

const CONTEXT_NAMES: Record<AttachmentContext, string> = {
  application: 'the application',
  information_answer: 'answers to requests for information',
  part_payout_request: 'part payout requests',
  final_payout_request: 'final payout requests',
  interim_report: 'interim reports',
};

function contextOf(owner: Owner): AttachmentContext {
  switch (owner.kind) {
    case 'payout_request':
      return owner.request.kind === 'final' ? 'final_payout_request' : 'part_payout_request';
    case 'interim_report':
      return 'interim_report';
    case 'information_request':
      return 'information_answer';
    default:
      return 'application';
  }
}

function ownerColumns(owner: Owner): AttachmentOwnerRef {
  switch (owner.kind) {
    case 'payout_request':
      return { payoutRequestId: owner.request.id };
    case 'interim_report':
      return { interimReportId: owner.report.id };
    case 'information_request':
      return { informationRequestId: owner.id };
    default:
      return {};
  }
}

/** The owner as the audit record names it: as people do, by number or key. */
function ownerPayload(owner: Owner): Record<string, unknown> {
  switch (owner.kind) {
    case 'payout_request':
      return { payoutRequest: owner.request.number };
    case 'interim_report':
      return { interimReport: owner.report.reportKey };
    case 'information_request':
      return { informationRequest: owner.seq };
    default:
      return {};
  }
}

/** The numbers and keys by which people name the owners of `rows`. */
async function ownerNumbers(manager: EntityManager, rows: readonly Attachment[]) {
  const ids = (pick: (a: Attachment) => string | null) => [
    ...new Set(rows.map(pick).filter((v): v is string => v !== null)),
  ];
  const payout = ids((a) => a.payoutRequestId);
  const interim = ids((a) => a.interimReportId);
  const info = ids((a) => a.informationRequestId);
  const map = new Map<string, number | string>();
  if (payout.length)
    for (const r of await manager.query<Array<{ id: string; number: number }>>(
      `SELECT id, number FROM payout_request WHERE id = ANY($1)`,
      [payout],
    ))
      map.set(r.id, r.number);
  if (interim.length)
    for (const r of await manager.query<Array<{ id: string; report_key: string }>>(
      `SELECT id, report_key FROM interim_report WHERE id = ANY($1)`,
      [interim],
    ))
      map.set(r.id, r.report_key);
  if (info.length)
    for (const r of await manager.query<Array<{ id: string; seq: string }>>(
      `SELECT id, seq FROM audit_record WHERE id = ANY($1::bigint[])`,
      [info],
    ))
      map.set(String(r.id), Number(r.seq));
  return map;
}

function ownerDtoOf(a: Attachment, numbers: Map<string, number | string>): AttachmentOwnerDto | null {
  if (a.payoutRequestId)
    return { kind: 'payout_request', payoutRequest: numbers.get(a.payoutRequestId) as number };
  if (a.interimReportId)
    return { kind: 'interim_report', interimReport: numbers.get(a.interimReportId) as string };
  if (a.informationRequestId)
    return {
      kind: 'information_request',
      informationRequest: numbers.get(String(a.informationRequestId)) as number,
    };
  return null;
}
