import { chainRecord } from '@lib/audit';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The history tables this migration makes append-only (audit_record and ledger_entry already are). */
const NEWLY_APPEND_ONLY = ['call_audit_record', 'application_report', 'frame_alert'];

interface CallAuditRow {
  id: string;
  call_id: string;
  actor_user_id: string | null;
  action: string;
  changes: Record<string, unknown>;
  occurred_at: Date;
}

/**
 * Every history table is append-only, and a call's audit records are hash-chained per call like an
 * application's: existing records get their seq and hashes in the order they were written.
 */
export class AppendOnlyHistory1796251914754 implements MigrationInterface {
  name = 'AppendOnlyHistory1796251914754';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "call_audit_record" ADD "seq" integer, ADD "prev_hash" text, ADD "hash" text`,
    );
    await this.backfillCallChains(queryRunner);
    await queryRunner.query(
      `ALTER TABLE "call_audit_record" ALTER COLUMN "seq" SET NOT NULL, ALTER COLUMN "hash" SET NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "call_audit_record_call_seq_key" ON "call_audit_record" ("call_id", "seq") `,
    );
    for (const table of NEWLY_APPEND_ONLY) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "refuse_append_only_change"()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of NEWLY_APPEND_ONLY) {
      await queryRunner.query(`DROP TRIGGER "${table}_no_truncate" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "${table}_append_only" ON "${table}"`);
    }
    await queryRunner.query(`DROP INDEX "public"."call_audit_record_call_seq_key"`);
    await queryRunner.query(
      `ALTER TABLE "call_audit_record" DROP COLUMN "hash", DROP COLUMN "prev_hash", DROP COLUMN "seq"`,
    );
  }

  /**
   * Chains the records written before there was a chain. The content hashed is what the service
   * hashes (`CallAuditRepository`): the instant with milliseconds, as PostgreSQL returns it through pg.
   */
  private async backfillCallChains(queryRunner: QueryRunner): Promise<void> {
    const rows = (await queryRunner.query(
      `SELECT "id", "call_id", "actor_user_id", "action", "changes", "occurred_at" FROM "call_audit_record" ORDER BY "call_id", "id"`,
    )) as CallAuditRow[];
    let prev: { callId: string; seq: number; hash: string } | null = null;
    for (const row of rows) {
      const seq: number = prev?.callId === row.call_id ? prev.seq + 1 : 1;
      const chained: { prevHash: string | null; hash: string } = chainRecord(
        prev?.callId === row.call_id ? prev : null,
        {
          callId: row.call_id,
          seq,
          actorUserId: row.actor_user_id,
          action: row.action,
          changes: row.changes,
          occurredAt: new Date(row.occurred_at).toISOString(),
        },
      );
      await queryRunner.query(
        `UPDATE "call_audit_record" SET "seq" = $2, "prev_hash" = $3, "hash" = $4 WHERE "id" = $1`,
        [row.id, seq, chained.prevHash, chained.hash],
      );
      prev = { callId: row.call_id, seq, hash: chained.hash };
    }
  }
}
