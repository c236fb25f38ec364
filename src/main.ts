// Entry point of the service; APP_ROLE chooses api, worker or all (the default: both in one process).
import 'reflect-metadata';
import { configOrExit } from './config/config-or-exit';

// The configuration is checked before the application is loaded, so a bad variable fails fast.
const config = configOrExit(process.env);
void import('./start')
  .then(({ start }) => start(config))
  .catch((error: unknown) => {
    // A refused database role is a configuration problem: its message says what to change.
    const shown =
      error instanceof Error
        ? error.name === 'DatabaseRoleError'
          ? error.message
          : (error.stack ?? error.message)
        : String(error);
    process.stderr.write(`Failed to start: ${shown}\n`);
    process.exit(1);
  });
