import type { Actor } from '@lib/common';
import { ManualClock } from '@lib/common';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ApplicationsService } from '../../src/applications/applications.service';
import { LedgerService } from '../../src/budget/ledger.service';
import { newBioApplication } from '../../src/schemes/bio/bio-testing';
import { DEMO_ORGANISATIONS, DEMO_STAFF, seedDemoDataIfEmpty } from '../../src/seed/demo-data';
import type { BenchApp } from './app';

/** Inside the seeded Trøndelag BIO 2026 call window (as the tests' clock). */
export const BIO_CALL_TIME = new Date('2026-02-02T09:00:00+01:00');
/** When the bench's decisions are taken: a week later, on the same manual clock. */
export const DECISION_TIME = new Date('2026-02-09T10:00:00+01:00');

export const bioContent = () => JSON.parse(JSON.stringify(newBioApplication())) as Record<string, unknown>;

export interface People {
  countyId: string;
  officer: Extract<Actor, { kind: 'staff' }>;
  approver: Extract<Actor, { kind: 'staff' }>;
  finance: Extract<Actor, { kind: 'staff' }>;
  applicant: Extract<Actor, { kind: 'applicant' }>;
  /** The Trøndelag BIO 2026 call as seeded. */
  bioCallId: string;
  emails: { officer: string; approver: string; finance: string; applicant: string };
}

/** Seeds the demo counties, staff, organisations and calls (once) and returns who is who. */
export async function seedPeople(dataSource: DataSource): Promise<People> {
  await seedDemoDataIfEmpty(dataSource.manager);
  // The fixtures' staff act without declaring impartiality (habilitet), as the tests' flows do.
  await dataSource.query(`UPDATE county SET impartiality_required = false`);
  const staff = await dataSource.query<Array<{ id: string; email: string; county_id: string }>>(
    `SELECT id, email, county_id FROM user_account WHERE kind = 'staff'`,
  );
  const person = (email: string) => {
    const row = staff.find((s) => s.email === email);
    if (!row) throw new Error(`demo user ${email} missing`);
    return row;
  };
  const [officerEmail, approverEmail, financeEmail] = [
    DEMO_STAFF[0].email,
    DEMO_STAFF[1].email,
    DEMO_STAFF[2].email,
  ];
  const countyId = person(approverEmail).county_id;
  const staffActor = (email: string, role: 'case_officer' | 'approver' | 'finance') => ({
    kind: 'staff' as const,
    userId: person(email).id,
    email,
    countyId,
    roles: [role],
  });
  const applicantEmail = DEMO_ORGANISATIONS[0].user.email;
  const [applicantRow] = await dataSource.query<Array<{ id: string; organisation_id: string }>>(
    `SELECT u.id, m.organisation_id FROM user_account u JOIN organisation_member m ON m.user_id = u.id WHERE u.email = $1`,
    [applicantEmail],
  );
  const [call] = await dataSource.query<Array<{ id: string }>>(
    `SELECT id FROM funding_call WHERE scheme_id = 'bio' AND year = 2026 AND county_id = $1 ORDER BY created_at LIMIT 1`,
    [countyId],
  );
  return {
    countyId,
    officer: staffActor(officerEmail, 'case_officer'),
    approver: staffActor(approverEmail, 'approver'),
    finance: staffActor(financeEmail, 'finance'),
    applicant: {
      kind: 'applicant',
      userId: applicantRow.id,
      email: applicantEmail,
      organisationIds: [applicantRow.organisation_id],
    },
    bioCallId: call.id,
    emails: {
      officer: officerEmail,
      approver: approverEmail,
      finance: financeEmail,
      applicant: applicantEmail,
    },
  };
}

/**
 * A real BIO application driven through the service to `assessment.recommended` (draft, SUBMIT,
 * ASSIGN, RECOMMEND_GRANT), on the manual clock: the row, audit trail and deadlines every copy is
 * made from. Optionally decided as well (DECIDE_GRANT), for a granted template.
 */
