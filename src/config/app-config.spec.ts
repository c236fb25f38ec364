import { ConfigError, parseConfig, PUBLISHED_JWT_SECRETS } from './app-config';

describe('parseConfig', () => {
  it('works with no environment at all on a machine with local PostgreSQL and Redis', () => {
    const config = parseConfig({});
    expect(config.port).toBe(3000);
    // The service runs as a login that owns nothing; migrations run as the owner.
    expect(config.database.url).toBe('postgres://grants_app@127.0.0.1:5432/grants');
    expect(config.database.migrationUrl).toBe('postgres://postgres@127.0.0.1:5432/grants');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.role).toBe('all');
    expect(config.database.runMigrations).toBe(true);
    expect(config.database.seedOnEmpty).toBe(true);
    // BullMQ's own defaults for job locks and stalled-job checks.
    expect(config.jobs).toMatchObject({ lockDurationMs: 30_000, stalledIntervalMs: 30_000, concurrency: 8 });
    expect(config.mail.publicUrl).toBe('http://localhost:3000');
  });

  it('logs journal entries by default; an HTTP archive needs its URL', () => {
    expect(parseConfig({}).archive).toMatchObject({ adapter: 'none', url: null, attempts: 12 });
    expect(
      parseConfig({ ARCHIVE_ADAPTER: 'http', ARCHIVE_URL: 'https://arkiv.example/noark5' }).archive,
    ).toMatchObject({ adapter: 'http', url: 'https://arkiv.example/noark5' });
    expect(() => parseConfig({ ARCHIVE_ADAPTER: 'http' })).toThrow(
      'Configuration error: ARCHIVE_URL must be set when ARCHIVE_ADAPTER=http',
    );
    expect(() =>
      parseConfig({ ARCHIVE_ADAPTER: 'http', ARCHIVE_URL: 'x', ARCHIVE_TOKEN: 'hemmelig' }),
    ).toThrow(/ARCHIVE_URL/);
    expect(() => parseConfig({ ARCHIVE_ATTEMPTS: '0' })).toThrow(/ARCHIVE_ATTEMPTS/);
  });

  it('reads the public URL e-mails link to, without a trailing slash', () => {
    expect(parseConfig({ PUBLIC_URL: 'https://tilskudd.example.no/' }).mail.publicUrl).toBe(
      'https://tilskudd.example.no',
    );
  });

  it('reads the conventional variable names', () => {
    const config = parseConfig({
      PORT: '8080',
      DATABASE_URL: 'postgresql://app:secret@db:5432/grants',
      REDIS_URL: 'redis://cache:6380/2',
      APP_ROLE: 'worker',
      MIGRATIONS_RUN: 'false',
      QUEUE_LOCK_DURATION_MS: '2000',
      QUEUE_STALLED_INTERVAL_MS: '1000',
    });
    expect(config).toMatchObject({
      port: 8080,
      role: 'worker',
      database: { url: 'postgresql://app:secret@db:5432/grants', runMigrations: false },
      redis: { url: 'redis://cache:6380/2' },
      jobs: { lockDurationMs: 2000, stalledIntervalMs: 1000 },
    });
  });

  it('derives the owner from the service URL unless DATABASE_MIGRATION_URL names it', () => {
    expect(parseConfig({ DATABASE_URL: 'postgres://svc:pw@db:5433/x' }).database.migrationUrl).toBe(
      'postgres://postgres@db:5433/x',
    );
    expect(
      parseConfig({
        DATABASE_URL: 'postgres://svc:pw@db/x',
        DATABASE_MIGRATION_URL: 'postgres://owner:secret@db/x',
      }).database,
    ).toMatchObject({ url: 'postgres://svc:pw@db/x', migrationUrl: 'postgres://owner:secret@db/x' });
  });

  it('treats an empty variable as unset', () => {
    expect(parseConfig({ PORT: '' }).port).toBe(3000);
  });

  it.each([
    [{ PORT: 'abc' }, /^Configuration error: PORT must be a whole number between 1 and 65535 \(got "abc"\)$/],
    [{ PORT: '70000' }, /^Configuration error: PORT must be a whole number/],
    [
      { DATABASE_URL: 'mysql://x/y' },
      /^Configuration error: DATABASE_URL must be a URL starting with postgres:\/\//,
    ],
    [{ REDIS_URL: 'not a url' }, /^Configuration error: REDIS_URL must be a URL starting with redis:\/\//],
    [
      { PUBLIC_URL: 'tilskudd.example.no' },
      /^Configuration error: PUBLIC_URL must be a URL starting with http:\/\/ or https:\/\//,
    ],
    [{ APP_ROLE: 'both' }, /^Configuration error: APP_ROLE /],
    [{ MIGRATIONS_RUN: 'maybe' }, /^Configuration error: MIGRATIONS_RUN must be one of true, false/],
    [
      { QUEUE_LOCK_DURATION_MS: '500' },
      /^Configuration error: QUEUE_LOCK_DURATION_MS must be a whole number between 1000 and 3600000 \(got "500"\)$/,
    ],
    [
      { JWT_SECRET: 'short' },
      /^Configuration error: JWT_SECRET must be at least 32 characters \(value hidden\)$/,
    ],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    try {
      parseConfig(env);
    } catch (error) {
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('refuses to run in production with the development signing secret', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(
      /^Configuration error: JWT_SECRET must be set in production/,
    );
  });

  it('does not create databases or seed demo users in production', () => {
    const config = parseConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(config.database.seedOnEmpty).toBe(false);
    expect(config.database.createIfMissing).toBe(false);
    expect(config.demoMode).toBe(false);
    expect(config.demoDataAllowed).toBe(false);
  });

  it.each(PUBLISHED_JWT_SECRETS)('refuses the published secret %s in production', (secret) => {
    expect(() => parseConfig({ NODE_ENV: 'production', JWT_SECRET: secret })).toThrow(
      /^Configuration error: JWT_SECRET (must be set in production|is a value published in the repository).*\(value hidden\)$/,
    );
  });

  it('refuses SEED_ON_EMPTY in production: demo users have a published password', () => {
    expect(() =>
      parseConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), SEED_ON_EMPTY: 'true' }),
    ).toThrow(/^Configuration error: SEED_ON_EMPTY would seed demo users .*DEMO_MODE=true/);
  });

  it('accepts a published secret and seeds demo users in production only as a declared trial', () => {
    const trial = parseConfig({
      NODE_ENV: 'production',
      JWT_SECRET: PUBLISHED_JWT_SECRETS[1],
      DEMO_MODE: 'true',
    });
    expect(trial).toMatchObject({ demoMode: true, demoDataAllowed: true, database: { seedOnEmpty: true } });
    const quiet = parseConfig({ NODE_ENV: 'production', DEMO_MODE: 'true', SEED_ON_EMPTY: 'false' });
    expect(quiet.database.seedOnEmpty).toBe(false);
  });

  it('seeds an empty database outside production as before, without DEMO_MODE', () => {
    for (const NODE_ENV of ['development', 'test']) {
      const config = parseConfig({ NODE_ENV });
      expect(config).toMatchObject({
        demoMode: false,
        demoDataAllowed: true,
        database: { seedOnEmpty: true },
      });
    }
    expect(parseConfig({ SEED_ON_EMPTY: 'false' }).database.seedOnEmpty).toBe(false);
  });
});
