import { ManualClock, organisationNumberCheckDigit } from '@lib/common';
import { newBioApplication, newBioCallParameters } from '../../src/schemes/bio/bio-testing';
import { DEMO_ORGANISATIONS, DEMO_STAFF } from '../../src/seed/demo-data';
import type { TestApp } from './test-app';

export const KARI = DEMO_ORGANISATIONS[0].user.email; // Fjordverk Mekaniske AS, 42 employees
export const OLA = DEMO_ORGANISATIONS[1].user.email; // Innherred Treindustri AS, 85 employees
export const OFFICER = DEMO_STAFF[0].email;
export const APPROVER = DEMO_STAFF[1].email;
export const FINANCE = DEMO_STAFF[2].email;
export const ADMIN = DEMO_STAFF[3].email;

/** Inside the seeded Trøndelag BIO 2026 call, before the default project starts. */
export const newClock = () => new ManualClock(new Date('2026-02-02T09:00:00+01:00'));

export const bioContent = (overrides: Parameters<typeof newBioApplication>[0] = {}) =>
  JSON.parse(JSON.stringify(newBioApplication(overrides))) as Record<string, unknown>;

export async function ids(t: TestApp) {
  // Trøndelag's BIO 2026 call, as seeded (tests may add others).
  const [call] = await t.dataSource.query(
    `SELECT id FROM funding_call WHERE scheme_id = 'bio' AND year = 2026 ORDER BY created_at LIMIT 1`,
  );
  const orgs = await t.dataSource.query(`SELECT id, organisation_number FROM organisation`);
  const org = (n: string) =>
    orgs.find((o: { organisation_number: string }) => o.organisation_number === n).id as string;
  return {
    callId: call.id as string,
    fjordverk: org(DEMO_ORGANISATIONS[0].organisationNumber),
    innherred: org(DEMO_ORGANISATIONS[1].organisationNumber),
  };
}

/** Sends a command as a user; returns the supertest response. */
export async function act(
  t: TestApp,
  email: string,
  id: string,
  action: string,
  body: object = {},
  key?: string,
) {
  const req = t
    .http()
    .post(`/api/v1/applications/${id}/${action}`)
    .set('authorization', await t.bearer(email));
  if (key) req.set('idempotency-key', key);
  return req.send(body);
}

let organisationSerial = 0;

/** A new small Trondheim company registered by `email` (so one-grant-at-a-time never links tests). */
export async function freshOrganisation(t: TestApp, email = KARI): Promise<string> {
  for (;;) {
    const base = String(80_000_000 + (process.pid % 10_000) * 1000 + ++organisationSerial).slice(-8);
    const check = organisationNumberCheckDigit(base);
    if (check === null) continue;
    const res = await t
      .http()
      .post('/api/v1/organisations')
      .set('authorization', await t.bearer(email))
      .send({
        organisationNumber: `${base}${check}`,
        name: `Testbedrift ${base} AS`,
        form: 'AS',
        municipalityNumber: '5001',
        industryCode: '25.110',
        employeeCount: 42,
      });
    if (res.status === 409) continue;
    if (res.status !== 201) throw new Error(`organisation: ${res.status} ${res.text}`);
    return (res.body as { id: string }).id;
  }
}

/** A draft with a complete, eligible form, for a fresh organisation unless one is given. */
export async function draft(
  t: TestApp,
  options: { email?: string; organisationId?: string; content?: object; callId?: string } = {},
) {
  const callId = options.callId ?? (await ids(t)).callId;
  const email = options.email ?? KARI;
  const organisationId = options.organisationId ?? (await freshOrganisation(t, email));
  const res = await t
    .http()
    .post('/api/v1/applications')
    .set('authorization', await t.bearer(email))
    .send({ callId, organisationId, content: options.content ?? bioContent() });
  if (res.status !== 201) throw new Error(`draft: ${res.status} ${res.text}`);
  return res.body as { id: string; contentVersion: number; reference: string };
}

/** Drives a fresh application to `recommended` with a grant recommendation of `amount` øre. */
export async function recommended(t: TestApp, amount = 25_000_000, options: { callId?: string } = {}) {
  const { id } = await draft(t, { callId: options.callId });
  await expectOk(act(t, KARI, id, 'submit'));
  await expectOk(act(t, OFFICER, id, 'assign'));
  await expectOk(act(t, OFFICER, id, 'recommend-grant', { amount, notes: 'Solid plan' }));
  return id;
}