export async function templateApplication(
  bench: BenchApp,
  clock: ManualClock,
  people: People,
  amount: number,
  decide = false,
): Promise<string> {
  const service = bench.app.get(ApplicationsService);
  clock.set(BIO_CALL_TIME);
  // An organisation of its own: BIO allows one active grant per organisation.
  const organisationId = await newOrganisation(bench, people);
  const applicant = { ...people.applicant, organisationIds: [organisationId] };
  const draft = await service.createDraft(
    applicant,
    { callId: people.bioCallId, organisationId, content: bioContent() },
    undefined,
  );
  await service.send(applicant, draft.id, 'SUBMIT', {}, undefined);
  await service.send(people.officer, draft.id, 'ASSIGN', {}, undefined);
  await service.send(people.officer, draft.id, 'RECOMMEND_GRANT', { amount, notes: 'Solid plan' }, undefined);
  clock.set(DECISION_TIME);
  if (decide) await service.send(people.approver, draft.id, 'DECIDE_GRANT', {}, undefined);
  return draft.id;
}

let organisationSerial = 0;

/** A small Trondheim company (42 employees) whose applicant is the demo applicant user. */
export async function newOrganisation(bench: BenchApp, people: People): Promise<string> {
  const number = String(700_000_000 + (process.pid % 100_000) * 100 + ++organisationSerial).slice(-9);
  const [{ id }] = await bench.dataSource.query<Array<{ id: string }>>(
    `INSERT INTO organisation (organisation_number, name, form, municipality_number, industry_code, employee_count, county_id, version)
     VALUES ($1, $2, 'AS', '5001', '25.110', 42, $3, 1) RETURNING id`,
    [number, `Benkmerke ${number} AS`, people.countyId],
  );
  await bench.dataSource.query(`INSERT INTO organisation_member (user_id, organisation_id) VALUES ($1, $2)`, [
    people.applicant.userId,
    id,
  ]);
  return id;
}

/** A frame of the county with `allocation` øre, and a BIO call (a copy of the seeded one) charging it. */
export async function frameAndCall(
  bench: BenchApp,
  people: People,
  label: string,
  allocation: number,
): Promise<{ frameId: string; callId: string }> {
  const ledger = bench.app.get(LedgerService);
  return bench.dataSource.transaction(async (tx: EntityManager) => {
    const [{ id: frameId }] = await tx.query<Array<{ id: string }>>(
      `INSERT INTO budget_frame (county_id, scheme_id, year, name) VALUES ($1, 'bio', 2026, $2) RETURNING id`,
      [people.countyId, `bench ${label}`],
    );
    await ledger.allocate(tx, {
      frameId,
      kind: 'allocation',
      amount: allocation,
      actorUserId: null,
      at: new Date(),
      reason: 'bench',
    });
    const [{ id: callId }] = await tx.query<Array<{ id: string }>>(
      `INSERT INTO funding_call (county_id, scheme_id, year, title, status, opens_at, closes_at, parameters,
                                 published_at, version, frame_id)
       SELECT county_id, scheme_id, year, $2, status, opens_at, closes_at, parameters, published_at, 1, $3
         FROM funding_call WHERE id = $1 RETURNING id`,
      [people.bioCallId, `bench ${label}`, frameId],
    );
    return { frameId, callId };
  });
}

/**
 * Copies a template application `count` times (new ids and references), with its audit records and
 * its scheduled deadlines, onto the given calls round-robin. The copies' audit rows carry the
 * template's hashes (their chains do not verify); everything a transition reads or writes is as the
 * service left the template. Returns the new ids, in call order.
 */
