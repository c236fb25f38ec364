import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { assertServiceRole } from '../../src/database/database-roles';
import { HISTORY_TABLES } from '../../src/database/history-tables';
import { startTestApp, TestApp } from '../support/test-app';

interface PgError {
  code?: string;
  message: string;
}

/**
 * History no role can rewrite: the service connects as a login that owns nothing and is no
 * superuser, so none of the ways round the append-only triggers is open to it; the owner meets the
 * triggers themselves.
 */
describe('database roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** Runs SQL as the service's login and returns the error it fails with. */
  const refusal = async (sql: string): Promise<PgError> => {
    try {
      await t.dataSource.query(sql);
    } catch (error) {
      return error as PgError;
    }
    throw new Error(`the service's login was allowed: ${sql}`);
  };
  const insufficientPrivilege = expect.objectContaining({ code: '42501' });

  it('keeps one list of history tables, which is what the catalogue guards', async () => {
    const guarded = await t.owner.query<Array<{ table: string }>>(`
      SELECT c.relname AS table
        FROM pg_trigger tg
        JOIN pg_class c ON c.oid = tg.tgrelid
        JOIN pg_proc p ON p.oid = tg.tgfoid
       WHERE NOT tg.tgisinternal AND tg.tgenabled <> 'D' AND p.proname LIKE 'refuse\\_%'
       GROUP BY c.relname
      -- BEFORE ROW UPDATE and DELETE (bits 2, 1, 16, 8), and BEFORE TRUNCATE (32)
      HAVING bool_or(tg.tgtype & 27 = 27) AND bool_or(tg.tgtype & 34 = 34)
       ORDER BY c.relname`);
    expect(guarded.map((r) => r.table)).toEqual([...HISTORY_TABLES].sort());

    // A table named for an audit trail that is not guarded fails here.
    const audits = await t.owner.query<Array<{ table: string }>>(
      `SELECT tablename AS table FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE '%audit%'`,
    );
    expect(audits.length).toBeGreaterThanOrEqual(2);
    for (const { table } of audits) expect(HISTORY_TABLES).toContain(table);
  });

  it('lets the service read and append to history, never change, remove or empty it', async () => {
    const login = (await t.dataSource.query<Array<{ user: string }>>(`SELECT current_user AS user`))[0].user;
    expect(login).toBe('grants_app');
    for (const table of HISTORY_TABLES) {
      const [privileges] = await t.dataSource.query<Array<Record<string, boolean>>>(
        `SELECT has_table_privilege($1, 'SELECT') AS select, has_table_privilege($1, 'INSERT') AS insert,
                has_table_privilege($1, 'UPDATE') AS update, has_table_privilege($1, 'DELETE') AS delete,
                has_table_privilege($1, 'TRUNCATE') AS truncate`,
        [table],
      );
      expect({ table, ...privileges }).toEqual({
        table,
        select: true,
        insert: true,
        update: false,
        delete: false,
        truncate: false,
      });
      // Privileges are checked before a row is looked at: no rows needed.
      expect(await refusal(`UPDATE "${table}" SET id = id WHERE false`)).toEqual(insufficientPrivilege);
      expect(await refusal(`DELETE FROM "${table}" WHERE false`)).toEqual(insufficientPrivilege);
      expect(await refusal(`TRUNCATE "${table}" CASCADE`)).toEqual(insufficientPrivilege);
    }
  });

  it('refuses every way round the triggers to the service', async () => {
    // Switching triggers off for the session is for superusers.
    expect(await refusal(`SET session_replication_role = replica`)).toEqual(insufficientPrivilege);
    await expect(
      t.dataSource.transaction((tx) => tx.query(`SET LOCAL session_replication_role = replica`)),
    ).rejects.toMatchObject({ code: '42501' });
    // Disabling, dropping or replacing a trigger is for the owner.
    for (const table of HISTORY_TABLES) {
      expect(await refusal(`ALTER TABLE "${table}" DISABLE TRIGGER ALL`)).toEqual(insufficientPrivilege);
      expect(await refusal(`DROP TRIGGER "${table}_append_only" ON "${table}"`)).toEqual(
        insufficientPrivilege,
      );
    }
    expect(await refusal(`DROP FUNCTION refuse_append_only_change()`)).toEqual(insufficientPrivilege);
    expect(
      await refusal(
        `CREATE OR REPLACE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
      ),
    ).toEqual(insufficientPrivilege);
    // No DDL: it can neither alter a table nor make one (to copy history into and swap).
    expect(await refusal(`ALTER TABLE audit_record RENAME TO audit_record_old`)).toEqual(
      insufficientPrivilege,
    );
    expect(await refusal(`ALTER TABLE application ADD COLUMN note text`)).toEqual(insufficientPrivilege);
    expect(await refusal(`CREATE TABLE public.shadow (id int)`)).toEqual(insufficientPrivilege);
    expect(await refusal(`DROP TABLE ledger_entry`)).toEqual(insufficientPrivilege);
    // Nor can it give itself more.
    expect(await refusal(`SET ROLE postgres`)).toEqual(insufficientPrivilege);
    expect(await refusal(`GRANT postgres TO current_user`)).toEqual(insufficientPrivilege);
    expect(await refusal(`ALTER ROLE current_user SUPERUSER`)).toEqual(insufficientPrivilege);
    expect(await refusal(`ALTER TABLE audit_record OWNER TO current_user`)).toEqual(insufficientPrivilege);
    // GRANT without the grant option grants nothing (PostgreSQL only warns).
    await t.dataSource.query(`GRANT UPDATE, DELETE ON audit_record TO current_user`).catch(() => undefined);
    expect(
      (
        await t.dataSource.query<Array<{ may: boolean }>>(
          `SELECT has_table_privilege('audit_record', 'UPDATE, DELETE') AS may`,
        )
      )[0].may,
    ).toBe(false);
  });

  it('stops the owner at the triggers', async () => {
    // The seed's allocations are ledger entries.
    await expect(t.owner.query(`UPDATE ledger_entry SET reason = 'rewritten'`)).rejects.toThrow(
      /ledger_entry is append-only: UPDATE refused/,
    );
    await expect(t.owner.query(`DELETE FROM ledger_entry`)).rejects.toThrow(/append-only: DELETE refused/);
    for (const table of HISTORY_TABLES) {
      await expect(t.owner.query(`TRUNCATE "${table}" CASCADE`)).rejects.toThrow(
        /append-only: TRUNCATE refused/,
      );
    }
  });

  it('refuses to start as a superuser, or as a login that owns a table', async () => {
    await expect(assertServiceRole(t.config.database.url)).resolves.toBeUndefined();
    await expect(assertServiceRole(t.config.database.migrationUrl)).rejects.toThrow(
      /^The service's database login "\w+" is a superuser, so it could rewrite the append-only history: .*DATABASE_URL.*DATABASE_MIGRATION_URL/,
    );

    // A login that is no superuser but owns a table could disable its triggers.
    const owner = `grants_test_owner_${randomBytes(4).toString('hex')}`;
    const ownerUrl = new URL(t.config.database.url);
    ownerUrl.username = owner;
    await t.owner.query(`CREATE ROLE "${owner}" LOGIN IN ROLE grants_service`);
    try {
      await t.owner.query(`CREATE TABLE scratch_owned (id int)`);
      await t.owner.query(`ALTER TABLE scratch_owned OWNER TO "${owner}"`);
      await expect(assertServiceRole(ownerUrl.toString())).rejects.toThrow(
        /"grants_test_owner_\w+" owns tables \(scratch_owned\)/,
      );
      await t.owner.query(`DROP TABLE scratch_owned`);
      await expect(assertServiceRole(ownerUrl.toString())).resolves.toBeUndefined();

      // Nor one granted UPDATE on a history table (a new history table left with default privileges).
      await t.owner.query(`GRANT UPDATE ON frame_alert TO "${owner}"`);
      await expect(assertServiceRole(ownerUrl.toString())).rejects.toThrow(
        /may change or remove rows of history tables \(frame_alert\)/,
      );
    } finally {
      await t.owner.query(`DROP TABLE IF EXISTS scratch_owned`);
      await t.owner.query(`DROP OWNED BY "${owner}"`);
      await t.owner.query(`DROP ROLE "${owner}"`);
    }
  });

  it("makes the service's login a plain member of grants_service: no superuser, no creating databases or roles", async () => {
    const client = new Client({ connectionString: t.config.database.url });
    await client.connect();
    try {
      const [role] = (
        await client.query<{ super: boolean; createdb: boolean; createrole: boolean; member: boolean }>(
          `SELECT rolsuper AS super, rolcreatedb AS createdb, rolcreaterole AS createrole,
                  pg_has_role(current_user, 'grants_service', 'MEMBER') AS member
             FROM pg_roles WHERE rolname = current_user`,
        )
      ).rows;
      expect(role).toEqual({ super: false, createdb: false, createrole: false, member: true });
    } finally {
      await client.end();
    }
  });
});
