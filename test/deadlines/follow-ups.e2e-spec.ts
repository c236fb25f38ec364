import { DAY_MS } from '@lib/common';
import { randomUUID } from 'node:crypto';
import { LedgerService } from '../../src/budget/ledger.service';
import { FundingCall } from '../../src/calls/funding-call.entity';
import { scheduleCallAnnouncements } from '../../src/deadlines/deadline-effects';
import { DeadlineSweeper } from '../../src/deadlines/deadline-sweeper';
import { OutboxDispatcher } from '../../src/runtime';
import { act, APPROVER, expectOk, KARI, newClock, recommended } from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

/** What follows a deadline: an overdue report escalates, calls announce themselves, frames warn finance. */
describe('follow-ups: overdue reports, call windows, frame thresholds', () => {
  let t: TestApp;
  const clock = newClock();
  beforeAll(async () => {
    t = await startTestApp({ clock, env: { OUTBOX_POLL_MS: '50', SWEEP_INTERVAL_SECONDS: '3600' } });
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(newClock().now()));

  // Generous: it returns as soon as the check holds, and a busy machine can take seconds to fire a job.
  async function until(check: () => Promise<boolean>, ms = 20_000) {
    const stop = Date.now() + ms;
    while (Date.now() < stop) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }
  /** Moves the clock and lets the sweeper fire what is due, then waits until nothing due is left. */
  async function passTime(to: string | Date) {
    clock.set(to);
    await t.app.get(DeadlineSweeper).sweep();
    const settled = await until(async () => {
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM deadline WHERE status = 'scheduled' AND due_at <= $1`,
        [clock.now()],
      );
      return n === 0;
    });
    expect(settled).toBe(true);
  }
  const mails = (where: string, params: unknown[]) =>
    t.dataSource.query<Array<{ template: string; recipient_email: string; subject: string; body: string }>>(
      `SELECT template, recipient_email, subject, body FROM notification WHERE ${where} ORDER BY created_at, recipient_email`,
      params,
    );
  async function active() {
    const id = await recommended(t, 20_000_000);
    await expectOk(act(t, APPROVER, id, 'decide-grant'));
    await expectOk(act(t, KARI, id, 'accept'));
    await t.app.get(OutboxDispatcher).dispatchOnce();
    return id;
  }
  const report = {
    summary: 'Done',
    participantsCompleted: 4,
    actualCosts: [{ category: 'provider_fees', amountOre: 10_000_000 }],
  };

  it('escalates an overdue final report to the case officer, then proposes a lapse to officer and approver', async () => {
    const silent = await active();
    const late = await active();
    // The report is due 2027-03-28; it passes unanswered.
    await passTime('2027-03-29T09:00:00+02:00');
    const steps = async (id: string) =>
      t.dataSource.query(
        `SELECT kind, status FROM deadline WHERE application_id = $1 AND kind LIKE 'report_overdue.%' ORDER BY due_at`,
        [id],
      );
    expect(await steps(silent)).toEqual([
      { kind: 'report_overdue.escalation', status: 'scheduled' },
      { kind: 'report_overdue.lapse_proposal', status: 'scheduled' },
    ]);
    // They are the deadline event's own effects, so its audit record names them.
    const [overdue] = await t.dataSource.query<Array<{ effects: Array<Record<string, unknown>> }>>(
      `SELECT effects FROM audit_record WHERE application_id = $1 AND event = 'REPORT_DEADLINE_PASSED'`,
      [silent],
    );
    expect(overdue.effects.filter((e) => e.kind === 'scheduleNotice')).toEqual([
      { kind: 'scheduleNotice', notice: 'report_escalation', overdueSince: expect.any(String) },
      { kind: 'scheduleNotice', notice: 'report_lapse_proposal', overdueSince: expect.any(String) },
    ]);
    expect(
      (await mails(`application_id = $1 AND template = 'final_report_overdue'`, [silent])).map(
        (m) => m.recipient_email,
      ),
    ).toEqual(['kari@fjordverk.example', 'saksbehandler@trondelag.example']);

    // One report arrives late: its follow-ups are cancelled and never fire.
    await expectOk(act(t, KARI, late, 'report', { report }));
    expect((await steps(late)).map((s: { status: string }) => s.status)).toEqual(['cancelled', 'cancelled']);

    // 14 days on: the case officer alone hears that the report is still missing.
    await passTime(new Date(clock.now().getTime() + 14 * DAY_MS));
    const escalation = await mails(`application_id = $1 AND template = 'final_report_escalation'`, [silent]);
    expect(escalation.map((m) => m.recipient_email)).toEqual(['saksbehandler@trondelag.example']);
    expect(escalation[0].body).toContain('hadde frist 28.03.2027 og er fortsatt ikke levert');

    // 42 days after the deadline: a proposal to let the grant lapse, to the officer and the approver.
    await passTime(new Date(clock.now().getTime() + 28 * DAY_MS));
    const proposal = await mails(`application_id = $1 AND template = 'final_report_lapse_proposal'`, [
      silent,
    ]);
    expect(proposal.map((m) => m.recipient_email)).toEqual([
      'godkjenner@trondelag.example',
      'saksbehandler@trondelag.example',
    ]);
    expect(proposal[0].subject).toMatch(/^Forslag om bortfall av tilsagn – BIO-/);
    expect(await steps(silent)).toEqual([
      { kind: 'report_overdue.escalation', status: 'fired' },
      { kind: 'report_overdue.lapse_proposal', status: 'fired' },
    ]);
    // The late report's case heard nothing of it.
    expect(
      await mails(
        `application_id = $1 AND template IN ('final_report_escalation', 'final_report_lapse_proposal')`,
        [late],
      ),
    ).toEqual([]);
  });

  it('announces a call’s opening and closing to the county’s staff, with what came in', async () => {
    const [seeded] = await t.dataSource.query<Array<{ id: string; county_id: string; frame_id: string }>>(
      `SELECT id, county_id, frame_id FROM funding_call WHERE scheme_id = 'bio'`,
    );
    // Next round, published ahead of its window; and the running call gets a closing date.
    const next = await t.dataSource.getRepository(FundingCall).save({
      countyId: seeded.county_id,
      frameId: seeded.frame_id,
      schemeId: 'bio',
      year: 2026,
      title: 'BIO høst 2026',
      status: 'published',
      opensAt: new Date('2026-02-09T08:00:00+01:00'),
      closesAt: new Date('2026-03-01T12:00:00+01:00'),
      parameters: {},
      publishedAt: clock.now(),
    });
    await recommended(t, 10_000_000); // submitted under the running call
    await t.dataSource.query(`UPDATE funding_call SET closes_at = $2 WHERE id = $1`, [
      seeded.id,
      '2026-02-20T12:00:00+01:00',
    ]);
    const running = await t.dataSource.getRepository(FundingCall).findOneByOrFail({ id: seeded.id });
    await t.dataSource.transaction(async (tx) => {
      await scheduleCallAnnouncements(tx, next, clock.now());
      await scheduleCallAnnouncements(tx, running, clock.now());
    });
    // This test's two calls (the seed's other demo calls have announcements of their own).
    const announcements = () =>
      t.dataSource.query(
        `SELECT call_id, kind, status FROM deadline WHERE call_id IN ($1, $2) ORDER BY due_at`,
        [next.id, seeded.id],
      );
    // The running call opened before it was scheduled: only its closing is announced.
    expect(await announcements()).toEqual([
      { call_id: next.id, kind: 'call.opens', status: 'scheduled' },
      { call_id: seeded.id, kind: 'call.closes', status: 'scheduled' },
      { call_id: next.id, kind: 'call.closes', status: 'scheduled' },
    ]);

    // Only this test's calls' e-mails (the first test's trip to 2027 closed some demo calls).
    const callMails = (template: string) =>
      mails(`template = $1 AND (subject LIKE '%: BIO høst 2026' OR subject LIKE '%: Bedriftsintern%')`, [
        template,
      ]);
    await passTime('2026-02-09T08:00:01+01:00');
    const opened = await callMails('call_opened');
    expect(opened.map((m) => m.recipient_email)).toEqual([
      'okonomi@trondelag.example',
      'saksbehandler@trondelag.example',
    ]);
    expect(opened[0].subject).toBe('Utlysningen er åpnet: BIO høst 2026');
    expect(opened[0].body).toContain(
      'er åpen for søknader fra 09.02.2026, 08:00. Søknadsfrist: 01.03.2026, 12:00.',
    );

    await passTime('2026-02-20T12:00:00+01:00');
    const closed = await callMails('call_closed');
    expect(closed.map((m) => m.recipient_email)).toEqual([
      'godkjenner@trondelag.example',
      'okonomi@trondelag.example',
      'saksbehandler@trondelag.example',
    ]);
    const [received] = await t.dataSource.query(
      `SELECT count(*)::int AS n, sum(requested_amount) / 100 AS kroner FROM application WHERE call_id = $1 AND status <> 'draft'`,
      [seeded.id],
    );
    expect(received.n).toBeGreaterThanOrEqual(1);
    const kroner = new Intl.NumberFormat('nb-NO').format(Number(received.kroner));
    expect(closed[0].body).toContain(
      `stengte 20.02.2026, 12:00. Innkomne søknader: ${received.n}, samlet søkt ${kroner} kr.`,
    );

    // A call closed early by the county, after its closing was scheduled, announces nothing more.
    await t.dataSource.query(`UPDATE funding_call SET status = 'closed' WHERE id = $1`, [next.id]);
    await passTime('2026-03-01T12:00:00+01:00');
    expect(await callMails('call_closed')).toHaveLength(3);
    expect((await announcements()).map((a: { status: string }) => a.status)).toEqual([
      'fired',
      'fired',
      'skipped',
    ]);
  });

  it('tells finance once per threshold when a frame’s commitments reach 80, 90 and 100 %', async () => {
    const [frame] = await t.dataSource.query<Array<{ id: string; allocated: string; committed: string }>>(
      `SELECT id, allocated, committed FROM budget_frame WHERE scheme_id = 'bio'`,
    );
    const allocated = Number(frame.allocated);
    const commit = (amount: number) =>
      t.dataSource.transaction((tx) =>
        t.app.get(LedgerService).commit(tx, {
          frameId: frame.id,
          grantKey: randomUUID(),
          applicationId: null,
          amount,
          actorUserId: null,
          at: new Date(),
          reason: 'Large grant',
        }),
      );
    const thresholdMails = () => mails(`template = 'frame_threshold_crossed'`, []);
    // Up to just under 80 %: nothing.
    const toEighty = Math.ceil((allocated * 80) / 100) - Number(frame.committed);
    await commit(toEighty - 1);
    expect(await thresholdMails()).toEqual([]);
    // One øre more crosses 80 %: finance (only) hears of it.
    await commit(1);
    const first = await thresholdMails();
    expect(first.map((m) => m.recipient_email)).toEqual(['okonomi@trondelag.example']);
    expect(first[0].subject).toMatch(/^Rammen .+ \(2026\) er 80 % brukt$/);
    // A jump past 90 and 100 % at once: one e-mail each, and 80 % is not repeated.
    await commit(allocated - Math.ceil((allocated * 80) / 100));
    const percents = (await thresholdMails()).map((m) => Number(m.subject.match(/er (\d+) %/)![1]));
    expect(percents.sort((a, b) => a - b)).toEqual([80, 90, 100]);
    const full = (await thresholdMails()).find((m) => m.subject.includes('100 %'))!;
    expect(full.body).toContain('Gjenstående: 0 kr.');
  });
});
