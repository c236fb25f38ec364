import Redis from 'ioredis';
import { hostname } from 'node:os';
import type { AppConfig } from '../config/app-config';
import { HEARTBEAT_STALE_AFTER_MS, newestHeartbeatAge } from '../queue/worker-heartbeat';

export interface ProbeResult {
  healthy: boolean;
  detail: string;
}

const TIMEOUT_MS = 3000;

/**
 * The container's health check. A worker serves no HTTP: it is healthy while its own heartbeat (the
 * one readiness reads; members are `host:pid`, and a container's host name is its own) is fresh.
 * A process serving HTTP is healthy when its readiness check answers 200.
 */
export async function probeHealth(config: AppConfig, host = hostname()): Promise<ProbeResult> {
  return config.role === 'worker' ? probeWorker(config, host) : probeHttp(config);
}

async function probeWorker(config: AppConfig, host: string): Promise<ProbeResult> {
  const redis = new Redis(config.redis.url, {
    keyPrefix: `${config.redis.keyPrefix}:`,
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    const age = await newestHeartbeatAge(redis, Date.now(), host);
    if (age === null) return { healthy: false, detail: `no heartbeat from a worker on ${host}` };
    const detail = `last heartbeat from a worker on ${host} ${Math.round(age / 1000)} s ago`;
    return { healthy: age < HEARTBEAT_STALE_AFTER_MS, detail };
  } catch (error) {
    return { healthy: false, detail: `Redis: ${(error as Error).message}` };
  } finally {
    redis.disconnect();
  }
}

async function probeHttp(config: AppConfig): Promise<ProbeResult> {
  const url = `http://127.0.0.1:${config.port}/api/v1/health/ready`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    return { healthy: response.ok, detail: `${url} answered ${response.status}` };
  } catch (error) {
    return { healthy: false, detail: `${url}: ${(error as Error).message}` };
  }
}
