import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { databaseUrl, deleteRedisPrefix, dropDatabase, serviceDatabaseUrl, testRedisUrl } from '@lib/testing';
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

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  return port;
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
      /^Failed to start: The service's database login "\w+" is a superuser, .* \(DATABASE_URL\) .* \(DATABASE_MIGRATION_URL\); see the README, "Database roles"$/,
    );
  }, 60_000);

  it('starts on an empty server: creates the database, migrates, seeds, serves, and demo users log in', async () => {
    const name = `grants_start_${randomBytes(4).toString('hex')}`;
    const prefix = `test-start-${randomBytes(4).toString('hex')}`;
    const port = await freePort();
    const child = run('src/main.ts', {
      PORT: String(port),
      // Only the service's login: the owner (postgres) is derived from it, as on a fresh machine.
      DATABASE_URL: serviceDatabaseUrl(name),
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: prefix,
    });
    const base = `http://127.0.0.1:${port}`;
    try {
      let ready = false;
      // ts-node compiles the whole service first, which takes a while on a busy machine.
      for (let i = 0; i < 200 && !ready && child.exitCode === null; i++) {
        await new Promise((r) => setTimeout(r, 200));
        ready = await fetch(`${base}/api/v1/health/ready`).then(
          (r) => r.ok,
          () => false,
        );
      }
      expect(ready).toBe(true);
      expect((await fetch(`${base}/api/docs`)).status).toBe(200);
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEMO_STAFF[0].email, password: DEMO_PASSWORD }),
      });
      expect(login.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit').catch(() => undefined);
      await dropDatabase(name);
      await deleteRedisPrefix(prefix);
    }
  }, 60_000);
});
