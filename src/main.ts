// Entry point of the service; APP_ROLE chooses api, worker or all (the default: both in one process).
import 'reflect-metadata';
import { configOrExit, exitOnStartFailure } from './config/config-or-exit';

// The configuration is checked before the application is loaded, so a bad variable fails fast.
const config = configOrExit(process.env);
void import('./start').then(({ start }) => start(config)).catch(exitOnStartFailure);
