import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppConfig, InjectConfig } from '../config/app-config';
import { NOTIFICATION_QUEUE } from '../queue/queue.module';
import { Notification } from './notification.entity';

/** The stored body without its secrets, when it had any (a link that must not outlive the sending). */
const WITHOUT_SECRETS = {
  body: () => 'coalesce("body_after_send", "body")',
  bodyAfterSend: null,
};

export interface SendNotificationJob {
  notificationId: string;
}

/**
 * Sends one queued notification over SMTP and records the outcome. A retry after a crash finds the
 * row already `sent` and does nothing; after the last attempt the row is marked `failed`.
 */
@Processor(NOTIFICATION_QUEUE)
export class NotificationProcessor extends WorkerHost {
  private readonly logger = new Logger(NotificationProcessor.name);
  private readonly transport: Transporter;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    super();
    // Without an SMTP server the message is rendered to JSON and recorded as `logged`.
    this.transport = config.mail.smtpUrl
      ? createTransport(config.mail.smtpUrl)
      : createTransport({ jsonTransport: true });
  }

  async process(job: Job<SendNotificationJob>): Promise<string> {
    const notification = await this.dataSource.manager.findOneBy(Notification, {
      id: job.data.notificationId,
    });
    if (!notification || notification.status !== 'queued') return 'skipped';
    await this.dataSource.manager.increment(Notification, { id: notification.id }, 'attempts', 1);
    try {
      await this.transport.sendMail({
        from: this.config.mail.from,
        to: notification.recipientEmail,
        subject: notification.subject,
        text: notification.body,
        headers: { 'X-Notification-Id': notification.id },
      });
    } catch (error) {
      await this.dataSource.manager.update(
        Notification,
        { id: notification.id },
        { lastError: (error as Error).message },
      );
      throw error;
    }
    const status = this.config.mail.smtpUrl ? 'sent' : 'logged';
    // Once the e-mail is out, the stored copy no longer holds its secrets (an invitation's link and
    // token). Without a mail server (development, the demo) the stored row is the only copy: kept whole.
    await this.dataSource.manager.update(
      Notification,
      { id: notification.id, status: 'queued' },
      { status, sentAt: new Date(), ...(status === 'sent' ? WITHOUT_SECRETS : {}) },
    );
    return status;
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'Notification worker error');
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<SendNotificationJob> | undefined, error: Error): Promise<void> {
    // A job whose data was lost with Redis has nothing to mark; an event handler must never throw.
    const notificationId = job?.data?.notificationId;
    if (!job || !notificationId || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    this.logger.error({ notificationId, err: error }, 'Notification failed for good');
    await this.dataSource.manager
      .update(
        Notification,
        { id: notificationId, status: 'queued' },
        { status: 'failed', ...WITHOUT_SECRETS },
      )
      .catch((err: unknown) =>
        this.logger.error({ notificationId, err }, 'Could not mark notification failed'),
      );
  }
}
