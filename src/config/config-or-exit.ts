import { AppConfig, AppRole, ConfigError, Env, parseConfig } from './app-config';

/**
 * Parses the environment or stops the process with one line naming the bad variable. Kept apart
 * from the application so that a bad variable is reported before anything heavy is loaded.
 */
export function configOrExit(env: Env, role?: AppRole): AppConfig {
  try {
    const config = parseConfig(env);
    return role ? { ...config, role } : config;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Ends a process whose start failed: a refused database role is a configuration problem, its message says what to change. */
export function exitOnStartFailure(error: unknown): never {
  const shown =
    error instanceof Error
      ? error.name === 'DatabaseRoleError'
        ? error.message
        : (error.stack ?? error.message)
      : String(error);
  process.stderr.write(`Failed to start: ${shown}\n`);
  process.exit(1);
}
