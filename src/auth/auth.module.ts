import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { PasswordHasher } from '@lib/auth';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.module';
import { UserAccount } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { ActorRepository } from './actor.repository';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { BrowserSessions } from './browser-session';
import {
  LOGIN_ADDRESS_THROTTLER,
  LOGIN_THROTTLER,
  loginThrottleKey,
  trackAddress,
  trackAddressAndEmail,
} from './login-throttler.guard';

/** Authentication (who) and role checks (which audience); ownership is the services' part. */
@Module({
  imports: [
    TypeOrmModule.forFeature([UserAccount]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.auth.jwtSecret,
        signOptions: { algorithm: 'HS256', issuer: 'grant-engine' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'grant-engine' },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis) => ({
        throttlers: [
          {
            name: LOGIN_THROTTLER,
            ttl: config.auth.loginRateWindowSeconds * 1000,
            limit: config.auth.loginRateLimit,
            getTracker: trackAddressAndEmail,
            generateKey: loginThrottleKey,
          },
          {
            name: LOGIN_ADDRESS_THROTTLER,
            ttl: config.auth.loginRateWindowSeconds * 1000,
            limit: config.auth.loginAddressRateLimit,
            getTracker: trackAddress,
            generateKey: loginThrottleKey,
          },
        ],
        storage: new ThrottlerStorageRedisService(redis),
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    UsersService,
    ActorRepository,
    PasswordHasher,
    BrowserSessions,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  // The JWT settings and the actor lookup are shared with gates outside Nest's guard (queue dashboard).
  exports: [PasswordHasher, JwtModule, ActorRepository],
})
export class AuthModule {}
