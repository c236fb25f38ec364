import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The grant positions with money still outstanding, per frame: the list of payments due reads only
 * these, so it costs what is open rather than every grant ever made. Partial on an expression, which
 * the entity cannot say, hence by hand.
 */
export class OpenGrantPositions1796293417000 implements MigrationInterface {
  name = 'OpenGrantPositions1796293417000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "grant_position_outstanding_idx" ON "grant_position" ("frame_id", "application_id")
        WHERE "committed" - "released" - "disbursed" - "carried_out" > 0`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."grant_position_outstanding_idx"`);
  }
}
