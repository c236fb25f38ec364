import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Final payout requests (sluttutbetalingsanmodning): a payout request is a part or the final one. The
 * final one carries the scheme's final report answers and, once sent, names the report it submitted.
 * A grant may have one open part request and one open final request at a time, so an approved, unpaid
 * part payment stays due while the final report is reviewed. The final payment may be nothing, and a
 * final request may ask for nothing more when what was paid covers (or exceeds) the costs.
 */
export class FinalPayoutRequest1796321000000 implements MigrationInterface {
  name = 'FinalPayoutRequest1796321000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "payout_request" ADD "kind" text NOT NULL DEFAULT 'part'`);
    await queryRunner.query(`ALTER TABLE "payout_request" ADD "report" jsonb`);
    await queryRunner.query(`ALTER TABLE "payout_request" ADD "report_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "payout_request" ADD CONSTRAINT "payout_request_kind" CHECK ("kind" IN ('part', 'final'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "payout_request" ADD CONSTRAINT "payout_request_final_report" CHECK (("kind" = 'final') = ("report" IS NOT NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "payout_request" DROP CONSTRAINT "payout_request_approved_within_requested"`,
    );
    await queryRunner.query(
      `ALTER TABLE "payout_request" ADD CONSTRAINT "payout_request_approved_within_requested" CHECK ("approved_amount" <= "amount" AND ("approved_amount" > 0 OR ("kind" = 'final' AND "approved_amount" = 0)))`,
    );
    await queryRunner.query(`ALTER TABLE "payout_request" DROP CONSTRAINT "payout_request_amount_positive"`);
    await queryRunner.query(
      `ALTER TABLE "payout_request" ADD CONSTRAINT "payout_request_amount_positive" CHECK ("amount" > 0 OR "kind" = 'final')`,
    );
    await queryRunner.query(
      `ALTER TABLE "payout_request" ADD CONSTRAINT "payout_request_report_fk" FOREIGN KEY ("report_id") REFERENCES "application_report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`DROP INDEX "public"."payout_request_open_key"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "payout_request_open_key" ON "payout_request"  ("application_id", "kind") WHERE "status" IN ('draft', 'sent', 'returned', 'approved')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."payout_request_open_key"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "payout_request_open_key" ON "payout_request"  ("application_id") WHERE "status" IN ('draft', 'sent', 'returned', 'approved')`,
    );
    await queryRunner.query(`ALTER TABLE "payout_request" DROP CONSTRAINT "payout_request_report_fk"`);
    await queryRunner.query(`ALTER TABLE "payout_request" DROP CONSTRAINT "payout_request_amount_positive"`);
    await queryRunner.query(
      `ALTER TABLE "payout_request" ADD CONSTRAINT "payout_request_amount_positive" CHECK ("amount" > 0)`,
    );
    await queryRunner.query(
      `ALTER TABLE "payout_request" DROP CONSTRAINT "payout_request_approved_within_requested"`,
    );
    await queryRunner.query(
      `ALTER TABLE "payout_request" ADD CONSTRAINT "payout_request_approved_within_requested" CHECK ("approved_amount" > 0 AND "approved_amount" <= "amount")`,
    );
    await queryRunner.query(`ALTER TABLE "payout_request" DROP CONSTRAINT "payout_request_final_report"`);
    await queryRunner.query(`ALTER TABLE "payout_request" DROP CONSTRAINT "payout_request_kind"`);
    await queryRunner.query(`ALTER TABLE "payout_request" DROP COLUMN "report_id"`);
    await queryRunner.query(`ALTER TABLE "payout_request" DROP COLUMN "report"`);
    await queryRunner.query(`ALTER TABLE "payout_request" DROP COLUMN "kind"`);
  }
}
