import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import type { AppConfig } from '../config/app-config';
import { createDataSource } from './data-source';
import { ensureServiceLogin } from './database-roles';
import { seedDemoDataIfEmpty } from '../seed/demo-data';

/** Arbitrary but fixed: serialises migrations when the API and the worker start together. */
const MIGRATION_LOCK_KEY = 727_274_001;

/** Creates the database named in the URL when it does not exist yet (a fresh machine). */
export async function ensureDatabaseExists(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } catch (error) {
    // Another process created it in the meantime.
    if ((error as { code?: string }).code === '42P04') return false;
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Brings the database to the current schema before the service starts, as the owner
 * (`migrationUrl`): creates it if allowed, runs pending migrations under an advisory lock, makes
 * sure the service's login exists, and seeds demo data into an empty database if configured.
 * Returns the names of the migrations it ran. With nothing to do it does not connect at all, so a
 * service started with `MIGRATIONS_RUN=false` needs no owner credentials.
 */
export async function prepareDatabase(
  database: AppConfig['database'],
  logger = new Logger('Database'),
): Promise<string[]> {
  if (!database.createIfMissing && !database.runMigrations && !database.seedOnEmpty) return [];
  if (database.createIfMissing && (await ensureDatabaseExists(database.migrationUrl))) {
    logger.log('Created the database');
  }
  const dataSource = createDataSource({ url: database.migrationUrl, poolSize: 2 });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    let ran: string[] = [];
    if (database.runMigrations) {
      ran = (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
      if (ran.length) logger.log(`Ran migrations: ${ran.join(', ')}`);
      await ensureServiceLogin(database.migrationUrl, database.url);
    }
    if (database.seedOnEmpty && (await seedDemoDataIfEmpty(dataSource.manager))) {
      logger.log('Seeded demo data into the empty database (see README, "Demo users")');
    }
    return ran;
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}
