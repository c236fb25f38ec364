import { Actor, DomainError } from '@lib/common';
import type { EntityManager } from 'typeorm';
import { ApplicationsService } from '../../src/applications/applications.service';
import { EffectRunner, type EffectHandler } from '../../src/runtime';
import { FundingCall } from '../../src/calls/funding-call.entity';
import { LedgerService } from '../../src/budget/ledger.service';
import { bioContent, newClock } from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

const DECISIONS = 200;
const AMOUNT = 25_000_000; // 250 000 NOK each
const FITS = 120; // the frame holds exactly this many

/**
 * Many approvers deciding at once, through two separate connection pools (two application
 * instances), against a frame that fits only some of the grants.
 */
describe('the frame under concurrent grant decisions', () => {
  let a: TestApp;
  let b: TestApp;
  const clock = newClock();
  let approver: Actor;
  let officer: Actor;
  let kariId: string;
  let countyId: string;

  beforeAll(async () => {
    a = await startTestApp({ clock, env: { DATABASE_POOL_SIZE: '10' } });
    b = await startTestApp({ clock, shareDatabaseOf: a, seed: false, env: { DATABASE_POOL_SIZE: '10' } });
    // The race is the ledger's: drawing each decision letter's PDF (tested in test/letters) would only
    // add CPU time here, for the decisions that lose the race too.
    for (const app of [a, b]) app.app.get(EffectRunner).replace('issueLetter', async () => undefined);
    const staff = await a.dataSource.query(
      `SELECT id, email, county_id FROM user_account WHERE kind = 'staff'`,
    );
    const byEmail = (e: string) => staff.find((s: { email: string }) => s.email === e);
    countyId = byEmail('godkjenner@trondelag.example').county_id;
    approver = {
      kind: 'staff',
      userId: byEmail('godkjenner@trondelag.example').id,
      email: 'x',
      countyId,
      roles: ['approver'],
    };
    officer = {
      kind: 'staff',
      userId: byEmail('saksbehandler@trondelag.example').id,
      email: 'x',
      countyId,
      roles: ['case_officer'],
    };
    [{ id: kariId }] = await a.dataSource.query(
      `SELECT id FROM user_account WHERE email = 'kari@fjordverk.example'`,
    );
  }, 60_000);
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  /** A frame and call of their own, and DECISIONS applications recommended for AMOUNT each. */
  async function prepare(label: string): Promise<{ frameId: string; applicationIds: string[] }> {
    const ledger = a.app.get(LedgerService);
    const [{ id: frameId }] = await a.dataSource.query(
      `INSERT INTO budget_frame (county_id, scheme_id, year, name) VALUES ($1, 'bio', 2026, $2) RETURNING id`,
      [countyId, `race ${label}`],
    );
    await a.dataSource.transaction((tx) =>
      ledger.allocate(tx, {
        frameId,
        kind: 'allocation',
        amount: FITS * AMOUNT,
        actorUserId: null,
        at: new Date(),
        reason: 'race',
      }),
    );
    const seeded = await a.dataSource.manager.findOneByOrFail(FundingCall, { schemeId: 'bio' });
    const call = await a.dataSource.manager.save(
      a.dataSource.manager.create(FundingCall, {
        ...seeded,
        id: undefined,
        frameId,
        title: `race ${label}`,
        version: undefined,
      }),
    );
    // One organisation per application: BIO allows one active grant per organisation.
    const orgs: Array<{ id: string }> = await a.dataSource.query(
      `INSERT INTO organisation (organisation_number, name, form, municipality_number, industry_code, employee_count, county_id, version)
       SELECT lpad((($2::int * 1000) + g)::text, 9, '8'), 'Race ' || g, 'AS', '5001', '25.110', 42, $1, 1
         FROM generate_series(1, $3::int) g RETURNING id`,
      [countyId, label === 'naive' ? 2 : 1, DECISIONS],
    );
    const service = a.app.get(ApplicationsService);
    const applicationIds: string[] = [];
    for (let i = 0; i < orgs.length; i += 20) {
      const batch = await Promise.all(
        orgs.slice(i, i + 20).map(async ({ id: organisationId }) => {
          const applicant: Actor = {
            kind: 'applicant',
            userId: kariId,
            email: 'x',
            organisationIds: [organisationId],
          };
          const { id } = await service.createDraft(
            applicant,
            { callId: call.id, organisationId, content: bioContent() },
            undefined,
          );
          await service.send(applicant, id, 'SUBMIT', {}, undefined);
          await service.send(officer, id, 'ASSIGN', {}, undefined);
          await service.send(officer, id, 'RECOMMEND_GRANT', { amount: AMOUNT, notes: 'race' }, undefined);
          return id;
        }),
      );
      applicationIds.push(...batch);
    }
    return { frameId, applicationIds };
  }

  /** All decisions at once, alternating between the two instances; then every invariant is checked. */
  async function race(frameId: string, applicationIds: string[]) {
    const results = await Promise.allSettled(
      applicationIds.map((id, i) =>
        (i % 2 ? b : a).app.get(ApplicationsService).send(approver, id, 'DECIDE_GRANT', {}, undefined),
      ),
    );
    const granted = results.filter((r) => r.status === 'fulfilled').length;
    const refusals = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    const ledger = a.app.get(LedgerService);
    const { running, rebuilt } = await a.dataSource.transaction(
      'REPEATABLE READ',
      async (tx: EntityManager) => ({
        running: await ledger.balances(tx, frameId),
        rebuilt: await ledger.rebuild(tx, frameId),
      }),
    );
    const refusedIds = applicationIds.filter((_, i) => results[i].status === 'rejected');
    const [untouched] = await a.dataSource.query(
      `SELECT count(*)::int AS n FROM application a
        WHERE a.id = ANY($1) AND a.state = 'assessment.recommended' AND a.granted_amount IS NULL AND a.frame_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM ledger_entry e WHERE e.application_id = a.id)
          AND (SELECT count(*) FROM audit_record r WHERE r.application_id = a.id) = 4`,
      [refusedIds],
    );
    const violations: string[] = [];
    if (granted !== FITS) violations.push(`granted ${granted}, but the frame fits ${FITS}`);
    if (rebuilt.available < 0)
      violations.push(`the entries overspend the frame by ${-rebuilt.available} øre`);
    if (JSON.stringify(running) !== JSON.stringify(rebuilt)) {
      violations.push(
        `running totals ${JSON.stringify(running)} differ from the entries ${JSON.stringify(rebuilt)}`,
      );
    }
    if (untouched.n !== refusedIds.length)
      violations.push(`${refusedIds.length - untouched.n} refused applications were changed`);
    const unexplained = refusals.filter((e) => !(e instanceof DomainError && e.code === 'frame_exhausted'));
    if (unexplained.length)
      violations.push(`${unexplained.length} refusals were not frame_exhausted: ${String(unexplained[0])}`);
    return { granted, running, rebuilt, violations };
  }

  it(`grants exactly what fits: ${DECISIONS} decisions, two pools, room for ${FITS}`, async () => {
    const { frameId, applicationIds } = await prepare('safe');
    const outcome = await race(frameId, applicationIds);
    expect(outcome.violations).toEqual([]);
    expect(outcome.granted).toBe(FITS);
    expect(outcome.running).toEqual({
      allocated: FITS * AMOUNT,
      committed: FITS * AMOUNT,
      disbursed: 0,
      available: 0,
    });
  }, 120_000);

  it('has teeth: the same harness catches a naive read-check-write commitment', async () => {
    const { frameId, applicationIds } = await prepare('naive');
    // Deliberately wrong, kept here only: read the balance, check it in code, write an absolute total.
    const naive: EffectHandler<'commitFunds'> = async (effect, { tx, application }) => {
      const [frame] = await tx.query(
        `SELECT allocated, committed, disbursed FROM budget_frame WHERE id = $1`,
        [frameId],
      );
      const available = Number(frame.allocated) - Number(frame.committed) - Number(frame.disbursed);
      if (available < effect.amount) throw new DomainError('unprocessable', 'frame_exhausted', 'no money');
      await new Promise((resolve) => setTimeout(resolve, 2));
      await tx.query(`UPDATE budget_frame SET committed = $2 WHERE id = $1`, [
        frameId,
        Number(frame.committed) + effect.amount,
      ]);
      await tx.query(
        `INSERT INTO ledger_entry (frame_id, kind, amount, currency, movement_id, grant_key, application_id, reason)
         VALUES ($1, 'commitment', $2, 'NOK', gen_random_uuid(), $3, $4, 'naive')`,
        [frameId, effect.amount, application.id, application.id],
      );
    };
    for (const app of [a, b]) app.app.get(EffectRunner).replace('commitFunds', naive);
    const outcome = await race(frameId, applicationIds);
    // It grants more than fits, and the entries no longer match the totals it wrote.
    expect(outcome.granted).toBeGreaterThan(FITS);
    expect(outcome.violations.join('\n')).toMatch(/overspend/);
    expect(outcome.violations.join('\n')).toMatch(/differ from the entries/);
  }, 120_000);
});
