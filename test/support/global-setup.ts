// Global setup runs outside Jest's module mapper: resolve the @lib/* aliases from tsconfig.json.
import 'tsconfig-paths/register';
import { createEmptyDatabase, TEMPLATE_ENV } from '../../libs/testing/src';
import { createDataSource } from '../../src/database/data-source';

/** Migrates one template database per run; every test file copies it. */
export default async function globalSetup(): Promise<void> {
  const name = `grants_test_${process.pid}`;
  const url = await createEmptyDatabase(name);
  const dataSource = await createDataSource({ url, poolSize: 1 }).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  process.env[TEMPLATE_ENV] = name;
}
