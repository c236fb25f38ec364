import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The journal (postjournal, arkivloven and Noark 5): one append-only registry entry per incoming or
 * outgoing document of a case, numbered per county and year by a counter row whose lock keeps the
 * numbers gapless, and the delivery of each entry to the archive (mutable: pending, delivered,
 * logged, failed).
 */
export class Journal1796330000000 implements MigrationInterface {
  name = 'Journal1796330000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "journal_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "county_id" uuid NOT NULL, "application_id" uuid NOT NULL, "case_reference" text NOT NULL, "journal_year" integer NOT NULL, "sequence_number" integer NOT NULL, "case_entry_number" integer NOT NULL, "type" text NOT NULL, "status" text NOT NULL, "event" text NOT NULL, "source_id" uuid NOT NULL, "title" text NOT NULL, "public_title" text NOT NULL, "correspondent" jsonb NOT NULL, "journal_date" date NOT NULL, "document_date" TIMESTAMP WITH TIME ZONE NOT NULL, "documents" jsonb NOT NULL, "generated_document" bytea, "screened" boolean NOT NULL, "screening_basis" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "journal_entry_screening" CHECK (("screening_basis" IS NULL) = (NOT "screened")), CONSTRAINT "journal_entry_sequence_positive" CHECK ("sequence_number" > 0 AND "case_entry_number" > 0), CONSTRAINT "journal_entry_event" CHECK ("event" IN ('application_submitted', 'decision_letter', 'payout_request', 'interim_report')), CONSTRAINT "journal_entry_status" CHECK ("status" IN ('J', 'E')), CONSTRAINT "journal_entry_type" CHECK ("type" IN ('I', 'U')), CONSTRAINT "journal_entry_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "journal_entry_county_date_idx" ON "journal_entry" ("county_id", "journal_date", "sequence_number") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "journal_entry_case_number_key" ON "journal_entry" ("application_id", "case_entry_number") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "journal_entry_sequence_key" ON "journal_entry" ("county_id", "journal_year", "sequence_number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "journal_sequence" ("county_id" uuid NOT NULL, "journal_year" integer NOT NULL, "last_number" integer NOT NULL, CONSTRAINT "journal_sequence_pkey" PRIMARY KEY ("county_id", "journal_year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "archive_delivery" ("journal_entry_id" uuid NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "archive_reference" text, "delivered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "archive_delivery_delivered" CHECK (("status" IN ('delivered', 'logged')) = ("delivered_at" IS NOT NULL)), CONSTRAINT "archive_delivery_status" CHECK ("status" IN ('pending', 'delivered', 'logged', 'failed')), CONSTRAINT "archive_delivery_pkey" PRIMARY KEY ("journal_entry_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "journal_entry" ADD CONSTRAINT "journal_entry_county_fk" FOREIGN KEY ("county_id") REFERENCES "county"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "journal_entry" ADD CONSTRAINT "journal_entry_application_fk" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "archive_delivery" ADD CONSTRAINT "archive_delivery_journal_entry_fk" FOREIGN KEY ("journal_entry_id") REFERENCES "journal_entry"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "journal_entry_append_only" BEFORE UPDATE OR DELETE ON "journal_entry" FOR EACH ROW EXECUTE FUNCTION "refuse_append_only_change"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "journal_entry_no_truncate" BEFORE TRUNCATE ON "journal_entry" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"()`,
    );
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "journal_entry" FROM "grants_service"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "journal_entry_no_truncate" ON "journal_entry"`);
    await queryRunner.query(`DROP TRIGGER "journal_entry_append_only" ON "journal_entry"`);
    await queryRunner.query(
      `ALTER TABLE "archive_delivery" DROP CONSTRAINT "archive_delivery_journal_entry_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "journal_entry" DROP CONSTRAINT "journal_entry_application_fk"`);
    await queryRunner.query(`ALTER TABLE "journal_entry" DROP CONSTRAINT "journal_entry_county_fk"`);
    await queryRunner.query(`DROP TABLE "archive_delivery"`);
    await queryRunner.query(`DROP TABLE "journal_sequence"`);
    await queryRunner.query(`DROP INDEX "public"."journal_entry_sequence_key"`);
    await queryRunner.query(`DROP INDEX "public"."journal_entry_case_number_key"`);
    await queryRunner.query(`DROP INDEX "public"."journal_entry_county_date_idx"`);
    await queryRunner.query(`DROP TABLE "journal_entry"`);
  }
}
