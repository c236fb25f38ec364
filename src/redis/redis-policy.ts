import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig, InjectConfig } from '../config/app-config';
import { REDIS } from './redis.token';

/**
 * BullMQ loses jobs when Redis evicts keys under memory pressure. Start-up checks the eviction
 * policy: anything but `noeviction` is a loud warning, or a refusal to start with
 * REDIS_REQUIRE_NOEVICTION=true. (Deadlines survive a loss anyway: the sweeper re-arms them.)
 */
@Injectable()
export class RedisPolicyCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('Redis');

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const policy = await this.evictionPolicy();
    if (policy === 'noeviction') return;
    const message = `Redis maxmemory-policy is "${policy}", not "noeviction": under memory pressure Redis may drop queued jobs`;
    if (this.config.redis.requireNoEviction)
      throw new Error(`${message}. Refusing to start (REDIS_REQUIRE_NOEVICTION=true).`);
    this.logger.warn(`${message}. Set maxmemory-policy noeviction.`);
  }

  async evictionPolicy(): Promise<string> {
    const info = await this.redis.info('memory');
    return /maxmemory_policy:(\S+)/.exec(info)?.[1] ?? 'unknown';
  }
}
