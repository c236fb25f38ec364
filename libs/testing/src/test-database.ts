import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Server URL the test databases live on (its own database name is ignored). */
export const testServerUrl = () =>
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The login the service runs as in tests: owns nothing, member of the service's group role (the
 * global setup creates it). Test databases are made and migrated as the server URL's user, the owner.
 */
export const TEST_SERVICE_LOGIN = 'grants_app';

/** Name of the migrated template database, set by the e2e global setup. */
export const TEMPLATE_ENV = 'GRANTS_TEST_TEMPLATE_DB';

/** The database as the owner (the user of the server URL). */
export function databaseUrl(name: string): string {
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** The database as the service's login. */
export function serviceDatabaseUrl(name: string): string {
  const url = new URL(databaseUrl(name));
  url.username = TEST_SERVICE_LOGIN;
  url.password = '';
  return url.toString();
}

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export async function createEmptyDatabase(name: string): Promise<string> {
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  return databaseUrl(name);
}

export interface TestDatabase {
  name: string;
  /** As the service's login (DATABASE_URL). */
  url: string;
  /** As the owner (DATABASE_MIGRATION_URL), for set-up and inspection the service may not do. */
  ownerUrl: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, copied from the migrated template (milliseconds, not a
 * migration run), so files run in parallel without seeing each other's rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env[TEMPLATE_ENV];
  if (!template)
    throw new Error(
      `${TEMPLATE_ENV} is not set: run the tests through jest (its global setup makes the template)`,
    );
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  // CREATE DATABASE ... TEMPLATE fails while another session is connected to the template; retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
      break;
    } catch (error) {
      if (attempt >= 20 || (error as { code?: string }).code !== '55006') throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    name,
    url: serviceDatabaseUrl(name),
    ownerUrl: databaseUrl(name),
    drop: () => dropDatabase(name),
  };
}

/**
 * Drops the template and every database copied from it (`<template>_<8 hex>`, leftovers of files
 * that did not close). Exactly those: a bare prefix match (`LIKE 'grants_test_123%'`) would also
 * drop the databases of a run whose process id starts with 123, still running beside this one.
 */
export async function dropTemplateAndCopies(template: string): Promise<void> {
  const copy = new RegExp(`^${template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}_[0-9a-f]{8}$`);
  const names = await admin(async (c) => {
    const result = await c.query<{ datname: string }>('SELECT datname FROM pg_database');
    return result.rows.map((r) => r.datname).filter((name) => name === template || copy.test(name));
  });
  // Copies first: the template cannot be dropped while one is being made from it.
  names.sort((a, b) => Number(a === template) - Number(b === template));
  for (const name of names) await dropDatabase(name);
}
