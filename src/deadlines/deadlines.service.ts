import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FundingCall } from '../calls/funding-call.entity';
import { scheduleCallAnnouncements } from './deadline-effects';

/** What other features ask of the deadlines feature, beyond the effects transitions emit. */
@Injectable()
export class DeadlinesService {
  /**
   * A call just published: its opening and closing announcements, each only if still ahead, written in
   * the caller's transaction with the outbox rows that arm their timers.
   */
  scheduleCallAnnouncements(
    tx: EntityManager,
    call: Pick<FundingCall, 'id' | 'opensAt' | 'closesAt'>,
    now: Date,
  ): Promise<void> {
    return scheduleCallAnnouncements(tx, call, now);
  }
}
