import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { hostname } from 'node:os';
import { REDIS } from '../redis/redis.module';

/** Sorted set of worker ids (`host:pid`) scored by their last beat (ms); readiness reads the newest. */
export const HEARTBEATS_KEY = 'worker-heartbeats';
export const HEARTBEAT_INTERVAL_MS = 10_000;
/** A worker whose newest beat is older than this is taken for gone (three beats missed). */
export const HEARTBEAT_STALE_AFTER_MS = 3 * HEARTBEAT_INTERVAL_MS;

/**
 * Milliseconds since the newest heartbeat, of any worker or only of workers on `host` (a container's
 * own worker); null when there is none.
 */
export async function newestHeartbeatAge(redis: Redis, now: number, host?: string): Promise<number | null> {
  const beats = await redis.zrevrange(HEARTBEATS_KEY, 0, host === undefined ? 0 : -1, 'WITHSCORES');
  for (let i = 0; i + 1 < beats.length; i += 2) {
    if (host === undefined || beats[i].startsWith(`${host}:`)) return now - Number(beats[i + 1]);
  }
  return null;
}

/** A worker says it is alive every ten seconds, so the API's readiness can tell whether any worker runs. */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly id = `${hostname()}:${process.pid}`;
  private timer: NodeJS.Timeout | null = null;

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => void this.beat().catch(() => undefined), HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.redis.zrem(HEARTBEATS_KEY, this.id).catch(() => undefined);
  }

  private async beat(): Promise<void> {
    const now = Date.now();
    await this.redis
      .multi()
      .zadd(HEARTBEATS_KEY, now, this.id)
      .zremrangebyscore(HEARTBEATS_KEY, 0, now - 10 * HEARTBEAT_INTERVAL_MS)
      .exec();
  }
}
