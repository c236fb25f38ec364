import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type Redis from 'ioredis';
import { ApiProblems } from '@lib/common';
import { Public } from '../auth/auth.decorators';
import { HEARTBEAT_STALE_AFTER_MS, newestHeartbeatAge } from '../queue/worker-heartbeat';
import { REDIS } from '../redis/redis.module';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers (no dependencies checked)' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { status: { type: 'string', enum: ['ok'] } },
      required: ['status'],
    },
  })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  // Terminus documents its 503 as its own JSON; the problem details filter answers it as a Problem.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis answer and a worker is alive; 503 otherwise' })
  @ApiOkResponse({
    description: 'Ready: every check is up',
    schema: {
      type: 'object',
      required: ['status', 'details'],
      properties: {
        status: { type: 'string', enum: ['ok'] },
        info: { type: 'object', additionalProperties: true, example: { database: { status: 'up' } } },
        details: { type: 'object', additionalProperties: true, example: { database: { status: 'up' } } },
      },
    },
  })
  @ApiProblems({ 503: "Not ready: the problem's `checks` say which of database, redis and worker is down" })
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2000 }),
      () => this.redisCheck(),
      () => this.workerCheck(),
    ]);
  }

  /** Deadlines and e-mails need a worker: up when one has beaten within 30 seconds. */
  private async workerCheck() {
    const check = this.indicators.check('worker');
    const age = await newestHeartbeatAge(this.redis, Date.now()).catch(() => null);
    const ageSeconds = age === null ? null : Math.round(age / 1000);
    return age !== null && age < HEARTBEAT_STALE_AFTER_MS
      ? check.up({ lastHeartbeatSecondsAgo: ageSeconds })
      : check.down({
          message: `No worker has sent a heartbeat in the last ${HEARTBEAT_STALE_AFTER_MS / 1000} seconds`,
          lastHeartbeatSecondsAgo: ageSeconds,
        });
  }

  private async redisCheck() {
    const check = this.indicators.check('redis');
    try {
      const reply = await Promise.race([
        this.redis.ping(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('timeout after 2000 ms')), 2000).unref(),
        ),
      ]);
      return reply === 'PONG' ? check.up() : check.down({ message: 'unexpected reply to PING' });
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }
}
