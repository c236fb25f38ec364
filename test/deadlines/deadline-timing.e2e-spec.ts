import { DAY_MS } from '@lib/common';
import { act, bioContent, draft, expectOk, KARI, OFFICER } from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

/** Real time: timers armed through the outbox fire on time, and cancelled ones never fire. */
describe('deadline timers in real time', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { OUTBOX_POLL_MS: '50' } });
  });
  afterAll(() => t.close());

  // Dates that are eligible whatever today's date is (the call is rolling, open since January 2026).
  const content = () => {
    const start = new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10);
    const end = new Date(Date.now() + 300 * DAY_MS).toISOString().slice(0, 10);
    return bioContent({ startDate: start, endDate: end });
  };
  async function inReview(): Promise<string> {
    const { id } = await draft(t, { content: content() });
    await expectOk(act(t, KARI, id, 'submit'));
    await expectOk(act(t, OFFICER, id, 'assign'));
    return id;
  }
  const deadlineOf = async (id: string) =>
    (
      await t.dataSource.query(
        `SELECT status, due_at, settled_at, outcome FROM deadline WHERE application_id = $1 AND kind = 'information_response'`,
        [id],
      )
    )[0] as { status: string; due_at: Date; settled_at: Date | null; outcome: string | null };
  // Generous: it returns as soon as the check holds, and a busy machine can take seconds to fire a job.
  async function until(check: () => Promise<boolean>, ms = 20_000) {
    const stop = Date.now() + ms;
    while (Date.now() < stop) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }

  it('fires a deadline within a second of its due time, through the lifecycle', async () => {
    const id = await inReview();
    // Far enough ahead that the command has committed and armed the timer before it is due, even on a
    // busy machine: a deadline already past when armed fires "late" by however long the command took.
    const dueAt = new Date(Date.now() + 4000);
    await expectOk(
      act(t, OFFICER, id, 'request-information', { message: 'Send the plan', dueAt: dueAt.toISOString() }),
    );
    expect(await until(async () => (await deadlineOf(id)).status !== 'scheduled', 20_000)).toBe(true);
    const deadline = await deadlineOf(id);
    expect(deadline.status).toBe('fired');
    const lateness = deadline.settled_at!.getTime() - deadline.due_at.getTime();
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(1000);
    const [app] = await t.dataSource.query(`SELECT state FROM application WHERE id = $1`, [id]);
    expect(app.state).toBe('assessment.in_review');
    const events = await t.dataSource.query(
      `SELECT event, actor_role FROM audit_record WHERE application_id = $1 ORDER BY seq`,
      [id],
    );
    expect(events[events.length - 1]).toEqual({ event: 'INFORMATION_DEADLINE_PASSED', actor_role: 'system' });
  });

  it('never fires a deadline that a transition cancelled', async () => {
    const id = await inReview();
    // The answer must come before the deadline (else the deadline rightly fires first): leave room
    // for two commands on a busy machine, then wait until well past the due time.
    const dueAt = new Date(Date.now() + 5000);
    await expectOk(
      act(t, OFFICER, id, 'request-information', { message: 'Send the plan', dueAt: dueAt.toISOString() }),
    );
    await expectOk(act(t, KARI, id, 'answer-information', { message: 'Sent' }));
    await new Promise((r) => setTimeout(r, Math.max(0, dueAt.getTime() + 1500 - Date.now())));
    expect((await deadlineOf(id)).status).toBe('cancelled');
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_record WHERE application_id = $1 AND event = 'INFORMATION_DEADLINE_PASSED'`,
      [id],
    );
    expect(n).toBe(0);
  });
});
