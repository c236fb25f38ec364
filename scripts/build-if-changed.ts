// `npm start` and `npm run start:worker` build through here: only when the sources changed since the
// last build, and never by deleting dist/, so a second process (a worker beside the API, a second
// API) can start from the checkout another process is running from. The server (dist/src) and the
// web app (dist/web) are fingerprinted apart, so the browser tests' set-up rebuilds only the web app.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';

export interface Target {
  name: string;
  /** What the build reads. */
  inputs: string[];
  /** What a start serves or runs; a build that lost one of them is redone. */
  outputs: string[];
  stamp: string;
  /** The build, as a node script and its arguments, from the checkout's root. */
  command(root: string): string[];
}

const SERVER: Target = {
  name: 'dist/',
  // tsconfig.build.json's include, and the configs themselves.
  inputs: ['src', 'libs', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'],
  outputs: ['dist/src/main.js', 'dist/src/worker.js'],
  stamp: 'dist/.build-stamp',
  command: (root) => [
    join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'),
    'build',
    '--config',
    relative(root, join(__dirname, 'nest-cli.keep-dist.json')),
  ],
};

export const WEB: Target = {
  name: 'dist/web/',
  // The app, its configuration, and the locked dependency versions it bundles.
  inputs: ['web/src', 'web/index.html', 'web/vite.config.mts', 'web/tsconfig.json', 'package-lock.json'],
  outputs: ['dist/web/index.html'],
  // Beside dist/web, which Vite empties on every build.
  stamp: 'dist/.web-build-stamp',
  command: (root) => [
    join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--config',
    'web/vite.config.mts',
    '--logLevel',
    'warn',
  ],
};

const LOCK = 'dist/.build-lock';
const LOCK_STALE_MS = 10 * 60_000;

function files(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => files(root, join(path, name)));
}

/** A hash of every input's path and content: touching a file without changing it rebuilds nothing. */
export function sourceFingerprint(root: string, target: Target = SERVER): string {
  const hash = createHash('sha256');
  for (const path of target.inputs.flatMap((input) => files(root, input))) {
    hash
      .update(`${path}\0`)
      .update(readFileSync(join(root, path)))
      .update('\0');
  }
  return hash.digest('hex');
}

export function isBuilt(
  root: string,
  target: Target = SERVER,
  fingerprint = sourceFingerprint(root, target),
): boolean {
  const stamp = join(root, target.stamp);
  return (
    target.outputs.every((output) => existsSync(join(root, output))) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8').trim() === fingerprint
  );
}

/** Serialises builds of one checkout (two starts at once); a lock left by a killed build expires. */
async function withBuildLock<T>(root: string, work: () => T): Promise<T> {
  const lock = join(root, LOCK);
  mkdirSync(join(root, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const takenAt = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - takenAt > LOCK_STALE_MS) rmdirSync(lock);
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return work();
  } finally {
    rmdirSync(lock);
  }
}

/** Builds one target into dist/ without deleting dist/, unless what is there was built from these sources. */
export async function buildTargetIfChanged(
  root: string,
  target: Target,
  log: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<boolean> {
  if (isBuilt(root, target)) {
    log(`${target.name} is up to date with the sources: not rebuilding`);
    return false;
  }
  return withBuildLock(root, () => {
    // Another start may have built it while this one waited for the lock.
    const fingerprint = sourceFingerprint(root, target);
    if (isBuilt(root, target, fingerprint)) {
      log(`${target.name} was just built by another start: not rebuilding`);
      return false;
    }
    log(`Sources changed since the last build: building into ${target.name} (kept in place)`);
    execFileSync(process.execPath, target.command(root), { cwd: root, stdio: 'inherit' });
    writeFileSync(join(root, target.stamp), `${fingerprint}\n`);
    return true;
  });
}

/** The server and the web app, each only if its sources changed. */
export async function buildIfChanged(
  root: string,
  log: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<boolean> {
  const server = await buildTargetIfChanged(root, SERVER, log);
  const web = await buildTargetIfChanged(root, WEB, log);
  return server || web;
}

if (require.main === module) {
  buildIfChanged(join(__dirname, '..')).catch((error: unknown) => {
    process.stderr.write(`Build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
