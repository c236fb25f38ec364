// Operator commands: `migrate`, `revert` (the last migration) and `seed` (demo data into an empty database).
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { configOrExit } from './config/config-or-exit';
import { createDataSource } from './database/data-source';
import { ensureDatabaseExists, prepareDatabase } from './database/prepare-database';
import { seedDemoDataIfEmpty } from './seed/demo-data';

async function run(command: string | undefined): Promise<void> {
  const config = configOrExit(process.env);
  const logger = new Logger('cli');
  switch (command) {
    case 'migrate': {
      const ran = await prepareDatabase(
        { ...config.database, runMigrations: true, seedOnEmpty: false },
        logger,
      );
      logger.log(ran.length ? `Applied ${ran.length} migration(s)` : 'The schema is up to date');
      return;
    }
    case 'revert': {
      const dataSource = await createDataSource({
        url: config.database.migrationUrl,
        poolSize: 1,
      }).initialize();
      await dataSource.undoLastMigration({ transaction: 'each' });
      await dataSource.destroy();
      return;
    }
    case 'seed': {
      if (!config.demoDataAllowed) {
        process.stderr.write(
          'Refusing to seed demo users (their password is published) in production; set DEMO_MODE=true for a trial\n',
        );
        process.exit(1);
      }
      if (config.database.createIfMissing) await ensureDatabaseExists(config.database.migrationUrl);
      await prepareDatabase({ ...config.database, runMigrations: true, seedOnEmpty: false }, logger);
      const dataSource = await createDataSource({
        url: config.database.migrationUrl,
        poolSize: 1,
      }).initialize();
      const seeded = await seedDemoDataIfEmpty(dataSource.manager);
      await dataSource.destroy();
      logger.log(seeded ? 'Seeded demo data' : 'The database already has data; nothing seeded');
      return;
    }
    case undefined:
    default:
      process.stderr.write('Usage: cli migrate | revert | seed\n');
      process.exit(2);
  }
}

run(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
