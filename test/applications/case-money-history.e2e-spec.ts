import {
  act,
  acceptedGrant,
  bioCallWithAdvance,
  bookPaymentsDue,
  expectOk,
  FINANCE,
  KARI,
  newClock,
  OFFICER,
} from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

interface Entry {
  seq: number;
  event: string;
  actorName: string | null;
  actorRole: string;
  fromState: string | null;
  toState: string;
  payload: Record<string, unknown>;
  occurredAt: string;
}

const MONEY = [
  'FUNDS_COMMITTED',
  'FUNDS_RELEASED',
  'PAYMENT_DISBURSED',
  'PAYMENT_REPAID',
  'FUNDS_CARRIED_OVER',
];

/**
 * Money moved on a case's grant is part of the case's history: the commitment with the decision, a
 * release, each payment booked and each repayment, by whom and how much, written with the movement.
 */
describe("a case's history tells of the money moved on its grant", () => {
  let t: TestApp;
  const clock = newClock();
  let callId: string;
  let frameId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    callId = await bioCallWithAdvance(t, 4_000);
    [{ frame_id: frameId }] = await t.dataSource.query(`SELECT frame_id FROM funding_call WHERE id = $1`, [
      callId,
    ]);
  });
  afterAll(() => t.close());

  const history = async (id: string, email = OFFICER): Promise<Entry[]> => {
    const res = await t
      .http()
      .get(`/api/v1/applications/${id}/history`)
      .set('authorization', await t.bearer(email));
    expect(res.status).toBe(200);
    return res.body as Entry[];
  };
  const money = async (id: string, email = OFFICER) =>
    (await history(id, email)).filter((e) => MONEY.includes(e.event));
  const verified = async (id: string) =>
    (
      await t
        .http()
        .get(`/api/v1/applications/${id}/history/verification`)
        .set('authorization', await t.bearer(OFFICER))
    ).body as { valid: boolean };

  it('records the commitment, each payment booked and a repayment, with the person and the amount', async () => {
    const { id, reference } = await acceptedGrant(t, { callId, amount: 25_000_000 });
    clock.advance(3_600_000);
    expect(await bookPaymentsDue(t, reference)).toBe(10_000_000);
    clock.advance(3_600_000);
    await expectOk(
      t
        .http()
        .post(`/api/v1/frames/${frameId}/repayments`)
        .set('authorization', await t.bearer(FINANCE))
        .send({ grantKey: reference, amount: 1_000_000, reason: 'Tilbakebetalt for mye' }),
    );

    const all = await history(id);
    const events = all.map((e) => e.event);
    // The commitment comes right after the decision that made it.
    expect(events[events.indexOf('DECIDE_GRANT') + 1]).toBe('FUNDS_COMMITTED');
    const moved = all.filter((e) => MONEY.includes(e.event));
    expect(moved.map((e) => [e.event, e.actorName, e.actorRole, e.payload.amount])).toEqual([
      ['FUNDS_COMMITTED', 'Geir Godkjenner', 'approver', 25_000_000],
      ['PAYMENT_DISBURSED', 'Åse Økonomi', 'finance', 10_000_000],
      ['PAYMENT_REPAID', 'Åse Økonomi', 'finance', 1_000_000],
    ]);
    expect(moved.map((e) => e.payload.reason)).toEqual([
      `Tilsagn ${reference}`,
      `Utbetaling: Forskudd (${reference})`,
      'Tilbakebetalt for mye',
    ]);
    // The state stays; the time is the service's clock, as the ledger's own entry.
    for (const e of moved) expect(e.fromState).toBe(e.toState);
    const [booked] = await t.dataSource.query<Array<{ created_at: Date }>>(
      `SELECT created_at FROM ledger_entry WHERE application_id = $1 AND kind = 'disbursement'`,
      [id],
    );
    expect(moved[1].occurredAt).toBe(booked.created_at.toISOString());
    expect(await verified(id)).toMatchObject({ valid: true });

    // The applicant reads what and how much, not the county's frame.
    const theirs = await money(id, KARI);
    expect(theirs.map((e) => e.payload)).toEqual([
      { amount: 25_000_000, currency: 'NOK' },
      { amount: 10_000_000, currency: 'NOK' },
      { amount: 1_000_000, currency: 'NOK' },
    ]);
  });

  it('records the release when the applicant declines, in their role', async () => {
    const { id, reference } = await acceptedGrant(t, { callId, amount: 20_000_000, accept: false });
    await expectOk(act(t, KARI, id, 'decline', { reason: 'Prosjektet er avlyst' }));
    const moved = await money(id);
    expect(moved.map((e) => [e.event, e.actorRole, e.payload.amount, e.payload.reason])).toEqual([
      ['FUNDS_COMMITTED', 'approver', 20_000_000, `Tilsagn ${reference}`],
      ['FUNDS_RELEASED', 'applicant', 20_000_000, `Frigitt: tilsagn avslått av søker (${reference})`],
    ]);
    expect(await verified(id)).toMatchObject({ valid: true });
  });

  it('writes nothing into the history when the movement is refused', async () => {
    const { id, reference } = await acceptedGrant(t, { callId, amount: 20_000_000 });
    const before = await history(id);
    const refused = await t
      .http()
      .post(`/api/v1/frames/${frameId}/repayments`)
      .set('authorization', await t.bearer(FINANCE))
      .send({ grantKey: reference, amount: 1, reason: 'Ingenting er utbetalt' });
    expect(refused.status).toBe(422);
    expect(await history(id)).toEqual(before);
  });
});
