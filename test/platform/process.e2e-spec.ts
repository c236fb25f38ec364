import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import {
  databaseUrl,
  deleteRedisPrefix,
  reserveChildPort,
  dropDatabase,
  serviceDatabaseUrl,
  testRedisUrl,
} from '@lib/testing';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../src/seed/demo-data';

const ROOT = join(__dirname, '..', '..');

/** Runs an entry point the way `npm start` does, but from source. */
function run(entry: string, env: Record<string, string>): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', TS_NODE_PROJECT: 'tsconfig.json', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

async function exited(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}

/**
 * Waits for readiness by the clock, not by a number of tries: from source, on a machine busy with
 * other test files, compiling, migrating and seeding take anything from a few seconds to a minute.
 */
async function readyWithin(base: string, child: ChildProcess, ms: number): Promise<boolean> {
  const stop = Date.now() + ms;
  while (Date.now() < stop && child.exitCode === null) {
    const ready = await fetch(`${base}/api/v1/health/ready`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe('the process', () => {
  it.each([
    [
      { PORT: 'eighty' },
      'Configuration error: PORT must be a whole number between 1 and 65535 (got "eighty")',
    ],
    [
      { DATABASE_URL: 'mysql://localhost/x' },
      'Configuration error: DATABASE_URL must be a URL starting with postgres:// or postgresql:// (got "mysql://localhost/x")',
    ],
    [{ NODE_ENV: 'production' }, 'Configuration error: JWT_SECRET must be set in production (it is not set)'],
    [
      { NODE_ENV: 'production', JWT_SECRET: 'change-me-this-is-only-a-trial-secret-0123456789' },
      'Configuration error: JWT_SECRET is a value published in the repository: set a secret of your own (DEMO_MODE=true for a trial) (value hidden)',
    ],
  ])('stops at once on bad configuration %j with one clear line', async (env, line) => {
    const result = await exited(run('src/main.ts', env));
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(line);
  });

  it('refuses to serve as a superuser, with one line saying what to change', async () => {
    const result = await exited(
      run('src/main.ts', {
        DATABASE_URL: databaseUrl('postgres'),
        MIGRATIONS_RUN: 'false',
        DATABASE_CREATE: 'false',
        SEED_ON_EMPTY: 'false',
        REDIS_URL: testRedisUrl(),
      }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^Failed to start: The service's database login "\w+" is a superuser, .* \(DATABASE_URL\) .* \(DATABASE_MIGRATION_URL\); see docs\/operations.md, "Database roles"$/,
    );
  }, 60_000);

  it('starts on an empty server: creates the database, migrates, seeds, serves, and demo users log in', async () => {
    const name = `grants_start_${randomBytes(4).toString('hex')}`;
    const prefix = `test-start-${randomBytes(4).toString('hex')}`;
    const port = await reserveChildPort();
    const child = run('src/main.ts', {
      PORT: String(port),
      // Only the service's login: the owner (postgres) is derived from it, as on a fresh machine.
      DATABASE_URL: serviceDatabaseUrl(name),
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: prefix,
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const base = `http://127.0.0.1:${port}`;
    try {
      const ready = await readyWithin(base, child, 90_000);
      // On failure, show what the process said (a port taken meanwhile, a crash) rather than only `false`.
      expect({ ready, exitCode: child.exitCode, output }).toMatchObject({ ready: true, exitCode: null });
      expect((await fetch(`${base}/api/docs`)).status).toBe(200);
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEMO_STAFF[0].email, password: DEMO_PASSWORD }),
      });
      expect(login.status).toBe(200);
    } finally {
      // Waiting for 'exit' of a process that has already exited would never end.
      if (child.exitCode === null && child.signalCode === null) {
        const exit = once(child, 'exit');
        child.kill('SIGTERM');
        await exit;
      }
      await dropDatabase(name);
      await deleteRedisPrefix(prefix);
    }
  }, 150_000);
});
