import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Audience } from '@lib/engine';
import type { EntityManager } from 'typeorm';
import { EffectRunner } from '../applications/effect-runner';
import type { Application } from '../applications/application.entity';
import { OutboxMessage } from '../applications/outbox-message.entity';
import { Organisation } from '../organisations/organisation.entity';
import { SchemeRegistry } from '../schemes/scheme-registry';
import { Notification } from './notification.entity';
import { renderTemplate } from './notification-templates';

export const SEND_NOTIFICATION = 'notification.send';

const kroner = (ore: number | null | undefined) =>
  ore === null || ore === undefined
    ? undefined
    : new Intl.NumberFormat('nb-NO').format(Math.floor(ore / 100));
const osloDate = (iso: unknown) =>
  typeof iso === 'string'
    ? new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'short' }).format(new Date(iso))
    : undefined;

/**
 * `notify` effects: in the transition's transaction, each audience becomes its people, each person a
 * rendered notification row (queued) and an outbox row for the worker to send it.
 */
@Injectable()
export class NotificationEffects implements OnModuleInit {
  constructor(
    private readonly effects: EffectRunner,
    private readonly schemes: SchemeRegistry,
  ) {}

  onModuleInit(): void {
    this.effects.register('notify', async (effect, { tx, application, auditRecordId }) => {
      const recipients = await this.recipients(tx, application, effect.recipients);
      if (!recipients.length) return;
      const organisation = await tx.findOneByOrFail(Organisation, { id: application.organisationId });
      const context = (application.snapshot as { state: { context: Record<string, unknown> } }).state.context;
      const request = context.informationRequest as { message?: string; dueAt?: string } | null;
      const values = {
        reference: application.reference,
        organisation: organisation.name,
        scheme: this.schemes.forStored(application.schemeId).name,
        amount: kroner(application.grantedAmount),
        dueAt: osloDate(request?.dueAt ?? context.acceptanceDueAt ?? context.finalReportDueAt),
        message: request?.message,
      };
      for (const recipient of recipients) {
        const text = renderTemplate(effect.template, 'nb', values);
        const notification = await tx.save(
          tx.create(Notification, {
            applicationId: application.id,
            auditRecordId,
            template: effect.template,
            recipientUserId: recipient.id,
            recipientEmail: recipient.email,
            locale: text.locale,
            subject: text.subject,
            body: text.body,
            status: 'queued',
          }),
        );
        await tx.insert(OutboxMessage, {
          applicationId: application.id,
          auditRecordId,
          kind: SEND_NOTIFICATION,
          payload: { notificationId: notification.id },
        });
      }
    });
  }

  /** The people behind each audience: the organisation's users, the case's officer, the county's role holders. */
  private async recipients(tx: EntityManager, application: Application, audiences: readonly Audience[]) {
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
