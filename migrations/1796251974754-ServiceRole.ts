import { MigrationInterface, QueryRunner } from 'typeorm';

/** The history tables: the service may read and append to them, never change or remove a row. */
const HISTORY = ['audit_record', 'call_audit_record', 'ledger_entry', 'application_report', 'frame_alert'];

/**
 * The group role the service's login belongs to. It owns nothing, so it cannot disable or drop a
 * trigger, alter a table or grant itself more; it is no superuser, so it cannot switch triggers off
 * with `session_replication_role`. Tables later migrations create are granted by default privileges:
 * a new history table must revoke UPDATE and DELETE explicitly.
 */
export class ServiceRole1796251974754 implements MigrationInterface {
  name = 'ServiceRole1796251974754';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Roles belong to the server, not the database: another database may have created it already,
    // or may be creating it right now.
    await queryRunner.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'grants_service') THEN
          CREATE ROLE "grants_service" NOLOGIN;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    // PostgreSQL 15 no longer lets everyone create in "public"; older servers still do.
    await queryRunner.query(`REVOKE CREATE ON SCHEMA "public" FROM PUBLIC`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA "public" TO "grants_service"`);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "public" TO "grants_service"`,
    );
    await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "public" TO "grants_service"`);
    await queryRunner.query(
      `REVOKE UPDATE, DELETE, TRUNCATE ON ${HISTORY.map((t) => `"${t}"`).join(', ')} FROM "grants_service"`,
    );
    await queryRunner.query(`REVOKE INSERT, UPDATE, DELETE ON "schema_migration" FROM "grants_service"`);
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA "public" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "grants_service"`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA "public" GRANT USAGE, SELECT ON SEQUENCES TO "grants_service"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The role stays: other databases on the server may use it.
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA "public" REVOKE USAGE, SELECT ON SEQUENCES FROM "grants_service"`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA "public" REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM "grants_service"`,
    );
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA "public" FROM "grants_service"`);
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA "public" FROM "grants_service"`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA "public" FROM "grants_service"`);
  }
}
