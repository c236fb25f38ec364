import { Injectable, OnModuleInit } from '@nestjs/common';
import { EffectRunner } from '../runtime';
import { NotificationService } from './notification.service';

/** `notify` effects become notifications in the transition's transaction. */
@Injectable()
export class NotificationEffects implements OnModuleInit {
  constructor(
    private readonly effects: EffectRunner,
    private readonly notifications: NotificationService,
  ) {}

  onModuleInit(): void {
    this.effects.register('notify', async (effect, { tx, application, auditRecordId }) => {
      await this.notifications.notify(tx, application, effect.template, effect.recipients, auditRecordId);
    });
  }
}
