import type { DataSource } from 'typeorm';
import { seedDemoDataIfEmpty } from '../../src/seed/demo-data';

/**
 * Columns the seed (today's code) writes that a schema migrated only part of the way may lack, as
 * the migrations that add them define them.
 */
const SEEDED_COLUMNS: ReadonlyArray<readonly [table: string, column: string, definition: string]> = [
  ['user_account', 'version', 'integer NOT NULL DEFAULT 1'],
  ['user_account', 'updated_at', 'timestamptz NOT NULL DEFAULT now()'],
  ['county', 'organisation_number', 'char(9)'],
  ['county', 'payment_account', 'char(11)'],
  ['county', 'impartiality_required', 'boolean NOT NULL DEFAULT true'],
  ['organisation', 'payout_account', 'char(11)'],
  ['organisation', 'register_checked_at', 'timestamptz'],
  ['organisation', 'bankrupt', 'boolean NOT NULL DEFAULT false'],
  ['organisation', 'under_liquidation', 'boolean NOT NULL DEFAULT false'],
  ['organisation', 'under_forced_dissolution', 'boolean NOT NULL DEFAULT false'],
  ['organisation', 'deleted_on', 'date'],
];

/**
 * Seeds the demo data into a database migrated only up to some migration (a migration's test): the
 * columns today's seed writes and that schema lacks are added for the seeding and dropped again, so
 * the later migrations that add them find the schema as they expect.
 */
export async function seedOlderSchema(dataSource: DataSource): Promise<void> {
  const added: Array<readonly [string, string]> = [];
  for (const [table, column, definition] of SEEDED_COLUMNS) {
    const [{ present }] = await dataSource.query<Array<{ present: boolean }>>(
      `SELECT EXISTS (SELECT 1 FROM information_schema.columns
                       WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2) AS present`,
      [table, column],
    );
    if (present) continue;
    await dataSource.query(`ALTER TABLE "${table}" ADD "${column}" ${definition}`);
    added.push([table, column]);
  }
  await seedDemoDataIfEmpty(dataSource.manager);
  for (const [table, column] of added)
    await dataSource.query(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
}
