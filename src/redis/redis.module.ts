import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RedisPolicyCheck } from './redis-policy';
import { REDIS } from './redis.token';

export { REDIS } from './redis.token';

class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Redis(config.redis.url, { keyPrefix: `${config.redis.keyPrefix}:` }),
    },
    RedisCloser,
    RedisPolicyCheck,
  ],
  exports: [REDIS],
})
export class RedisModule {}
