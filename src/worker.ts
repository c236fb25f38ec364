// Entry point of a worker-only process (job consumers, no HTTP), for scaling workers apart from the API.
import 'reflect-metadata';
import { configOrExit, exitOnStartFailure } from './config/config-or-exit';

// The configuration is checked before the application is loaded, so a bad variable fails fast.
const config = configOrExit(process.env, 'worker');
void import('./start').then(({ start }) => start(config)).catch(exitOnStartFailure);
