import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decision letters (vedtaksbrev): append-only like the case history. Each keeps its PDF as sent, the
 * SHA-256 of it and the inputs it was drawn from, so the same bytes can be drawn again and checked.
 */
export class DecisionLetters1796322000000 implements MigrationInterface {
  name = 'DecisionLetters1796322000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "decision_letter" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "kind" text NOT NULL, "inputs" jsonb NOT NULL, "sha256" character(64) NOT NULL, "byte_size" integer NOT NULL, "pdf" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "decision_letter_kind" CHECK ("kind" IN ('grant', 'rejection', 'cancellation', 'settlement', 'appeal_outcome')), CONSTRAINT "decision_letter_sha256_hex" CHECK ("sha256" ~ '^[0-9a-f]{64}$'), CONSTRAINT "decision_letter_byte_size_positive" CHECK ("byte_size" > 0), CONSTRAINT "decision_letter_pdf_size" CHECK (octet_length("pdf") = "byte_size"), CONSTRAINT "decision_letter_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "decision_letter_application_idx" ON "decision_letter" ("application_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "decision_letter" ADD CONSTRAINT "decision_letter_application_fk" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "decision_letter_append_only" BEFORE UPDATE OR DELETE ON "decision_letter" FOR EACH ROW EXECUTE FUNCTION "refuse_append_only_change"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "decision_letter_no_truncate" BEFORE TRUNCATE ON "decision_letter" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"()`,
    );
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "decision_letter" FROM "grants_service"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "decision_letter_no_truncate" ON "decision_letter"`);
    await queryRunner.query(`DROP TRIGGER "decision_letter_append_only" ON "decision_letter"`);
    await queryRunner.query(`ALTER TABLE "decision_letter" DROP CONSTRAINT "decision_letter_application_fk"`);
    await queryRunner.query(`DROP INDEX "public"."decision_letter_application_idx"`);
    await queryRunner.query(`DROP TABLE "decision_letter"`);
  }
}
