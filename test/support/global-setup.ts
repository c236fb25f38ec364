// Global setup runs outside Jest's module mapper: resolve the @lib/* aliases from tsconfig.json.
import 'tsconfig-paths/register';
import { createEmptyDatabase, serviceDatabaseUrl, TEMPLATE_ENV } from '../../libs/testing/src';
import { createDataSource } from '../../src/database/data-source';
import { ensureServiceLogin } from '../../src/database/database-roles';

/** Migrates one template database per run as the owner; every test file copies it (grants included). */
export default async function globalSetup(): Promise<void> {
  const name = `grants_test_${process.pid}`;
  const url = await createEmptyDatabase(name);
  const dataSource = await createDataSource({ url, poolSize: 1 }).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  await ensureServiceLogin(url, serviceDatabaseUrl(name));
  process.env[TEMPLATE_ENV] = name;
}
