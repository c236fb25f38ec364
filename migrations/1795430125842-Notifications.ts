import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795430125842 implements MigrationInterface {
  name = 'Notifications1795430125842';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid, "audit_record_id" bigint, "template" text NOT NULL, "recipient_user_id" uuid, "recipient_email" text NOT NULL, "locale" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "status" text NOT NULL DEFAULT 'queued', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "notification_status" CHECK ("status" IN ('queued', 'sent', 'failed', 'logged')), CONSTRAINT "notification_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_queued_idx" ON "notification"  ("created_at") WHERE "status" = 'queued'`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_application_idx" ON "notification"  ("application_id", "created_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."notification_application_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notification_queued_idx"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
