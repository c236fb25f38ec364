import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';

/** Linux's range for `listen(0)` and outgoing connections; ports below it are never handed out. */
function ephemeralLow(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    return Number(low) || 32768;
  } catch {
    return 32768;
  }
}

async function isFree(port: number): Promise<boolean> {
  const server = createServer();
  server.listen(port, '127.0.0.1');
  const outcome = await Promise.race([
    once(server, 'listening').then(() => true),
    once(server, 'error').then(() => false),
  ]);
  if (outcome) await new Promise((resolve) => server.close(resolve));
  return outcome;
}

/**
 * A port for a child process to listen on. Taken at random below the ephemeral range: a port from
 * `listen(0)`, closed and handed on, can meanwhile be given to another test file's server (which
 * then answers our readiness check) or to an outgoing connection, and the child fails to bind.
 */
export async function reserveChildPort(): Promise<number> {
  const high = Math.min(ephemeralLow(), 65536) - 1;
  const low = Math.max(1024, high - 12_000);
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port between ${low} and ${high}`);
}