export async function expectOk(response: Promise<{ status: number; text: string; body: unknown }>) {
  const res = await response;
  if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${res.text}`);
  return res.body as Record<string, unknown>;
}

/**
 * A published BIO 2026 call of Trøndelag on the seeded BIO frame whose payment plan pays
 * `advanceBasisPoints` of a grant once it is accepted (forskudd); the seeded call pays it all on the
 * final report.
 */
export async function bioCallWithAdvance(
  t: TestApp,
  advanceBasisPoints = 4_000,
  parameters: Record<string, unknown> = {},
): Promise<string> {
  const { callId } = await ids(t);
  const [{ frame_id: frameId }] = await t.dataSource.query<Array<{ frame_id: string }>>(
    `SELECT frame_id FROM funding_call WHERE id = $1`,
    [callId],
  );
  const admin = await t.bearer(ADMIN);
  const created = await t
    .http()
    .post('/api/v1/admin/calls')
    .set('authorization', admin)
    .send({
      schemeId: 'bio',
      year: 2026,
      title: `BIO 2026 med forskudd ${advanceBasisPoints / 100} %`,
      frameId,
      parameters: {
        ...newBioCallParameters({ advancePaymentBasisPoints: advanceBasisPoints }),
        ...parameters,
      },
    });
  if (created.status !== 201) throw new Error(`call: ${created.status} ${created.text}`);
  const id = (created.body as { id: string }).id;
  await expectOk(t.http().post(`/api/v1/admin/calls/${id}/publish`).set('authorization', admin).send({}));
  return id;
}

/** A fresh case granted `amount` øre and accepted by the applicant (unless `accept` is false). */
export async function acceptedGrant(
  t: TestApp,
  options: { callId?: string; amount?: number; accept?: boolean } = {},
): Promise<{ id: string; reference: string }> {
  const id = await recommended(t, options.amount, { callId: options.callId });
  await expectOk(act(t, APPROVER, id, 'decide-grant'));
  if (options.accept !== false) await expectOk(act(t, KARI, id, 'accept'));
  const res = await t
    .http()
    .get(`/api/v1/applications/${id}`)
    .set('authorization', await t.bearer(OFFICER));
  return { id, reference: (res.body as { reference: string }).reference };
}

/**
 * Finance books what the case's payment plan says is due now (each due instalment, as the list of
 * payments due shows it), as the page's "Utbetal" sends it; returns the øre paid. For walks: after an
 * acceptance this pays the advance the plan allows.
 */
export async function bookPaymentsDue(t: TestApp, reference: string, email = FINANCE): Promise<number> {
  const authorization = await t.bearer(email);
  const list = await t.http().get('/api/v1/payments/due?limit=500').set('authorization', authorization);
  if (list.status !== 200) throw new Error(`payments due: ${list.status} ${list.text}`);
  const due = (
    list.body as {
      items: Array<{ caseReference: string; instalment: { number: number } | null; amount: number }>;
    }
  ).items.flatMap((d) =>
    d.caseReference === reference && d.instalment ? [{ ...d, instalment: d.instalment }] : [],
  );
  let paid = 0;
  for (const d of due) {
    await expectOk(
      t
        .http()
        .post(`/api/v1/payments/due/${reference}/book`)
        .set('authorization', authorization)
        .set('idempotency-key', `book-${reference}-${d.instalment.number}-${d.amount}`)
        .send({ instalment: d.instalment.number, amount: d.amount }),
    );
    paid += d.amount;
  }
  return paid;
}

/** Declares `email` impartial (habil) on the case, as staff must before acting on it where required. */
export async function declareImpartial(t: TestApp, email: string, id: string) {
  const res = await t
    .http()
    .post(`/api/v1/applications/${id}/impartiality`)
    .set('authorization', await t.bearer(email))
    .send({ verdict: 'impartial' });
  if (res.status !== 200) throw new Error(`impartiality: ${res.status} ${res.text}`);
  return res.body as Record<string, unknown>;
}
