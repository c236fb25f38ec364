// Entry point of the service; APP_ROLE chooses api, worker or all (the default: both in one process).
import 'reflect-metadata';
import { configOrExit, start } from './start';

void start(configOrExit(process.env)).catch((error: unknown) => {
  process.stderr.write(
    `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
