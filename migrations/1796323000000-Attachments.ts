import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments (vedlegg) on applications: the row describes the file, its bytes are in the
 * attachment storage. An attachment sent with its application is fixed: the database refuses a
 * change to it, and refuses deleting it unless its retention class allows.
 */
export class Attachments1796323000000 implements MigrationInterface {
  name = 'Attachments1796323000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "attachment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "kind" text NOT NULL, "file_name" text NOT NULL, "media_type" text NOT NULL, "size_bytes" bigint NOT NULL, "sha256" text NOT NULL, "storage_key" text NOT NULL, "uploaded_by" uuid NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "retention_class" text NOT NULL, CONSTRAINT "attachment_kind" CHECK ("kind" IN ('training_plan', 'annual_accounts', 'auditor_statement', 'course_certificate', 'other')), CONSTRAINT "attachment_size_positive" CHECK ("size_bytes" > 0), CONSTRAINT "attachment_sha256" CHECK ("sha256" ~ '^[0-9a-f]{64}$'), CONSTRAINT "attachment_retention_class" CHECK ("retention_class" IN ('case_record')), CONSTRAINT "attachment_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "attachment_application_idx" ON "attachment" ("application_id", "uploaded_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "attachment" ADD CONSTRAINT "attachment_application_fk" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attachment" ADD CONSTRAINT "attachment_uploaded_by_fk" FOREIGN KEY ("uploaded_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Sent is sent: only the submission itself may be recorded on the row, and it is never deleted then.
    await queryRunner.query(
      `CREATE FUNCTION "refuse_submitted_attachment_change"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await queryRunner.query(
      `CREATE TRIGGER "attachment_submitted_fixed" BEFORE UPDATE OR DELETE ON "attachment" FOR EACH ROW EXECUTE FUNCTION "refuse_submitted_attachment_change"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "attachment_submitted_fixed" ON "attachment"`);
    await queryRunner.query(`DROP FUNCTION "refuse_submitted_attachment_change"()`);
    await queryRunner.query(`DROP TABLE "attachment"`);
  }
}
