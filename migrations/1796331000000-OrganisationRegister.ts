import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations take their values from the Brønnøysund register (Enhetsregisteret): when they were
 * read, and the register's status (bankrupt, under liquidation, under forced dissolution, deleted).
 * The register may publish no employee count, so it may be null.
 */
export class OrganisationRegister1796331000000 implements MigrationInterface {
  name = 'OrganisationRegister1796331000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisation" ALTER COLUMN "employee_count" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "organisation" ADD "register_checked_at" TIMESTAMP WITH TIME ZONE, ADD "bankrupt" boolean NOT NULL DEFAULT false, ADD "under_liquidation" boolean NOT NULL DEFAULT false, ADD "under_forced_dissolution" boolean NOT NULL DEFAULT false, ADD "deleted_on" date`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organisation" DROP COLUMN "deleted_on", DROP COLUMN "under_forced_dissolution", DROP COLUMN "under_liquidation", DROP COLUMN "bankrupt", DROP COLUMN "register_checked_at"`,
    );
    await queryRunner.query(`UPDATE "organisation" SET "employee_count" = 0 WHERE "employee_count" IS NULL`);
    await queryRunner.query(`ALTER TABLE "organisation" ALTER COLUMN "employee_count" SET NOT NULL`);
  }
}
