import { Inject } from '@nestjs/common';
import { getConfigToken, registerAs } from '@nestjs/config';
import { z } from 'zod';

/** Raised when the environment is missing or malformed; the message is one line naming the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const booleanFlag = z
  .string()
  .trim()
  .toLowerCase()
  .refine(
    (v) => ['true', 'false', '1', '0', 'yes', 'no'].includes(v),
    'must be one of true, false, 1, 0, yes, no',
  )
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `must be a whole number between ${min} and ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be a whole number between ${min} and ${max}`);

const urlWithScheme = (...schemes: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return schemes.includes(new URL(value).protocol.replace(/:$/, ''));
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${schemes.map((s) => `${s}://`).join(' or ')}`,
  );

/** Development-only signing secret; refused when NODE_ENV=production (unless DEMO_MODE). */
const DEV_JWT_SECRET = 'development-only-secret-change-me-in-production';

/**
 * Secrets written in this repository (the development default, docker-compose's trial value):
 * anyone can sign tokens with them, so production refuses them unless it is a declared trial.
 */
export const PUBLISHED_JWT_SECRETS: readonly string[] = [
  DEV_JWT_SECRET,
  'change-me-this-is-only-a-trial-secret-0123456789',
];

/**
 * Every variable the service reads, with its default. `process.env` is read nowhere else:
 * `main.ts` and `worker.ts` hand the environment to `parseConfig` once at start.
 */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: integer(1, 65535).default(3000),
    // The service's login: owns nothing, is no superuser, and may only append to the history tables.
    DATABASE_URL: urlWithScheme('postgres', 'postgresql').default(
      'postgres://grants_app@127.0.0.1:5432/grants',
    ),
    // The owner of the schema, for migrations and start-up preparation only (resolved below).
    DATABASE_MIGRATION_URL: urlWithScheme('postgres', 'postgresql').optional(),
    DATABASE_POOL_SIZE: integer(1, 200).default(10),
    REDIS_URL: urlWithScheme('redis', 'rediss').default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z
      .string()
      .regex(/^[a-z0-9_:-]{1,64}$/i, 'must be 1-64 letters, digits, _ : or -')
      .default('grants'),
    REDIS_REQUIRE_NOEVICTION: booleanFlag.default(false),
    APP_ROLE: z.enum(['api', 'worker', 'all']).default('all'),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_JWT_SECRET),
    JWT_TTL_SECONDS: integer(60, 86_400).default(900),
    MIGRATIONS_RUN: booleanFlag.default(true),
    // Both default to on outside production and off in it (resolved below).
    DATABASE_CREATE: booleanFlag.optional(),
    SEED_ON_EMPTY: booleanFlag.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_PRETTY: booleanFlag.default(false),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, 'must be a size such as 512kb or 1mb')
      .default('1mb'),
    OUTBOX_POLL_MS: integer(10, 60_000).default(250),
    // Unset: e-mails are rendered and recorded as `logged`, not sent.
    SMTP_URL: urlWithScheme('smtp', 'smtps').optional(),
    MAIL_FROM: z.string().min(3).default('Tilskudd <noreply@tilskudd.invalid>'),
    // Where people open the web app: e-mails link to their case under it.
    PUBLIC_URL: urlWithScheme('http', 'https').default('http://localhost:3000'),
    SWEEP_INTERVAL_SECONDS: integer(1, 86_400).default(300),
    // BullMQ's own defaults: a running job's lock lasts this long unless its worker renews it (at half
    // the time), and workers look for jobs whose lock ran out (their worker died) this often.
    QUEUE_LOCK_DURATION_MS: integer(1000, 3_600_000).default(30_000),
    QUEUE_STALLED_INTERVAL_MS: integer(1000, 3_600_000).default(30_000),
    QUEUE_CONCURRENCY: integer(1, 100).default(8),
    LOGIN_RATE_LIMIT: integer(1, 10_000).default(5),
    LOGIN_RATE_WINDOW_SECONDS: integer(1, 86_400).default(60),
    // Per address over every account: one password sprayed across many e-mails.
    LOGIN_ADDRESS_RATE_LIMIT: integer(1, 100_000).default(30),
    QUEUE_DASHBOARD: booleanFlag.default(true),
    // Attachments (vedlegg): where their bytes are kept (not in the database), and the largest file.
    ATTACHMENT_DIR: z.string().min(1).default('data/attachments'),
    ATTACHMENT_MAX_BYTES: integer(1024, 1_073_741_824).default(20 * 1024 * 1024),
    // Unset: attachments are not scanned. host:port of a ClamAV daemon (clamd) to scan each upload.
    CLAMD_ADDRESS: z
      .string()
      .regex(/^[\w.-]+:\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:3310')
      .optional(),
    // The archive (arkiv) journal entries are delivered to: none (logged only) or http (ARCHIVE_URL).
    ARCHIVE_ADAPTER: z.enum(['none', 'http']).default('none'),
    ARCHIVE_URL: urlWithScheme('http', 'https').optional(),
    // Sent as `Authorization: Bearer …` to the archive, when set.
    ARCHIVE_TOKEN: z.string().min(1).optional(),
    ARCHIVE_TIMEOUT_MS: integer(100, 600_000).default(30_000),
    // Retries of a failed delivery: how many attempts in all, and the first wait (doubling after).
    ARCHIVE_ATTEMPTS: integer(1, 100).default(12),
    ARCHIVE_RETRY_DELAY_MS: integer(10, 3_600_000).default(5_000),
    // A trial installation: demo users with the README's password, and a published JWT_SECRET.
    DEMO_MODE: booleanFlag.default(false),
  })
  .superRefine((env, ctx) => {
    if (env.ARCHIVE_ADAPTER === 'http' && !env.ARCHIVE_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['ARCHIVE_URL'],
        message: 'must be set when ARCHIVE_ADAPTER=http',
      });
    if (env.NODE_ENV !== 'production' || env.DEMO_MODE) return;
    if (env.JWT_SECRET === DEV_JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be set in production' });
    } else if (PUBLISHED_JWT_SECRETS.includes(env.JWT_SECRET)) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message:
          'is a value published in the repository: set a secret of your own (DEMO_MODE=true for a trial)',
      });
    }
    if (env.SEED_ON_EMPTY) {
      ctx.addIssue({
        code: 'custom',
        path: ['SEED_ON_EMPTY'],
        message: 'would seed demo users with a published password: production seeds only with DEMO_MODE=true',
      });
    }
  });

