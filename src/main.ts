// Entry point of the service; APP_ROLE chooses api, worker or all (the default: both in one process).
import 'reflect-metadata';
import { configOrExit } from './config/config-or-exit';

// The configuration is checked before the application is loaded, so a bad variable fails fast.
const config = configOrExit(process.env);
void import('./start')
  .then(({ start }) => start(config))
  .catch((error: unknown) => {
    process.stderr.write(
      `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
