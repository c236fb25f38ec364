import { Injectable, OnModuleInit } from '@nestjs/common';
import { OutboxDispatcher } from '../runtime';
import { ARM_DEADLINE, DISARM_DEADLINE, type ArmPayload } from './deadline-effects';
import { DeadlineTimers } from './deadline-timers';

/** Arms and disarms deadline timers for the outbox rows transitions wrote. */
@Injectable()
export class DeadlineOutbox implements OnModuleInit {
  constructor(
    private readonly outbox: OutboxDispatcher,
    private readonly timers: DeadlineTimers,
  ) {}

  onModuleInit(): void {
    this.outbox.register(ARM_DEADLINE, (rows, now) =>
      this.timers.arm(
        rows
          .map((r) => r.payload as unknown as ArmPayload)
          .map((a) => ({ deadlineId: a.deadlineId, dueAt: new Date(a.dueAt) })),
        now,
      ),
    );
    this.outbox.register(DISARM_DEADLINE, async (rows) => {
      for (const row of rows) await this.timers.disarm(String(row.payload.deadlineId));
    });
  }
}
