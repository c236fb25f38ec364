import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createEmptyDatabase, databaseUrl, dropDatabase, dropTemplateAndCopies } from '@lib/testing';

async function existing(names: string[]): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    const result = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname = ANY($1)',
      [names],
    );
    return result.rows.map((r) => r.datname).sort();
  } finally {
    await client.end();
  }
}

describe("the test kit: dropping a run's databases", () => {
  it("drops its template and the copies made from it, not another run's whose name starts alike", async () => {
    const run = `grants_kit_${randomBytes(3).toString('hex')}`;
    const other = `${run}7`; // another run, as `grants_test_1234` is beside `grants_test_123`
    const names = [run, `${run}_0123abcd`, other, `${other}_89abcdef`, `${run}_notacopy`];
    for (const name of names) await createEmptyDatabase(name);
    try {
      await dropTemplateAndCopies(run);
      expect(await existing(names)).toEqual([`${run}_notacopy`, other, `${other}_89abcdef`].sort());
    } finally {
      for (const name of names) await dropDatabase(name);
    }
  });
});
