import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';

/** One definition of the connection, used by the service, the CLI and the tests alike. */
export function dataSourceOptions(
  database: Pick<AppConfig['database'], 'url' | 'poolSize'>,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: database.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    migrationsTransactionMode: 'each',
    // The schema only ever changes through reviewed migrations.
    synchronize: false,
    poolSize: database.poolSize,
    applicationName: 'grant-engine',
  };
}

export const createDataSource = (database: Pick<AppConfig['database'], 'url' | 'poolSize'>) =>
  new DataSource(dataSourceOptions(database));
