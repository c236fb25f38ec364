import { Injectable } from '@nestjs/common';
import { formatWholeKroner, type StaffRole } from '@lib/common';
import { migrateSnapshot, type Audience, type LifecycleContext } from '@lib/engine';
import type { EntityManager } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';
import { OutboxMessage, type LifecycleCase } from '../runtime';
import { AppConfig, InjectConfig } from '../config/app-config';
import { SchemeRegistry } from '../schemes/scheme-registry';
import { Notification } from './notification.entity';
import { renderTemplate, type TemplateValues } from './notification-templates';

export const SEND_NOTIFICATION = 'notification.send';

// Built once: an Intl formatter costs more to make than to use (measured on the decision path).
const OSLO_DATE = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'short' });
const OSLO_DATE_TIME = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  dateStyle: 'short',
  timeStyle: 'short',
});

export const osloDate = (iso: unknown) =>
  typeof iso === 'string' ? OSLO_DATE.format(new Date(iso)) : undefined;
export const osloDateTime = (at: Date) => OSLO_DATE_TIME.format(at);

/** Who is told and in which case (if any) the message belongs. */
interface Delivery {
  recipients: ReadonlyArray<{ id: string; email: string }>;
  template: string;
  values: TemplateValues;
  applicationId: string | null;
  auditRecordId: string | null;
}

/**
 * Turns "tell these people about this" into one rendered e-mail per person (queued) and an outbox row
 * each for the worker to send, inside the caller's transaction: about an application (its audiences),
 * or about a call or a frame (the county's holders of some roles).
 */
@Injectable()
export class NotificationService {
  constructor(
    private readonly schemes: SchemeRegistry,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async notify(
    tx: EntityManager,
    application: LifecycleCase,
    template: string,
    audiences: readonly Audience[],
    auditRecordId: string | null,
    extra: TemplateValues = {},
  ): Promise<number> {
    const recipients = await this.recipients(tx, application, audiences);
    if (!recipients.length) return 0;
    const organisation = await tx.findOneByOrFail(Organisation, { id: application.organisationId });
    const scheme = this.schemes.forStored(application.schemeId);
    const { context } = migrateSnapshot(scheme.lifecycle, application.snapshot).state;
    const request = context.informationRequest;
    const values: TemplateValues = {
      reference: application.reference,
      caseNumber: application.caseNumber ?? undefined,
      organisation: organisation.name,
      scheme: scheme.name,
      amount: formatWholeKroner(application.grantedAmount),
      dueAt: osloDate(request?.dueAt ?? context.acceptanceDueAt ?? context.finalReportDueAt),
      message: request?.message,
      ...cancellationAndExtensionValues(context),
      ...extra,
    };
    return this.deliver(tx, { recipients, template, values, applicationId: application.id, auditRecordId });
  }

  /** Tells the county's active holders of these roles (e.g. finance about a frame, officers about a call). */
  async notifyCountyStaff(
    tx: EntityManager,
    countyId: string,
    roles: readonly StaffRole[],
    template: string,
    values: TemplateValues,
  ): Promise<number> {
    const recipients = await tx.query<Array<{ id: string; email: string }>>(
      `SELECT id, email FROM user_account WHERE county_id = $1 AND active AND roles && $2::text[] ORDER BY email`,
      [countyId, roles],
    );
    return this.deliver(tx, { recipients, template, values, applicationId: null, auditRecordId: null });
  }

  /** Tells one person, whoever they are (e.g. a new staff user their invitation), about no case. */
  notifyUser(
    tx: EntityManager,
    recipient: { id: string; email: string },
    template: string,
    values: TemplateValues,
  ): Promise<number> {
    return this.deliver(tx, {
      recipients: [recipient],
      template,
      values,
      applicationId: null,
      auditRecordId: null,
    });
  }

  private async deliver(tx: EntityManager, delivery: Delivery): Promise<number> {
    const { recipients, template, values, applicationId, auditRecordId } = delivery;
    for (const recipient of recipients) {
      const text = renderTemplate(template, 'nb', values, this.config.mail.publicUrl);
      const notification = await tx.save(
        tx.create(Notification, {
          applicationId,
          auditRecordId,
          template,
          recipientUserId: recipient.id,
          recipientEmail: recipient.email,
          locale: text.locale,
          subject: text.subject,
          body: text.body,
          bodyAfterSend: text.bodyAfterSend,
          status: 'queued',
        }),
      );
      await tx.insert(OutboxMessage, {
        applicationId,
        auditRecordId,
        kind: SEND_NOTIFICATION,
        payload: { notificationId: notification.id },
      });
    }
    return recipients.length;
  }

  /** The people behind each audience: the organisation's users, the case's officer, the county's role holders. */
  private async recipients(tx: EntityManager, application: LifecycleCase, audiences: readonly Audience[]) {
    const found = new Map<string, { id: string; email: string }>();
    for (const audience of audiences) {
      const rows: Array<{ id: string; email: string }> =
        audience === 'applicant'
          ? await tx.query(
              `SELECT u.id, u.email FROM user_account u JOIN organisation_member m ON m.user_id = u.id
                WHERE m.organisation_id = $1 AND u.active`,
              [application.organisationId],
            )
          : audience === 'case_officer' && application.caseOfficerId
            ? await tx.query(`SELECT id, email FROM user_account WHERE id = $1 AND active`, [
                application.caseOfficerId,
              ])
            : await tx.query(
                `SELECT id, email FROM user_account WHERE county_id = $1 AND active AND $2 = ANY(roles)`,
                [application.countyId, audience],
              );
      for (const row of rows) found.set(row.id, row);
    }
    return [...found.values()];
  }
}

/**
 * What the letters of a cancellation (heving) and of a deadline extension (utsatt frist) quote: the
 * grounds as decided, the amount claimed back, and the deadlines asked for and given.
 */
function cancellationAndExtensionValues(context: LifecycleContext): TemplateValues {
  const { cancellation, extension } = context;
  const outcome = extension?.outcome ?? null;
  return {
    reportDueAt: osloDate(context.finalReportDueAt),
    ...(cancellation && {
      cancellationGrounds: cancellation.grounds,
      repaymentAmount: formatWholeKroner(cancellation.repaymentAmount),
    }),
    ...(extension && {
      extensionReason: extension.reason,
      requestedDueAt: osloDate(extension.requestedDueAt),
    }),
    ...(outcome && { extensionGrounds: outcome.grounds ?? '' }),
  };
}
