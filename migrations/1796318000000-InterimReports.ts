import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Interim (status) reports of grants (delrapporter, e.g. Jobbsjansen's årsrapport): one per grant and
 * report key, and every version sent, append-only like the case history.
 */
export class InterimReports1796318000000 implements MigrationInterface {
  name = 'InterimReports1796318000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "interim_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "report_key" text NOT NULL, "status" text NOT NULL, "version" integer NOT NULL DEFAULT '1', "content" jsonb NOT NULL, "decision_text" text, "created_by" uuid NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "interim_report_approved" CHECK (("status" = 'approved') = ("approved_at" IS NOT NULL)), CONSTRAINT "interim_report_status" CHECK ("status" IN ('draft', 'sent', 'returned', 'approved')), CONSTRAINT "interim_report_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "interim_report_application_key" ON "interim_report"  ("application_id", "report_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "interim_report_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "interim_report_id" uuid NOT NULL, "version" integer NOT NULL, "content" jsonb NOT NULL, "sent_by" uuid NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "interim_report_version_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "interim_report_version_key" ON "interim_report_version"  ("interim_report_id", "version") `,
    );
    await queryRunner.query(
      `ALTER TABLE "interim_report" ADD CONSTRAINT "interim_report_application_fk" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "interim_report" ADD CONSTRAINT "interim_report_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "interim_report" ADD CONSTRAINT "interim_report_decided_by_fk" FOREIGN KEY ("decided_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "interim_report_version" ADD CONSTRAINT "interim_report_version_report_fk" FOREIGN KEY ("interim_report_id") REFERENCES "interim_report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "interim_report_version" ADD CONSTRAINT "interim_report_version_sent_by_fk" FOREIGN KEY ("sent_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "interim_report_version_append_only" BEFORE UPDATE OR DELETE ON "interim_report_version" FOR EACH ROW EXECUTE FUNCTION "refuse_append_only_change"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "interim_report_version_no_truncate" BEFORE TRUNCATE ON "interim_report_version" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"()`,
    );
    await queryRunner.query(
      `REVOKE UPDATE, DELETE, TRUNCATE ON "interim_report_version" FROM "grants_service"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "interim_report_version_no_truncate" ON "interim_report_version"`);
    await queryRunner.query(`DROP TRIGGER "interim_report_version_append_only" ON "interim_report_version"`);
    await queryRunner.query(
      `ALTER TABLE "interim_report_version" DROP CONSTRAINT "interim_report_version_sent_by_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "interim_report_version" DROP CONSTRAINT "interim_report_version_report_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "interim_report" DROP CONSTRAINT "interim_report_decided_by_fk"`);
    await queryRunner.query(`ALTER TABLE "interim_report" DROP CONSTRAINT "interim_report_created_by_fk"`);
    await queryRunner.query(`ALTER TABLE "interim_report" DROP CONSTRAINT "interim_report_application_fk"`);
    await queryRunner.query(`DROP INDEX "public"."interim_report_version_key"`);
    await queryRunner.query(`DROP TABLE "interim_report_version"`);
    await queryRunner.query(`DROP INDEX "public"."interim_report_application_key"`);
    await queryRunner.query(`DROP TABLE "interim_report"`);
  }
}
