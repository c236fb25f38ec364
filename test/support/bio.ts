import { ManualClock, organisationNumberCheckDigit } from '@lib/common';
import { newBioApplication } from '../../src/schemes/bio/bio-testing';
import { DEMO_ORGANISATIONS, DEMO_STAFF } from '../../src/seed/demo-data';
import type { TestApp } from './test-app';

export const KARI = DEMO_ORGANISATIONS[0].user.email; // Fjordverk Mekaniske AS, 42 employees
export const OLA = DEMO_ORGANISATIONS[1].user.email; // Innherred Treindustri AS, 85 employees
export const OFFICER = DEMO_STAFF[0].email;
export const APPROVER = DEMO_STAFF[1].email;
export const FINANCE = DEMO_STAFF[2].email;

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
export async function recommended(t: TestApp, amount = 25_000_000) {
  const { id } = await draft(t);
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
