// Entry point of a worker-only process (job consumers, no HTTP), for scaling workers apart from the API.
import 'reflect-metadata';
import { configOrExit, start } from './start';

void start(configOrExit(process.env, 'worker')).catch((error: unknown) => {
  process.stderr.write(
    `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
