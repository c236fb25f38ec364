import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Internal notes on a case (interne notater), for the county's staff only. Append-only history like
 * the audit trail: triggers refuse changes and removal, and the service's role may only read and add.
 */
export class CaseNotes1796290605817 implements MigrationInterface {
  name = 'CaseNotes1796290605817';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_note" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "author_user_id" uuid NOT NULL, "text" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "case_note_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "case_note_application_idx" ON "case_note" ("application_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "case_note" ADD CONSTRAINT "case_note_application_fk" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_note" ADD CONSTRAINT "case_note_author_fk" FOREIGN KEY ("author_user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "case_note_append_only" BEFORE UPDATE OR DELETE ON "case_note" FOR EACH ROW EXECUTE FUNCTION "refuse_append_only_change"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "case_note_no_truncate" BEFORE TRUNCATE ON "case_note" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"()`,
    );
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "case_note" FROM "grants_service"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "case_note_no_truncate" ON "case_note"`);
    await queryRunner.query(`DROP TRIGGER "case_note_append_only" ON "case_note"`);
    await queryRunner.query(`ALTER TABLE "case_note" DROP CONSTRAINT "case_note_author_fk"`);
    await queryRunner.query(`ALTER TABLE "case_note" DROP CONSTRAINT "case_note_application_fk"`);
    await queryRunner.query(`DROP INDEX "public"."case_note_application_idx"`);
    await queryRunner.query(`DROP TABLE "case_note"`);
  }
}
