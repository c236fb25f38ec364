import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments beyond the application: an attachment may belong to one payout request, one interim
 * report or one request for information (the answer's attachments) of its application, at most one of
 * them; none is the application's own. Receipts (kvitteringer) join the kinds. An attachment is fixed
 * once what it goes with is sent, as before: the trigger now also keeps its owner.
 */
export class AttachmentOwners1796324000000 implements MigrationInterface {
  name = 'AttachmentOwners1796324000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "attachment" ADD "payout_request_id" uuid`);
    await queryRunner.query(`ALTER TABLE "attachment" ADD "interim_report_id" uuid`);
    await queryRunner.query(`ALTER TABLE "attachment" ADD "information_request_id" bigint`);
    await queryRunner.query(`ALTER TABLE "attachment" DROP CONSTRAINT "attachment_kind"`);
    await queryRunner.query(
      `ALTER TABLE "attachment" ADD CONSTRAINT "attachment_kind" CHECK ("kind" IN ('training_plan', 'annual_accounts', 'auditor_statement', 'course_certificate', 'receipts', 'other'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "attachment" ADD CONSTRAINT "attachment_one_owner" CHECK (num_nonnulls("payout_request_id", "interim_report_id", "information_request_id") <= 1)`,
    );
    await queryRunner.query(
      `ALTER TABLE "attachment" ADD CONSTRAINT "attachment_payout_request_fk" FOREIGN KEY ("payout_request_id") REFERENCES "payout_request"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attachment" ADD CONSTRAINT "attachment_interim_report_fk" FOREIGN KEY ("interim_report_id") REFERENCES "interim_report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attachment" ADD CONSTRAINT "attachment_information_request_fk" FOREIGN KEY ("information_request_id") REFERENCES "audit_record"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE INDEX "attachment_payout_request_idx" ON "attachment" ("payout_request_id") WHERE "payout_request_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "attachment_interim_report_idx" ON "attachment" ("interim_report_id") WHERE "interim_report_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "attachment_information_request_idx" ON "attachment" ("information_request_id") WHERE "information_request_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION "refuse_submitted_attachment_change"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF OLD.submitted_at IS NOT NULL THEN
           RAISE EXCEPTION 'attachment % was submitted and cannot be changed', OLD.id USING ERRCODE = 'P0001';
         END IF;
         IF TG_OP = 'UPDATE' AND (NEW.id, NEW.application_id, NEW.kind, NEW.file_name, NEW.media_type, NEW.size_bytes, NEW.sha256, NEW.storage_key, NEW.uploaded_by, NEW.uploaded_at, NEW.retention_class, NEW.payout_request_id, NEW.interim_report_id, NEW.information_request_id)
             IS DISTINCT FROM (OLD.id, OLD.application_id, OLD.kind, OLD.file_name, OLD.media_type, OLD.size_bytes, OLD.sha256, OLD.storage_key, OLD.uploaded_by, OLD.uploaded_at, OLD.retention_class, OLD.payout_request_id, OLD.interim_report_id, OLD.information_request_id) THEN
           RAISE EXCEPTION 'attachment % can only be submitted, not changed', OLD.id USING ERRCODE = 'P0001';
         END IF;
         IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
         RETURN NEW;
       END $$`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION "refuse_submitted_attachment_change"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF OLD.submitted_at IS NOT NULL THEN
           RAISE EXCEPTION 'attachment % was submitted and cannot be changed', OLD.id USING ERRCODE = 'P0001';
         END IF;
         IF TG_OP = 'UPDATE' AND (NEW.id, NEW.application_id, NEW.kind, NEW.file_name, NEW.media_type, NEW.size_bytes, NEW.sha256, NEW.storage_key, NEW.uploaded_by, NEW.uploaded_at, NEW.retention_class)
             IS DISTINCT FROM (OLD.id, OLD.application_id, OLD.kind, OLD.file_name, OLD.media_type, OLD.size_bytes, OLD.sha256, OLD.storage_key, OLD.uploaded_by, OLD.uploaded_at, OLD.retention_class) THEN
           RAISE EXCEPTION 'attachment % can only be submitted, not changed', OLD.id USING ERRCODE = 'P0001';
         END IF;
         IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(`DROP INDEX "public"."attachment_information_request_idx"`);
    await queryRunner.query(`DROP INDEX "public"."attachment_interim_report_idx"`);
    await queryRunner.query(`DROP INDEX "public"."attachment_payout_request_idx"`);
    await queryRunner.query(`ALTER TABLE "attachment" DROP CONSTRAINT "attachment_information_request_fk"`);
    await queryRunner.query(`ALTER TABLE "attachment" DROP CONSTRAINT "attachment_interim_report_fk"`);
    await queryRunner.query(`ALTER TABLE "attachment" DROP CONSTRAINT "attachment_payout_request_fk"`);
    await queryRunner.query(`ALTER TABLE "attachment" DROP CONSTRAINT "attachment_one_owner"`);
    await queryRunner.query(`ALTER TABLE "attachment" DROP CONSTRAINT "attachment_kind"`);
    await queryRunner.query(
      `ALTER TABLE "attachment" ADD CONSTRAINT "attachment_kind" CHECK ("kind" IN ('training_plan', 'annual_accounts', 'auditor_statement', 'course_certificate', 'other'))`,
    );
    await queryRunner.query(`ALTER TABLE "attachment" DROP COLUMN "information_request_id"`);
    await queryRunner.query(`ALTER TABLE "attachment" DROP COLUMN "interim_report_id"`);
    await queryRunner.query(`ALTER TABLE "attachment" DROP COLUMN "payout_request_id"`);
  }
}