export async function copyApplication(
  dataSource: DataSource,
  templateId: string,
  count: number,
  calls: ReadonlyArray<{ callId: string; frameId: string | null }>,
  tag: string,
  withDeadlines = true,
): Promise<string[]> {
  const ids: string[] = [];
  const BATCH = 5000;
  for (let start = 0; start < count; start += BATCH) {
    const n = Math.min(BATCH, count - start);
    const batchIds = Array.from({ length: n }, () => randomUUID());
    const callIds = batchIds.map((_, i) => calls[(start + i) % calls.length].callId);
    const frameIds = batchIds.map((_, i) => calls[(start + i) % calls.length].frameId);
    const refs = batchIds.map((_, i) => `BENCH-${tag}-${start + i}`);
    await dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO application (id, reference, county_id, organisation_id, call_id, scheme_id, status, state,
            machine_id, machine_version, snapshot, content, content_version, requested_amount, maximum_amount,
            granted_amount, recommended_amount, case_officer_id, created_by, submitted_at, frame_id, created_at,
            updated_at)
         SELECT n.id, n.ref, t.county_id, t.organisation_id, n.call_id, t.scheme_id, t.status, t.state,
            t.machine_id, t.machine_version, t.snapshot, t.content, t.content_version, t.requested_amount,
            t.maximum_amount, t.granted_amount, t.recommended_amount, t.case_officer_id, t.created_by, t.submitted_at,
            CASE WHEN t.frame_id IS NULL THEN NULL ELSE n.frame_id END, t.created_at, t.updated_at
           FROM application t,
                unnest($2::uuid[], $3::text[], $4::uuid[], $5::uuid[]) AS n(id, ref, call_id, frame_id)
          WHERE t.id = $1`,
        [templateId, batchIds, refs, callIds, frameIds],
      );
      await tx.query(
        `INSERT INTO audit_record (application_id, seq, actor_user_id, actor_role, event, from_state, to_state,
            payload, effects, machine_id, machine_version, occurred_at, prev_hash, hash)
         SELECT n.id, r.seq, r.actor_user_id, r.actor_role, r.event, r.from_state, r.to_state, r.payload,
            r.effects, r.machine_id, r.machine_version, r.occurred_at, r.prev_hash, r.hash
           FROM audit_record r, unnest($2::uuid[]) AS n(id)
          WHERE r.application_id = $1`,
        [templateId, batchIds],
      );
      if (withDeadlines)
        await tx.query(
          `INSERT INTO deadline (application_id, kind, due_at, status)
         SELECT n.id, d.kind, d.due_at, d.status FROM deadline d, unnest($2::uuid[]) AS n(id)
          WHERE d.application_id = $1 AND d.status = 'scheduled'`,
          [templateId, batchIds],
        );
    });
    ids.push(...batchIds);
  }
  return ids;
}

/** A clock held at a set time while fixtures are made, then following the real time. */
export class SwitchClock extends ManualClock {
  private real = false;

  follow(): void {
    this.real = true;
  }

  override now(): Date {
    return this.real ? new Date() : super.now();
  }
}

/**
 * Granted copies of a decided template: applications, their grant positions and commitment entries,
 * and the frames' committed totals, as the service would have left `count` decisions, spread over
 * `frames` frames of their own. Returns the application ids (in frame order) and the frames.
 */
export async function grantedApplications(
  bench: BenchApp,
  people: People,
  templateId: string,
  count: number,
  frames: number,
  tag: string,
): Promise<{ ids: string[]; frameIds: string[] }> {
  const [{ granted_amount: amountText }] = await bench.dataSource.query<Array<{ granted_amount: string }>>(
    `SELECT granted_amount FROM application WHERE id = $1`,
    [templateId],
  );
  const amount = Number(amountText);
  const perFrame = Math.ceil(count / frames);
  const calls = [];
  for (let f = 0; f < frames; f++)
    calls.push(await frameAndCall(bench, people, `${tag} ${f}`, perFrame * amount));
  const ids = await copyApplication(bench.dataSource, templateId, count, calls, tag, false);
  await bench.dataSource.transaction(async (tx: EntityManager) => {
    await tx.query(
      `INSERT INTO grant_position (frame_id, grant_key, application_id, committed)
       SELECT frame_id, id::text, id, granted_amount FROM application WHERE id = ANY($1)`,
      [ids],
    );
    await tx.query(
      `INSERT INTO ledger_entry (frame_id, kind, amount, currency, movement_id, grant_key, application_id, reason, actor_user_id)
       SELECT a.frame_id, 'commitment', a.granted_amount, 'NOK', gen_random_uuid(), a.id::text, a.id,
              'Grant decision ' || a.reference, $2
         FROM application a WHERE a.id = ANY($1)`,
      [ids, people.approver.userId],
    );
    await tx.query(
      `UPDATE budget_frame f SET committed = f.committed + s.total
         FROM (SELECT frame_id, sum(granted_amount) AS total FROM application WHERE id = ANY($1) GROUP BY frame_id) s
        WHERE f.id = s.frame_id`,
      [ids],
    );
  });
  return { ids, frameIds: calls.map((c) => c.frameId) };
}
