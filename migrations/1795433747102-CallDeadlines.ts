import { MigrationInterface, QueryRunner } from 'typeorm';

/** Deadlines of a call (its opening and closing announcements), and when an overdue report escalates. */
export class CallDeadlines1795433747102 implements MigrationInterface {
  name = 'CallDeadlines1795433747102';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "funding_call" ADD "overdue_escalation_days" integer NOT NULL DEFAULT '14'`,
    );
    await queryRunner.query(
      `ALTER TABLE "funding_call" ADD "overdue_lapse_proposal_days" integer NOT NULL DEFAULT '42'`,
    );
    await queryRunner.query(`ALTER TABLE "deadline" ADD "call_id" uuid`);
    await queryRunner.query(`ALTER TABLE "deadline" ALTER COLUMN "application_id" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "deadline_call_open_kind_key" ON "deadline" ("call_id", "kind") WHERE "status" = 'scheduled'`,
    );
    await queryRunner.query(
      `ALTER TABLE "deadline" ADD CONSTRAINT "deadline_owner" CHECK (("application_id" IS NULL) <> ("call_id" IS NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "deadline" ADD CONSTRAINT "deadline_call_fk" FOREIGN KEY ("call_id") REFERENCES "funding_call"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "deadline" WHERE "call_id" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "deadline" DROP CONSTRAINT "deadline_call_fk"`);
    await queryRunner.query(`ALTER TABLE "deadline" DROP CONSTRAINT "deadline_owner"`);
    await queryRunner.query(`DROP INDEX "public"."deadline_call_open_kind_key"`);
    await queryRunner.query(`ALTER TABLE "deadline" ALTER COLUMN "application_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "deadline" DROP COLUMN "call_id"`);
    await queryRunner.query(`ALTER TABLE "funding_call" DROP COLUMN "overdue_lapse_proposal_days"`);
    await queryRunner.query(`ALTER TABLE "funding_call" DROP COLUMN "overdue_escalation_days"`);
  }
}