export type Env = Record<string, string | undefined>;

/** The service's URL with the user `postgres` and no password: the owner on a fresh local server. */
export function asOwner(serviceUrl: string): string {
  const url = new URL(serviceUrl);
  url.username = 'postgres';
  url.password = '';
  return url.toString();
}

function parseHostPort(address: string): { host: string; port: number } {
  const at = address.lastIndexOf(':');
  return { host: address.slice(0, at), port: Number(address.slice(at + 1)) };
}

/** Parses and validates the environment. Throws `ConfigError` naming the first bad variable. */
export function parseConfig(env: Env) {
  // Empty strings count as unset, as a shell `VAR=` usually means "use the default".
  const relevant = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(relevant);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue.path[0] ?? 'environment');
    const got = env[name];
    const shown =
      got === undefined
        ? 'it is not set'
        : name.includes('SECRET') || name.includes('TOKEN')
          ? 'value hidden'
          : `got "${got}"`;
    throw new ConfigError(`Configuration error: ${name} ${issue.message} (${shown})`);
  }
  const e = result.data;
  return {
    env: e.NODE_ENV,
    demoMode: e.DEMO_MODE,
    /** Demo users (published password) may be written: outside production, or in a declared trial. */
    demoDataAllowed: e.NODE_ENV !== 'production' || e.DEMO_MODE,
    port: e.PORT,
    role: e.APP_ROLE,
    database: {
      url: e.DATABASE_URL,
      migrationUrl: e.DATABASE_MIGRATION_URL ?? asOwner(e.DATABASE_URL),
      poolSize: e.DATABASE_POOL_SIZE,
      runMigrations: e.MIGRATIONS_RUN,
      createIfMissing: e.DATABASE_CREATE ?? e.NODE_ENV !== 'production',
      // In production only a declared trial (DEMO_MODE) seeds; the schema refuses SEED_ON_EMPTY otherwise.
      seedOnEmpty: e.SEED_ON_EMPTY ?? (e.NODE_ENV !== 'production' || e.DEMO_MODE),
    },
    redis: { url: e.REDIS_URL, keyPrefix: e.REDIS_PREFIX, requireNoEviction: e.REDIS_REQUIRE_NOEVICTION },
    jobs: {
      outboxPollMs: e.OUTBOX_POLL_MS,
      sweepIntervalSeconds: e.SWEEP_INTERVAL_SECONDS,
      lockDurationMs: e.QUEUE_LOCK_DURATION_MS,
      stalledIntervalMs: e.QUEUE_STALLED_INTERVAL_MS,
      concurrency: e.QUEUE_CONCURRENCY,
    },
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM, publicUrl: e.PUBLIC_URL.replace(/\/+$/, '') },
    auth: {
      jwtSecret: e.JWT_SECRET,
      jwtTtlSeconds: e.JWT_TTL_SECONDS,
      loginRateLimit: e.LOGIN_RATE_LIMIT,
      loginRateWindowSeconds: e.LOGIN_RATE_WINDOW_SECONDS,
      loginAddressRateLimit: e.LOGIN_ADDRESS_RATE_LIMIT,
    },
    attachments: {
      directory: e.ATTACHMENT_DIR,
      maxBytes: e.ATTACHMENT_MAX_BYTES,
      clamd: e.CLAMD_ADDRESS ? parseHostPort(e.CLAMD_ADDRESS) : null,
    },
    archive: {
      adapter: e.ARCHIVE_ADAPTER,
      url: e.ARCHIVE_URL ?? null,
      token: e.ARCHIVE_TOKEN ?? null,
      timeoutMs: e.ARCHIVE_TIMEOUT_MS,
      attempts: e.ARCHIVE_ATTEMPTS,
      retryDelayMs: e.ARCHIVE_RETRY_DELAY_MS,
    },
    http: { bodyLimit: e.BODY_LIMIT, queueDashboard: e.QUEUE_DASHBOARD },
    log: { level: e.LOG_LEVEL, pretty: e.LOG_PRETTY },
  };
}

export type AppConfig = ReturnType<typeof parseConfig>;
export type AppRole = AppConfig['role'];

const NAMESPACE = 'app';

/** `@nestjs/config` namespace holding the already parsed configuration. */
export const appConfigNamespace = (config: AppConfig) => registerAs(NAMESPACE, () => config);

/** Provider token of the typed `AppConfig`, for factories' `inject: [APP_CONFIG]`. */
export const APP_CONFIG = getConfigToken(NAMESPACE);

/** Injects the typed `AppConfig`: `constructor(@InjectConfig() config: AppConfig)`. */
export const InjectConfig = () => Inject(APP_CONFIG);
