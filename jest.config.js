// Unit tests (*.spec.ts beside the code, and test/**/*.spec.ts for checks of the repository as a whole,
// such as the architecture lint rules) need no services; end-to-end and integration tests
// (test/**/*.e2e-spec.ts) each get a fresh database copied from a migrated template and a Redis
// key prefix of their own, so files run in parallel. Browser tests (test/browser/**/*.browser-spec.ts)
// do the same with the app on a port and Chromium driving the web app, built first if it is stale.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] };
const moduleNameMapper = {
  '^@lib/(\\w+)$': '<rootDir>/libs/$1/src',
  '^@lib/(\\w+)/(.*)$': '<rootDir>/libs/$1/src/$2',
  '^@test/(.*)$': '<rootDir>/test/$1',
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
};

/** @type {import('jest').Config} */
module.exports = {
  // Integration tests boot the whole service; a slow machine needs more than the default 5 s.
  testTimeout: 30000,
  // Jest's default is one worker fewer than the cores: one on a 2-core machine. Most of a test file's
  // time is spent waiting on PostgreSQL, Redis and Chromium, and each file has its own database and
  // Redis prefix, so at least two files side by side (about 5 minutes instead of 9 on 2 cores).
  maxWorkers: Math.max(2, require('node:os').availableParallelism() - 1),
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/src/**/*.spec.ts',
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/test/**/*.spec.ts',
        '<rootDir>/web/src/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/support/browser-global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/browser-timeout.ts'],
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
