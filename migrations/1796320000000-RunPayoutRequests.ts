import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payment runs pay approved payout requests beside plan instalments: an item is of one kind or the
 * other, a request is booked by a run at most once, and an item's account is a Norwegian BBAN or an
 * IBAN with its BIC, and an item is in its frame's currency. An approved run keeps the debtor account and organisation number it was
 * approved with (existing approved runs take the county's present ones). The county's payment details
 * are audited in the payment audit trail.
 */
export class RunPayoutRequests1796320000000 implements MigrationInterface {
  name = 'RunPayoutRequests1796320000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "payment_run_item" ADD "kind" text NOT NULL DEFAULT 'instalment'`,
    );
    await queryRunner.query(`ALTER TABLE "payment_run_item" ALTER COLUMN "kind" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "payment_run_item" ALTER COLUMN "instalment" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "payment_run_item" ADD "payout_request_id" uuid`);
    await queryRunner.query(`ALTER TABLE "payment_run_item" ADD "payout_request_number" integer`);
    await queryRunner.query(`ALTER TABLE "payment_run_item" ADD "creditor_bic" text`);
    await queryRunner.query(`ALTER TABLE "payment_run_item" ADD "currency" text NOT NULL DEFAULT 'NOK'`);
    await queryRunner.query(`ALTER TABLE "payment_run_item" ALTER COLUMN "currency" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "payment_run_item" ADD CONSTRAINT "payment_run_item_currency_format" CHECK ("currency" ~ '^[A-Z]{3}$')`,
    );
    await queryRunner.query(
      `ALTER TABLE "payment_run_item" DROP CONSTRAINT "payment_run_item_account_format"`,
    );
    await queryRunner.query(
      `ALTER TABLE "payment_run_item" ALTER COLUMN "creditor_account" TYPE text USING trim("creditor_account")`,
    );
    await queryRunner.query(
      `ALTER TABLE "payment_run_item" ADD CONSTRAINT "payment_run_item_account_format" CHECK (("creditor_account" ~ '^[0-9]{11}$' AND "creditor_bic" IS NULL) OR ("creditor_account" ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$' AND "creditor_bic" ~ '^[A-Z0-9]{8}([A-Z0-9]{3})?$'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "payment_run_item" ADD CONSTRAINT "payment_run_item_kind" CHECK (("kind" = 'instalment' AND "instalment" IS NOT NULL AND "payout_request_id" IS NULL AND "payout_request_number" IS NULL) OR ("kind" = 'payout_request' AND "instalment" IS NULL AND "payout_request_id" IS NOT NULL AND "payout_request_number" IS NOT NULL))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "payment_run_item_run_request_key" ON "payment_run_item"  ("run_id", "payout_request_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "payment_run_item_request_paid_key" ON "payment_run_item"  ("payout_request_id") WHERE "booked_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "payment_run_item" ADD CONSTRAINT "payment_run_item_payout_request_fk" FOREIGN KEY ("payout_request_id") REFERENCES "payout_request"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await queryRunner.query(`ALTER TABLE "payment_run" ADD "debtor_account" character(11)`);
    await queryRunner.query(`ALTER TABLE "payment_run" ADD "debtor_organisation_number" character(9)`);
    await queryRunner.query(
      `UPDATE "payment_run" r SET "debtor_account" = c."payment_account", "debtor_organisation_number" = c."organisation_number"
         FROM "county" c WHERE c."id" = r."county_id" AND r."state" = 'approved'`,
    );
    await queryRunner.query(
      `ALTER TABLE "payment_run" ADD CONSTRAINT "payment_run_debtor_account" CHECK (("state" = 'approved') = ("debtor_account" IS NOT NULL) AND ("debtor_account" IS NULL OR "debtor_account" ~ '^[0-9]{11}$'))`,
    );

    await queryRunner.query(
      `ALTER TABLE "payment_audit_record" DROP CONSTRAINT "payment_audit_record_subject_kind"`,
    );
    await queryRunner.query(
      `ALTER TABLE "payment_audit_record" ADD CONSTRAINT "payment_audit_record_subject_kind" CHECK ("subject_kind" IN ('organisation', 'payment_run', 'county'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "payment_audit_record" DROP CONSTRAINT "payment_audit_record_subject_kind"`,
    );
    await queryRunner.query(
      `ALTER TABLE "payment_audit_record" ADD CONSTRAINT "payment_audit_record_subject_kind" CHECK ("subject_kind" IN ('organisation', 'payment_run'))`,
    );
    await queryRunner.query(`ALTER TABLE "payment_run" DROP CONSTRAINT "payment_run_debtor_account"`);
    await queryRunner.query(`ALTER TABLE "payment_run" DROP COLUMN "debtor_organisation_number"`);
    await queryRunner.query(`ALTER TABLE "payment_run" DROP COLUMN "debtor_account"`);
    await queryRunner.query(
      `ALTER TABLE "payment_run_item" DROP CONSTRAINT "payment_run_item_payout_request_fk"`,
    );
    await queryRunner.query(`DROP INDEX "public"."payment_run_item_request_paid_key"`);
    await queryRunner.query(`DROP INDEX "public"."payment_run_item_run_request_key"`);
    await queryRunner.query(`ALTER TABLE "payment_run_item" DROP CONSTRAINT "payment_run_item_kind"`);
    await queryRunner.query(
      `ALTER TABLE "payment_run_item" DROP CONSTRAINT "payment_run_item_account_format"`,
    );
    await queryRunner.query(`DELETE FROM "payment_run_item" WHERE "kind" = 'payout_request'`);
    await queryRunner.query(
      `ALTER TABLE "payment_run_item" ALTER COLUMN "creditor_account" TYPE character(11)`,
    );
    await queryRunner.query(
      `ALTER TABLE "payment_run_item" ADD CONSTRAINT "payment_run_item_account_format" CHECK ("creditor_account" ~ '^[0-9]{11}$')`,
    );
    await queryRunner.query(
      `ALTER TABLE "payment_run_item" DROP CONSTRAINT "payment_run_item_currency_format"`,
    );
    await queryRunner.query(`ALTER TABLE "payment_run_item" DROP COLUMN "currency"`);
    await queryRunner.query(`ALTER TABLE "payment_run_item" DROP COLUMN "creditor_bic"`);
    await queryRunner.query(`ALTER TABLE "payment_run_item" DROP COLUMN "payout_request_number"`);
    await queryRunner.query(`ALTER TABLE "payment_run_item" DROP COLUMN "payout_request_id"`);
    await queryRunner.query(`ALTER TABLE "payment_run_item" ALTER COLUMN "instalment" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "payment_run_item" DROP COLUMN "kind"`);
  }
}
