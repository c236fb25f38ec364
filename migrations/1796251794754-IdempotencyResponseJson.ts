import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A command's first answer is kept as `json` (its text as sent) instead of `jsonb` (which reorders
 * keys), so a repeat with the same Idempotency-Key gets the same bytes back.
 */
export class IdempotencyResponseJson1796251794754 implements MigrationInterface {
  name = 'IdempotencyResponseJson1796251794754';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "idempotency_record" ALTER COLUMN "response" TYPE json USING "response"::json`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "idempotency_record" ALTER COLUMN "response" TYPE jsonb USING "response"::jsonb`,
    );
  }
}
