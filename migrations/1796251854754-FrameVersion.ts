import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A frame's version, raised by each edit of the frame itself (not by money moving on it), so that an
 * edit based on a version someone else has since changed is refused instead of overwriting it.
 */
export class FrameVersion1796251854754 implements MigrationInterface {
  name = 'FrameVersion1796251854754';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "budget_frame" ADD "version" integer NOT NULL DEFAULT 1`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "budget_frame" DROP COLUMN "version"`);
  }
}
