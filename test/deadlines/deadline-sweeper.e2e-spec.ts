import { DAY_MS } from '@lib/common';
import { getQueueToken } from '@nestjs/bullmq';
import { deleteRedisPrefix } from '@lib/testing';
import type { Queue } from 'bullmq';
import { DEADLINE_QUEUE } from '../../src/queue/queue.module';
import { DeadlineSweeper } from '../../src/deadlines/deadline-sweeper';
import { DeadlineProcessor } from '../../src/deadlines/deadline.processor';
import { OutboxDispatcher } from '../../src/runtime';
import { act, APPROVER, expectOk, KARI, newClock, recommended } from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

/** Moved time and lost timers: the database is the truth, the sweeper repairs Redis. */
describe('deadlines survive lost timers and fire exactly once', () => {
  let t: TestApp;
  const clock = newClock();
  beforeAll(async () => {
    // The sweeper runs only when told to here (a long interval), so each test sees what it did.
    t = await startTestApp({ clock, env: { OUTBOX_POLL_MS: '50', SWEEP_INTERVAL_SECONDS: '3600' } });
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(newClock().now()));

  const frameCommitted = async () =>
    Number(
      (await t.dataSource.query(`SELECT committed FROM budget_frame WHERE scheme_id = 'bio'`))[0].committed,
    );
  const deadline = async (id: string, kind: string) =>
    (
      await t.dataSource.query(`SELECT id, status FROM deadline WHERE application_id = $1 AND kind = $2`, [
        id,
        kind,
      ])
    )[0] as {
      id: string;
      status: string;
    };
  // Generous: it returns as soon as the check holds, and a busy machine can take seconds to fire a job.
  async function until(check: () => Promise<boolean>, ms = 20_000) {
    const stop = Date.now() + ms;
    while (Date.now() < stop) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }
  async function granted(amount = 20_000_000) {
    const id = await recommended(t, amount);
    await expectOk(act(t, APPROVER, id, 'decide-grant'));
    await t.app.get(OutboxDispatcher).dispatchOnce();
    return id;
  }

  it('lapses a grant not accepted in time and returns its money to the frame', async () => {
    const before = await frameCommitted();
    const id = await granted();
    expect(await frameCommitted()).toBe(before + 20_000_000);
    clock.advance(21 * DAY_MS + 1000);
    const report = await t.app.get(DeadlineSweeper).sweep();
    expect(report.promoted).toBeGreaterThanOrEqual(1);
    expect(await until(async () => (await deadline(id, 'acceptance')).status === 'fired')).toBe(true);
    const [app] = await t.dataSource.query(`SELECT status FROM application WHERE id = $1`, [id]);
    expect(app.status).toBe('lapsed');
    expect(await frameCommitted()).toBe(before);
  });

  it('after Redis lost every job, re-arms all scheduled deadlines and fires the overdue ones exactly once', async () => {
    const overdue = [await granted(), await granted()];
    clock.advance(10 * DAY_MS);
    const future = await granted(); // its acceptance is due 21 days from now
    clock.advance(12 * DAY_MS); // the first two are overdue now, the third is not

    // What FLUSHALL does to this installation: every key under its prefix is gone.
    await deleteRedisPrefix(t.config.redis.keyPrefix);
    const scheduled = async () =>
      Number(
        (await t.dataSource.query(`SELECT count(*) AS n FROM deadline WHERE status = 'scheduled'`))[0].n,
      );
    const before = await scheduled(); // three acceptances, and the preliminary replies of this file's cases
    expect(before).toBeGreaterThanOrEqual(3);
    const report = await t.app.get(DeadlineSweeper).sweep();
    expect(report).toMatchObject({ checked: before, rearmed: before });

    for (const id of overdue) {
      expect(await until(async () => (await deadline(id, 'acceptance')).status === 'fired')).toBe(true);
    }
    expect((await deadline(future, 'acceptance')).status).toBe('scheduled');

    // A second sweep repairs nothing and fires nothing again.
    expect(await t.app.get(DeadlineSweeper).sweep()).toMatchObject({
      checked: await scheduled(),
      rearmed: 0,
    });
    for (const id of overdue) {
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_record WHERE application_id = $1 AND event = 'ACCEPTANCE_DEADLINE_PASSED'`,
        [id],
      );
      expect(n).toBe(1);
    }
  });

  it('treats a second firing, a cancelled deadline and an early one as no-ops', async () => {
    const id = await granted();
    const { id: deadlineId } = await deadline(id, 'acceptance');
    const processor = t.app.get(DeadlineProcessor);
    expect(await processor.fire(deadlineId)).toBe('not_due');
    clock.advance(22 * DAY_MS);
    expect(await processor.fire(deadlineId)).toBe('fired');
    expect(await processor.fire(deadlineId)).toBe('not_scheduled');

    // Accepted in time: the acceptance deadline is cancelled, and firing it does nothing.
    clock.set(newClock().now());
    const other = await granted();
    await expectOk(act(t, KARI, other, 'accept'));
    const cancelled = await deadline(other, 'acceptance');
    expect(cancelled.status).toBe('cancelled');
    clock.advance(30 * DAY_MS);
    expect(await processor.fire(cancelled.id)).toBe('not_scheduled');
    const [app] = await t.dataSource.query(`SELECT state FROM application WHERE id = $1`, [other]);
    expect(app.state).toBe('granted.active');
  });

  it('replaces a job that ended while its deadline is still scheduled (it ran early, or failed every try)', async () => {
    const id = await granted();
    const { id: deadlineId } = await deadline(id, 'acceptance');
    // A worker whose clock runs ahead picks the job up early: the deadline is not due, the job completes.
    const queue = t.app.get<Queue>(getQueueToken(DEADLINE_QUEUE));
    await (await queue.getJob(deadlineId))!.remove();
    await queue.add('fire', { deadlineId }, { jobId: deadlineId });
    expect(await until(async () => (await queue.getJob(deadlineId))?.returnvalue === 'not_due')).toBe(true);
    expect(await (await queue.getJob(deadlineId))!.getState()).toBe('completed');

    // When it is due, the sweeper sees an ended job for a scheduled row and replaces it.
    clock.advance(22 * DAY_MS);
    expect(await t.app.get(DeadlineSweeper).sweep()).toMatchObject({ replaced: 1 });
    expect(await until(async () => (await deadline(id, 'acceptance')).status === 'fired')).toBe(true);
  });

  it('reminds the applicant before the final report is due, on the call’s days, until the report comes', async () => {
    const id = await granted();
    await expectOk(act(t, KARI, id, 'accept'));
    await t.app.get(OutboxDispatcher).dispatchOnce();
    const reminders = async () =>
      t.dataSource.query(
        `SELECT kind, status FROM deadline WHERE application_id = $1 AND kind LIKE 'reminder.%' ORDER BY due_at`,
        [id],
      );
    expect(await reminders()).toEqual([
      { kind: 'reminder.final_report.60', status: 'scheduled' },
      { kind: 'reminder.final_report.14', status: 'scheduled' },
      { kind: 'reminder.final_report.1', status: 'scheduled' },
    ]);
    // The report is due 30 days after the project ends (2027-02-26): 2027-03-28.
    clock.set('2027-03-15T12:00:00Z');
    await t.app.get(DeadlineSweeper).sweep();
    expect(
      await until(
        async () => (await reminders()).filter((r: { status: string }) => r.status === 'fired').length === 2,
      ),
    ).toBe(true);
    const mails = await t.dataSource.query(
      `SELECT subject, body, recipient_email FROM notification WHERE application_id = $1 AND template = 'final_report_reminder'`,
      [id],
    );
    expect(mails).toHaveLength(2);
    expect(mails[0].recipient_email).toBe('kari@fjordverk.example');
    expect(mails[0].body).toContain('skal leveres innen 28.03.2027');

    // The report arrives: the last reminder is cancelled with the deadline.
    const report = {
      summary: 'Done',
      participantsCompleted: 4,
      actualCosts: [{ category: 'provider_fees', amountOre: 10_000_000 }],
    };
    await expectOk(act(t, KARI, id, 'report', { report }));
    expect((await reminders())[2]).toEqual({ kind: 'reminder.final_report.1', status: 'cancelled' });
  });

  it('sends a preliminary reply when a month passes without a decision, and not after a decision', async () => {
    const waiting = await recommended(t);
    const decided = await recommended(t);
    await expectOk(act(t, APPROVER, decided, 'decide-grant'));
    await t.app.get(OutboxDispatcher).dispatchOnce();
    clock.set('2026-03-02T09:00:01+01:00'); // one month and a second after submission
    await t.app.get(DeadlineSweeper).sweep();
    const outcome = async (id: string) =>
      (
        (
          await t.dataSource.query(
            `SELECT status FROM deadline WHERE application_id = $1 AND kind = 'preliminary_reply'`,
            [id],
          )
        )[0] as {
          status: string;
        }
      ).status;
    expect(
      await until(async () => (await outcome(waiting)) === 'fired' && (await outcome(decided)) === 'skipped'),
    ).toBe(true);
    const mails = await t.dataSource.query(
      `SELECT recipient_email FROM notification WHERE application_id = $1 AND template = 'preliminary_reply' ORDER BY 1`,
      [waiting],
    );
    expect(mails.map((m: { recipient_email: string }) => m.recipient_email)).toEqual([
      'kari@fjordverk.example',
      'saksbehandler@trondelag.example',
    ]);
    const none = await t.dataSource.query(
      `SELECT 1 FROM notification WHERE application_id = $1 AND template = 'preliminary_reply'`,
      [decided],
    );
    expect(none).toEqual([]);
  });
});
