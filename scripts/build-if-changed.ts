// `npm start` and `npm run start:worker` build through here: only when the sources changed since the
// last build, and never by deleting dist/, so a second process (a worker beside the API, a second
// API) can start from the checkout another process is running from.
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

/** What the build reads (tsconfig.build.json's include, and the configs themselves). */
const INPUTS = ['src', 'libs', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'];
/** What a start runs; a build that lost one of them is redone. */
const OUTPUTS = ['dist/src/main.js', 'dist/src/worker.js'];
const STAMP = 'dist/.build-stamp';
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
export function sourceFingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const path of INPUTS.flatMap((input) => files(root, input))) {
    hash
      .update(`${path}\0`)
      .update(readFileSync(join(root, path)))
      .update('\0');
  }
  return hash.digest('hex');
}

export function isBuilt(root: string, fingerprint = sourceFingerprint(root)): boolean {
  const stamp = join(root, STAMP);
  return (
    OUTPUTS.every((output) => existsSync(join(root, output))) &&
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

/** Builds into dist/ without deleting it, unless what is there was built from these sources. */
export async function buildIfChanged(
  root: string,
  log: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<boolean> {
  if (isBuilt(root)) {
    log('dist/ is up to date with the sources: not rebuilding');
    return false;
  }
  return withBuildLock(root, () => {
    // Another start may have built it while this one waited for the lock.
    const fingerprint = sourceFingerprint(root);
    if (isBuilt(root, fingerprint)) {
      log('dist/ was just built by another start: not rebuilding');
      return false;
    }
    log('Sources changed since the last build: building into dist/ (kept in place)');
    const nest = join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
    execFileSync(
      process.execPath,
      [nest, 'build', '--config', relative(root, join(__dirname, 'nest-cli.keep-dist.json'))],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    writeFileSync(join(root, STAMP), `${fingerprint}\n`);
    return true;
  });
}

if (require.main === module) {
  buildIfChanged(join(__dirname, '..')).catch((error: unknown) => {
    process.stderr.write(`Build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
