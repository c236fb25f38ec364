import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestDatabase,
  deleteRedisPrefix,
  reserveChildPort,
  TestDatabase,
  testRedisUrl,
  uniqueRedisPrefix,
} from '@lib/testing';
import { buildIfChanged, sourceFingerprint } from '../../scripts/build-if-changed';

const ROOT = join(__dirname, '..', '..');

/** Started in a process group of its own, so `npm run …` and the node process under it stop together. */
function launch(command: string, args: string[], env: Record<string, string>) {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = once(child, 'exit');
  process.kill(-child.pid!, 'SIGTERM');
  await exit;
}

const status = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(15_000) }).then(
    (r) => r.status,
    () => 0,
  );

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const stop = Date.now() + ms;
  while (Date.now() < stop) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

describe('starting beside a running process', () => {
  beforeAll(async () => {
    // Once per checkout (or after a source change); a no-op when dist/ is current.
    await buildIfChanged(ROOT, () => undefined);
  }, 300_000);

  it('fingerprints the sources by content: an edit rebuilds, a mere touch does not', () => {
    const root = mkdtempSync(join(tmpdir(), 'fingerprint-'));
    try {
      mkdirSync(join(root, 'src'));
      writeFileSync(join(root, 'src', 'main.ts'), 'export const a = 1;\n');
      const first = sourceFingerprint(root);
      utimesSync(join(root, 'src', 'main.ts'), new Date(), new Date(Date.now() + 60_000));
      expect(sourceFingerprint(root)).toBe(first);
      writeFileSync(join(root, 'src', 'main.ts'), 'export const a = 2;\n');
      expect(sourceFingerprint(root)).not.toBe(first);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('does nothing when dist/ is built, and leaves dist/ in place', async () => {
    const marker = join(ROOT, 'dist', `.still-here-${process.pid}`);
    writeFileSync(marker, '');
    const stamp = readFileSync(join(ROOT, 'dist', '.build-stamp'), 'utf8');
    try {
      const build = launch('npm', ['run', '--silent', 'build:if-changed'], {});
      const [code] = (await once(build.child, 'exit')) as [number | null];
      expect(code).toBe(0);
      expect(build.output()).toContain('up to date');
      expect(existsSync(marker)).toBe(true);
      expect(readFileSync(join(ROOT, 'dist', '.build-stamp'), 'utf8')).toBe(stamp);
    } finally {
      rmSync(marker, { force: true });
    }
  }, 60_000);

  it('starts a worker with npm run start:worker beside a running API: the API keeps answering', async () => {
    const database: TestDatabase = await createTestDatabase();
    const prefix = uniqueRedisPrefix();
    const port = await reserveChildPort();
    const env = {
      NODE_ENV: 'test',
      PORT: String(port),
      DATABASE_URL: database.url,
      DATABASE_CREATE: 'false',
      SEED_ON_EMPTY: 'false',
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: prefix,
    };
    const base = `http://127.0.0.1:${port}/api/v1/health`;
    const api = launch('node', ['dist/src/main.js'], { ...env, APP_ROLE: 'api' });
    let worker: ReturnType<typeof launch> | undefined;
    try {
      expect(await until(async () => (await status(`${base}/live`)) === 200, 90_000)).toBe(true);
      // No worker yet: the API answers, but is not ready.
      expect(await status(`${base}/ready`)).toBe(503);

      worker = launch('npm', ['run', '--silent', 'start:worker'], env);
      const answers: number[] = [];
      const ready = await until(async () => {
        answers.push(await status(`${base}/live`));
        return (await status(`${base}/ready`)) === 200;
      }, 90_000);
      expect({ ready, output: worker.output() }).toMatchObject({ ready: true });
      expect(worker.output()).toContain('up to date');
      // The API never stopped answering while the worker started from the same dist/.
      expect(answers.every((s) => s === 200)).toBe(true);
      expect(api.child.exitCode).toBeNull();
      expect(existsSync(join(ROOT, 'dist', 'src', 'main.js'))).toBe(true);
    } finally {
      if (worker) await stop(worker.child);
      await stop(api.child);
      await database.drop();
      await deleteRedisPrefix(prefix);
    }
  }, 240_000);
});
