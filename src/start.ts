import { ConsoleLogger, Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { assertServiceRole } from './database/database-roles';
import { prepareDatabase } from './database/prepare-database';
import { configureHttpApp } from './http-app';

/** Starts the process in its role: HTTP API, job worker, or both. */
export async function start(config: AppConfig): Promise<void> {
  // Until pino takes over inside Nest, log start-up steps as JSON lines too.
  if (!config.log.pretty) NestLogger.overrideLogger(new ConsoleLogger({ json: true, colors: false }));
  if (config.env === 'production' && config.demoMode) {
    new NestLogger('Config').warn(
      'DEMO_MODE is on: demo users with a published password may be seeded and a published JWT_SECRET is accepted. A trial only, never for real users.',
    );
  }
  await prepareDatabase(config.database, new NestLogger('Database'));
  await assertServiceRole(config.database.url);
  if (config.role === 'worker') {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { bufferLogs: true });
    app.useLogger(app.get(Logger));
    app.enableShutdownHooks();
    app.get(Logger).log('Worker started');
    return;
  }
  const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  configureHttpApp(app, config);
  await app.listen(config.port);
  app
    .get(Logger)
    .log(
      `${config.role === 'all' ? 'API and worker' : 'API'} listening on port ${config.port}; docs at /api/docs`,
    );
}
