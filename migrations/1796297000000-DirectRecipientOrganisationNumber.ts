import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A direct allocation (direkte tildeling) names its recipient by organisation number as well as by
 * name, so the ledger and its CSV show both, as they do for an application's organisation. Older
 * direct allocations have none.
 */
export class DirectRecipientOrganisationNumber1796297000000 implements MigrationInterface {
  name = 'DirectRecipientOrganisationNumber1796297000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "grant_position" ADD "recipient_organisation_number" character(9)`);
    await queryRunner.query(
      `ALTER TABLE "grant_position" ADD CONSTRAINT "grant_position_recipient_organisation_number_format" CHECK ("recipient_organisation_number" ~ '^[0-9]{9}$')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "grant_position" DROP CONSTRAINT "grant_position_recipient_organisation_number_format"`,
    );
    await queryRunner.query(`ALTER TABLE "grant_position" DROP COLUMN "recipient_organisation_number"`);
  }
}
