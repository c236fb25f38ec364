import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The county's work queue ordered by submission (not by random id) and by amount, with keyset pages
 * on (key, id), and the filters it offers: status, sub-state (`assessment.recommended`), assigned
 * officer (or none), call, and a case-reference prefix. Each index is the county (or call) first, the
 * filter next, then the sort key and the id, so a page reads its 51 rows in order. The queue shows
 * submitted cases only, so these are partial on `submitted_at IS NOT NULL` and leave drafts out.
 * The applicant's own list is ordered by creation. The (county, status, scheme, id) and (county,
 * status, id) indexes served the old id order and go; (call_id) and (organisation_id, id) gain the
 * new sort key and keep their prefixes for the frame pipeline and the submit check.
 */
export class WorkQueueIndexes1796291000000 implements MigrationInterface {
  name = 'WorkQueueIndexes1796291000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."application_work_queue_idx"`);
    await queryRunner.query(`DROP INDEX "public"."application_county_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."application_organisation_idx"`);
    await queryRunner.query(`DROP INDEX "public"."application_call_idx"`);
    await queryRunner.query(
      `CREATE INDEX "application_queue_idx" ON "application" ("county_id", "submitted_at", "id") WHERE "submitted_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "application_queue_status_idx" ON "application" ("county_id", "status", "submitted_at", "id") WHERE "submitted_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "application_queue_state_idx" ON "application" ("county_id", "state", "submitted_at", "id") WHERE "submitted_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "application_queue_officer_idx" ON "application" ("county_id", "case_officer_id", "submitted_at", "id") WHERE "submitted_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "application_queue_amount_idx" ON "application" ("county_id", "requested_amount", "id") WHERE "submitted_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "application_call_idx" ON "application" ("call_id", "submitted_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "application_organisation_idx" ON "application" ("organisation_id", "created_at", "id") `,
    );
    // A prefix search (LIKE 'BIO-2026-0001%') whatever the database's collation.
    await queryRunner.query(
      `CREATE INDEX "application_reference_prefix_idx" ON "application" ("reference" text_pattern_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."application_reference_prefix_idx"`);
    await queryRunner.query(`DROP INDEX "public"."application_organisation_idx"`);
    await queryRunner.query(`DROP INDEX "public"."application_call_idx"`);
    await queryRunner.query(`DROP INDEX "public"."application_queue_amount_idx"`);
    await queryRunner.query(`DROP INDEX "public"."application_queue_officer_idx"`);
    await queryRunner.query(`DROP INDEX "public"."application_queue_state_idx"`);
    await queryRunner.query(`DROP INDEX "public"."application_queue_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."application_queue_idx"`);
    await queryRunner.query(`CREATE INDEX "application_call_idx" ON "application" ("call_id") `);
    await queryRunner.query(
      `CREATE INDEX "application_organisation_idx" ON "application" ("organisation_id", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "application_county_status_idx" ON "application" ("county_id", "status", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "application_work_queue_idx" ON "application" ("county_id", "status", "scheme_id", "id") `,
    );
  }
}
