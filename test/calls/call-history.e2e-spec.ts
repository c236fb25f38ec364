import { randomBytes } from 'node:crypto';
import { createEmptyDatabase, dropDatabase } from '@lib/testing';
import { MIGRATIONS } from '../../migrations';
import { AppendOnlyHistory1796251914754 } from '../../migrations/1796251914754-AppendOnlyHistory';
import { CallAuditRepository } from '../../src/calls/call-audit.repository';
import { createDataSource, dataSourceOptions } from '../../src/database/data-source';
import { seedOlderSchema } from '../support/older-schema';
import { newBioCallParameters } from '../../src/schemes/bio/bio-testing';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';

const ADMIN = 'admin@trondelag.example';
const OTHER_ADMIN = 'admin@rogaland.example';
const OFFICER = 'saksbehandler@trondelag.example';

/** A call's audit records are chained per call, like an application's, and the chain can be checked. */
describe("a call's history", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const send = async (method: 'get' | 'post' | 'patch', path: string, email: string, body?: object) => {
    const agent = t.http();
    const req = agent[method](`/api/v1${path}`).set('authorization', await t.bearer(email));
    return body ? req.send(body) : req;
  };
  const verification = (id: string, email = ADMIN) =>
    send('get', `/admin/calls/${id}/history/verification`, email);

  it('verifies, and shows where a row the owner changed behind the triggers breaks the chain', async () => {
    const created = await send('post', '/admin/calls', ADMIN, {
      schemeId: 'bio',
      year: 2028,
      title: 'BIO 2028',
      parameters: newBioCallParameters({
        window: { kind: 'rolling', opensAt: '2027-12-01T08:00:00+01:00' },
        reminderDays: [30, 7],
      }),
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    const edited = await send('patch', `/admin/calls/${id}`, ADMIN, {
      version: 1,
      title: 'BIO 2028 – Trøndelag',
    });
    expect(edited.status).toBe(200);

    expect((await verification(id)).body).toEqual({ valid: true, records: 2 });
    expect((await verification(id, OTHER_ADMIN)).status).toBe(404);
    expect((await verification(id, OFFICER)).status).toBe(403);
    expect(
      await t.dataSource.query(
        `SELECT seq, prev_hash IS NULL AS first FROM call_audit_record WHERE call_id = $1 ORDER BY seq`,
        [id],
      ),
    ).toEqual([
      { seq: 1, first: true },
      { seq: 2, first: false },
    ]);

    // Only the owner, with triggers switched off, can change a row; the chain shows it.
    await t.owner.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(
        `UPDATE call_audit_record SET changes = '{"title":"Something else"}' WHERE call_id = $1 AND seq = 2`,
        [id],
      );
    });
    expect((await verification(id)).body).toEqual({
      valid: false,
      records: 2,
      brokenAt: 2,
      problem: 'content does not match its hash',
    });
  });
});

describe('the migration that chains call history', () => {
  it('chains the records written before, per call and in order, so that they verify', async () => {
    const name = `grants_test_backfill_${randomBytes(4).toString('hex')}`;
    const url = await createEmptyDatabase(name);
    const upTo = MIGRATIONS.indexOf(AppendOnlyHistory1796251914754);
    const before = new DataSource({
      ...dataSourceOptions({ url, poolSize: 1 }),
      migrations: MIGRATIONS.slice(0, upTo),
    });
    let after: DataSource | null = null;
    try {
      await before.initialize();
      await before.runMigrations({ transaction: 'each' });
      await seedOlderSchema(before);
      const calls = await before.query<Array<{ id: string }>>(
        `SELECT id FROM funding_call ORDER BY id LIMIT 2`,
      );
      // Written as the service did then: the database's clock (microseconds), keys in any order.
      for (const [callId, action, changes] of [
        [calls[0].id, 'created', { title: 'A', year: 2027, parameters: { b: 1, a: [2, { d: 1, c: null }] } }],
        [calls[1].id, 'created', { title: 'B' }],
        [calls[0].id, 'updated', { title: 'A2' }],
        [calls[0].id, 'published', { publishedAt: '2026-03-01T10:00:00.000Z' }],
      ] as const) {
        await before.query(
          `INSERT INTO call_audit_record (call_id, action, changes, occurred_at) VALUES ($1, $2, $3, clock_timestamp())`,
          [callId, action, JSON.stringify(changes)],
        );
      }
      await before.destroy();

      after = await createDataSource({ url, poolSize: 1 }).initialize();
      await after.runMigrations({ transaction: 'each' });
      const repository = new CallAuditRepository();
      expect(await repository.verify(after.manager, calls[0].id)).toMatchObject({ valid: true, records: 3 });
      expect(await repository.verify(after.manager, calls[1].id)).toMatchObject({ valid: true, records: 1 });
      expect(
        await after.query<unknown[]>(
          `SELECT action, seq FROM call_audit_record WHERE call_id = $1 ORDER BY id`,
          [calls[0].id],
        ),
      ).toEqual([
        { action: 'created', seq: 1 },
        { action: 'updated', seq: 2 },
        { action: 'published', seq: 3 },
      ]);
      // And the next record the service appends continues the chain.
      await after.transaction((tx) =>
        repository.append(tx, {
          callId: calls[0].id,
          actorUserId: null,
          action: 'updated',
          changes: { title: 'A3' },
          occurredAt: new Date().toISOString(),
        }),
      );
      expect(await repository.verify(after.manager, calls[0].id)).toMatchObject({ valid: true, records: 4 });
    } finally {
      if (before.isInitialized) await before.destroy();
      if (after?.isInitialized) await after.destroy();
      await dropDatabase(name);
    }
  });
});
