import { Injectable, OnModuleInit } from '@nestjs/common';
import { formatWholeKroner } from '@lib/common';
import { NotificationService } from '../notifications/notification.service';
import { BudgetFrame } from './budget-frame.entity';
import { LedgerService } from './ledger.service';

/** Finance hears by e-mail when a frame first reaches 80, 90 and 100 % used. */
@Injectable()
export class FrameAlertNotifications implements OnModuleInit {
  constructor(
    private readonly ledger: LedgerService,
    private readonly notifications: NotificationService,
  ) {}

  onModuleInit(): void {
    this.ledger.onAlert(async (tx, alert) => {
      const frame = await tx.findOneByOrFail(BudgetFrame, { id: alert.frameId });
      await this.notifications.notifyCountyStaff(tx, frame.countyId, ['finance'], 'frame_threshold_crossed', {
        frame: `${frame.name} (${frame.year})`,
        threshold: String(alert.thresholdPercent),
        used: formatWholeKroner(alert.used),
        allocated: formatWholeKroner(alert.allocated),
        remaining: formatWholeKroner(alert.allocated - alert.used),
      });
    });
  }
}
