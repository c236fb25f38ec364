import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case numbers (saksnummer), `2026/BIO/0123`: given on submission, gapless per county, scheme and
 * year of submission (in Norway), from a counter row per county, scheme and year that a submission
 * counts up inside its own transaction. The applications already submitted get theirs here, in the
 * order they were submitted, under the scheme code their reference begins with (`BIO-2026-000042`),
 * and the counters start after them. Drafts get none.
 */
export class CaseNumbers1796327000000 implements MigrationInterface {
  name = 'CaseNumbers1796327000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_number_counter" ("county_id" uuid NOT NULL, "scheme_id" text NOT NULL, "year" integer NOT NULL, "last_number" integer NOT NULL, CONSTRAINT "case_number_counter_last_positive" CHECK ("last_number" >= 1), CONSTRAINT "case_number_counter_year" CHECK ("year" BETWEEN 2000 AND 2100), CONSTRAINT "case_number_counter_pkey" PRIMARY KEY ("county_id", "scheme_id", "year"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_number_counter" ADD CONSTRAINT "case_number_counter_county_fk" FOREIGN KEY ("county_id") REFERENCES "county"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application" ADD "case_number" text, ADD "case_year" integer, ADD "case_sequence" integer`,
    );
    await queryRunner.query(
      `WITH numbered AS (
         SELECT id, split_part(reference, '-', 1) AS code,
                extract(year FROM submitted_at AT TIME ZONE 'Europe/Oslo')::integer AS year,
                row_number() OVER (
                  PARTITION BY county_id, scheme_id, extract(year FROM submitted_at AT TIME ZONE 'Europe/Oslo')
                  ORDER BY submitted_at, id
                )::integer AS sequence
           FROM application
          WHERE submitted_at IS NOT NULL
       )
       UPDATE application a
          SET case_year = n.year,
              case_sequence = n.sequence,
              case_number = n.year || '/' || n.code || '/' || lpad(n.sequence::text, greatest(4, length(n.sequence::text)), '0')
         FROM numbered n
        WHERE a.id = n.id`,
    );
    await queryRunner.query(
      `INSERT INTO case_number_counter (county_id, scheme_id, year, last_number)
       SELECT county_id, scheme_id, case_year, max(case_sequence)
         FROM application
        WHERE case_year IS NOT NULL
        GROUP BY county_id, scheme_id, case_year`,
    );
    await queryRunner.query(
      `ALTER TABLE "application" ADD CONSTRAINT "application_case_number_key" UNIQUE ("county_id", "scheme_id", "case_year", "case_sequence")`,
    );
    await queryRunner.query(
      `ALTER TABLE "application" ADD CONSTRAINT "application_case_number_complete" CHECK (("case_year" IS NULL) = ("case_sequence" IS NULL) AND ("case_year" IS NULL) = ("case_number" IS NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "application" ADD CONSTRAINT "application_case_sequence_positive" CHECK ("case_sequence" >= 1)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "application" DROP CONSTRAINT "application_case_sequence_positive"`);
    await queryRunner.query(`ALTER TABLE "application" DROP CONSTRAINT "application_case_number_complete"`);
    await queryRunner.query(`ALTER TABLE "application" DROP CONSTRAINT "application_case_number_key"`);
    await queryRunner.query(
      `ALTER TABLE "application" DROP COLUMN "case_sequence", DROP COLUMN "case_year", DROP COLUMN "case_number"`,
    );
    await queryRunner.query(`DROP TABLE "case_number_counter"`);
  }
}
