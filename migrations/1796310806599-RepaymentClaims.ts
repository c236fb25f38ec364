import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Repayment claims (tilbakebetalingskrav): raised when a grant's final settlement finds more paid than
 * is payable; one unsettled claim per case; settled once, by finance, back into the frame.
 */
export class RepaymentClaims1796310806599 implements MigrationInterface {
  name = 'RepaymentClaims1796310806599';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "repayment_claim" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "frame_id" uuid NOT NULL, "county_id" uuid NOT NULL, "amount" bigint NOT NULL, "due_date" date NOT NULL, "status" text NOT NULL DEFAULT 'open', "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reminded_at" TIMESTAMP WITH TIME ZONE, "escalated_at" TIMESTAMP WITH TIME ZONE, "settled_at" TIMESTAMP WITH TIME ZONE, "settled_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "repayment_claim_settled" CHECK (("status" = 'settled') = ("settled_at" IS NOT NULL)), CONSTRAINT "repayment_claim_amount_positive" CHECK ("amount" > 0), CONSTRAINT "repayment_claim_status" CHECK ("status" IN ('open', 'reminded', 'escalated', 'settled')), CONSTRAINT "repayment_claim_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "repayment_claim_county_idx" ON "repayment_claim" ("county_id", "status", "due_date") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "repayment_claim_unsettled_key" ON "repayment_claim" ("application_id") WHERE "status" <> 'settled'`,
    );
    await queryRunner.query(
      `ALTER TABLE "repayment_claim" ADD CONSTRAINT "repayment_claim_application_fk" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repayment_claim" ADD CONSTRAINT "repayment_claim_frame_fk" FOREIGN KEY ("frame_id") REFERENCES "budget_frame"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repayment_claim" ADD CONSTRAINT "repayment_claim_county_fk" FOREIGN KEY ("county_id") REFERENCES "county"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repayment_claim" ADD CONSTRAINT "repayment_claim_settled_by_fk" FOREIGN KEY ("settled_by_user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "repayment_claim" DROP CONSTRAINT "repayment_claim_settled_by_fk"`);
    await queryRunner.query(`ALTER TABLE "repayment_claim" DROP CONSTRAINT "repayment_claim_county_fk"`);
    await queryRunner.query(`ALTER TABLE "repayment_claim" DROP CONSTRAINT "repayment_claim_frame_fk"`);
    await queryRunner.query(`ALTER TABLE "repayment_claim" DROP CONSTRAINT "repayment_claim_application_fk"`);
    await queryRunner.query(`DROP INDEX "public"."repayment_claim_unsettled_key"`);
    await queryRunner.query(`DROP INDEX "public"."repayment_claim_county_idx"`);
    await queryRunner.query(`DROP TABLE "repayment_claim"`);
  }
}
