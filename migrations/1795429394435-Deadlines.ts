import { MigrationInterface, QueryRunner } from 'typeorm';

export class Deadlines1795429394435 implements MigrationInterface {
  name = 'Deadlines1795429394435';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "deadline" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "kind" text NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'scheduled', "attempts" integer NOT NULL DEFAULT '0', "settled_at" TIMESTAMP WITH TIME ZONE, "outcome" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "deadline_status" CHECK ("status" IN ('scheduled', 'fired', 'skipped', 'cancelled')), CONSTRAINT "deadline_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "deadline_scheduled_due_idx" ON "deadline"  ("due_at") WHERE "status" = 'scheduled'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "deadline_open_kind_key" ON "deadline"  ("application_id", "kind") WHERE "status" = 'scheduled'`,
    );
    await queryRunner.query(
      `ALTER TABLE "deadline" ADD CONSTRAINT "deadline_application_fk" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "deadline" DROP CONSTRAINT "deadline_application_fk"`);
    await queryRunner.query(`DROP INDEX "public"."deadline_open_kind_key"`);
    await queryRunner.query(`DROP INDEX "public"."deadline_scheduled_due_idx"`);
    await queryRunner.query(`DROP TABLE "deadline"`);
  }
}
