import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payout requests (utbetalingsanmodninger) for part payments of accepted grants: the request being
 * drafted or handled, at most one open per grant (a partial unique index), and every version sent,
 * append-only like the case history.
 */
export class PayoutRequests1796315436668 implements MigrationInterface {
  name = 'PayoutRequests1796315436668';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "payout_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "number" integer NOT NULL, "status" text NOT NULL, "version" integer NOT NULL DEFAULT '1', "amount" bigint NOT NULL, "account_number" text, "iban" text, "bic" text, "status_report" text NOT NULL, "costs" jsonb NOT NULL, "attestation" jsonb NOT NULL, "approved_amount" bigint, "decision_text" text, "created_by" uuid NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" uuid, "paid_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "payout_request_account" CHECK (("account_number" IS NOT NULL AND "iban" IS NULL) OR ("account_number" IS NULL AND "iban" IS NOT NULL AND "bic" IS NOT NULL)), CONSTRAINT "payout_request_approved_within_requested" CHECK ("approved_amount" > 0 AND "approved_amount" <= "amount"), CONSTRAINT "payout_request_amount_positive" CHECK ("amount" > 0), CONSTRAINT "payout_request_status" CHECK ("status" IN ('draft', 'sent', 'returned', 'approved', 'rejected', 'paid')), CONSTRAINT "payout_request_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "payout_request_open_key" ON "payout_request"  ("application_id") WHERE "status" IN ('draft', 'sent', 'returned', 'approved')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "payout_request_application_number_key" ON "payout_request"  ("application_id", "number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "payout_request_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "payout_request_id" uuid NOT NULL, "version" integer NOT NULL, "content" jsonb NOT NULL, "sent_by" uuid NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "payout_request_version_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "payout_request_version_key" ON "payout_request_version"  ("payout_request_id", "version") `,
    );
    await queryRunner.query(
      `ALTER TABLE "payout_request" ADD CONSTRAINT "payout_request_application_fk" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payout_request" ADD CONSTRAINT "payout_request_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payout_request" ADD CONSTRAINT "payout_request_decided_by_fk" FOREIGN KEY ("decided_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payout_request_version" ADD CONSTRAINT "payout_request_version_request_fk" FOREIGN KEY ("payout_request_id") REFERENCES "payout_request"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payout_request_version" ADD CONSTRAINT "payout_request_version_sent_by_fk" FOREIGN KEY ("sent_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "payout_request_version_append_only" BEFORE UPDATE OR DELETE ON "payout_request_version" FOR EACH ROW EXECUTE FUNCTION "refuse_append_only_change"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "payout_request_version_no_truncate" BEFORE TRUNCATE ON "payout_request_version" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"()`,
    );
    await queryRunner.query(
      `REVOKE UPDATE, DELETE, TRUNCATE ON "payout_request_version" FROM "grants_service"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "payout_request_version_no_truncate" ON "payout_request_version"`);
    await queryRunner.query(`DROP TRIGGER "payout_request_version_append_only" ON "payout_request_version"`);
    await queryRunner.query(
      `ALTER TABLE "payout_request_version" DROP CONSTRAINT "payout_request_version_sent_by_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "payout_request_version" DROP CONSTRAINT "payout_request_version_request_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "payout_request" DROP CONSTRAINT "payout_request_decided_by_fk"`);
    await queryRunner.query(`ALTER TABLE "payout_request" DROP CONSTRAINT "payout_request_created_by_fk"`);
    await queryRunner.query(`ALTER TABLE "payout_request" DROP CONSTRAINT "payout_request_application_fk"`);
    await queryRunner.query(`DROP INDEX "public"."payout_request_version_key"`);
    await queryRunner.query(`DROP TABLE "payout_request_version"`);
    await queryRunner.query(`DROP INDEX "public"."payout_request_application_number_key"`);
    await queryRunner.query(`DROP INDEX "public"."payout_request_open_key"`);
    await queryRunner.query(`DROP TABLE "payout_request"`);
  }
}
