import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export interface Child {
  process: ChildProcess;
  /** The last 20 kB it printed, for error messages. */
  output(): string;
  /** Resolves with the first line of stdout that `match` accepts. */
  waitForLine(match: (line: string) => boolean, timeoutMs: number): Promise<string>;
  exited(): boolean;
}

const running = new Set<ChildProcess>();

/**
 * Runs a TypeScript entry point of this repository (src/main.ts, src/worker.ts or a bench child) in a
 * process of its own, from source, as the e2e tests' worker-crash drill does.
 */
export function spawnTs(
  entry: string,
  env: Record<string, string | undefined>,
  options: { stdin?: boolean } = {},
): Child {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', TS_NODE_PROJECT: 'tsconfig.json', ...env },
      stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  let pending = '';
  const lineWaiters: Array<{ match: (line: string) => boolean; resolve: (line: string) => void }> = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-20_000);
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      for (const waiter of [...lineWaiters]) {
        if (waiter.match(line)) {
          lineWaiters.splice(lineWaiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  return {
    process: child,
    output: () => output,
    exited,
    waitForLine(match, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`no matching line from ${entry} within ${timeoutMs} ms:\n${output.slice(-3000)}`));
        }, timeoutMs);
        const onExit = () => {
          clearTimeout(timer);
          reject(
            new Error(
              `${entry} exited (${child.exitCode ?? child.signalCode}) first:\n${output.slice(-3000)}`,
            ),
          );
        };
        child.once('exit', onExit);
        lineWaiters.push({
          match,
          resolve: (line) => {
            clearTimeout(timer);
            child.off('exit', onExit);
            resolve(line);
          },
        });
      });
    },
  };
}

/** SIGKILL, and wait for the exit. */
export async function kill9(child: Child): Promise<void> {
  if (child.exited()) return;
  const exit = once(child.process, 'exit');
  child.process.kill('SIGKILL');
  await exit;
}

/** Stops a child politely (SIGTERM, then SIGKILL after `graceMs`). */
export async function stop(child: Child, graceMs = 10_000): Promise<void> {
  if (child.exited()) return;
  const exit = once(child.process, 'exit');
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  await exit;
  clearTimeout(timer);
}

/** Kills every child this process started and has not seen exit (on the way out). */
export async function killChildren(): Promise<void> {
  await Promise.all(
    [...running].map(async (child) => {
      const exit = once(child, 'exit');
      child.kill('SIGKILL');
      await exit;
    }),
  );
}
