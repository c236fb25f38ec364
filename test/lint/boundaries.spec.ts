import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

/**
 * The architecture rules of lint/architecture.cjs, each shown firing on a bad import and quiet on a
 * good one. The snippets are linted as if they lived at the given path; no file is written.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const architecture = require('../../lint/architecture.cjs') as {
  rules: Record<string, unknown>;
  rulesConfig: Record<string, string>;
  KNOWN_CROSSINGS: { to: string; from: string[]; reason: string }[];
  resolveImport: (specifier: string, importer: string) => { kind: string; file?: string };
};

const ROOT = join(__dirname, '..', '..');

const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { arch: architecture as never },
      rules: architecture.rulesConfig as never,
    },
  ],
});

/** The arch rules that fire on `code` placed at `file` (relative to the repository). */
async function firing(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(fatal.map((m) => m.message).join('\n'));
  return result.messages.map((m) => m.ruleId ?? '');
}

type Case = [file: string, code: string];

describe('architecture lint rules', () => {
  describe('arch/layers: libs/ never imports src/, test/ or bench/', () => {
    it.each<Case>([
      [
        'libs/common/src/fixture.ts',
        "import { ApplicationsService } from '../../../src/applications/applications.service';",
      ],
      ['libs/engine/src/fixture.ts', "import type { UserAccount } from 'src/users/user.entity';"],
      ['libs/ledger/src/fixture.ts', "export { bioContent } from '@test/support/bio';"],
      ['libs/audit/src/fixture.ts', "const m = await import('../../../src/outbox/outbox-dispatcher');"],
      ['libs/common/src/fixture.ts', "type T = import('../../../src/budget/frames.service').FramesService;"],
    ])('fires: %s %s', async (file, code) => {
      expect(await firing(file, code)).toContain('arch/layers');
    });

    it.each<Case>([
      ['libs/common/src/fixture.ts', "import { nok } from './money';"],
      ['libs/engine/src/fixture.ts', "import { nok } from '@lib/common';"],
      [
        'src/budget/fixture.ts',
        "import { ApplicationsService } from '../applications/applications.service';",
      ],
    ])('quiet: %s %s', async (file, code) => {
      expect(await firing(file, code)).not.toContain('arch/layers');
    });
  });

  describe('arch/engine-without-io: libs/engine imports only its allowlist', () => {
    it.each<Case>([
      ['libs/engine/src/fixture.ts', "import { DataSource } from 'typeorm';"],
      ['libs/engine/src/fixture.ts', "import { Pool } from 'pg';"],
      ['libs/engine/src/fixture.ts', "import Redis from 'ioredis';"],
      ['libs/engine/src/fixture.ts', "import { Queue } from 'bullmq';"],
      ['libs/engine/src/fixture.ts', "import { Injectable } from '@nestjs/common';"],
      ['libs/engine/src/fixture.ts', "import { readFileSync } from 'node:fs';"],
      ['libs/engine/src/fixture.ts', "import { request } from 'http';"],
      ['libs/engine/src/fixture.ts', "import { spawn } from 'node:child_process';"],
      ['libs/engine/src/fixture.ts', "import nodemailer from 'nodemailer';"],
      ['libs/engine/src/fixture.ts', "import { LedgerModel } from '@lib/ledger';"],
      ['libs/engine/src/fixture.ts', "import { PartialType } from '@nestjs/swagger';"],
      ['libs/engine/src/fixture.ts', "import * as swagger from '@nestjs/swagger';"],
      ['libs/engine/src/fixture.ts', "const fs = require('fs');"],
    ])('fires: %s %s', async (file, code) => {
      expect(await firing(file, code)).toContain('arch/engine-without-io');
    });

    it.each<Case>([
      ['libs/engine/src/fixture.ts', "import { setup } from 'xstate';"],
      ['libs/engine/src/fixture.ts', "import { IsInt } from 'class-validator';"],
      ['libs/engine/src/fixture.ts', "import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';"],
      ['libs/engine/src/fixture.ts', "import { DAY_MS, type Ore } from '@lib/common';"],
      ['libs/engine/src/fixture.ts', "import { add24HourDays } from './time';"],
      ['libs/engine/src/testing/fixture.ts', "export { transition } from '../transition';"],
      ['libs/common/src/fixture.ts', "import { Injectable } from '@nestjs/common';"],
    ])('quiet: %s %s', async (file, code) => {
      expect(await firing(file, code)).not.toContain('arch/engine-without-io');
    });
  });

  describe('arch/scheme-isolation: a scheme sees its own folder, the contract and libs/', () => {
    it.each<Case>([
      ['src/schemes/bio/fixture.ts', "import { coronaScheme } from '../corona/corona.scheme';"],
      ['src/schemes/bio/fixture.ts', "import { mentorPlugin } from 'src/schemes/mentor';"],
      ['src/schemes/corona/fixture.ts', "import { bioGrantMaximum } from '../bio';"],
      ['src/schemes/bio/fixture.ts', "import { Application } from '../../applications/application.entity';"],
      [
        'src/schemes/mentor/fixture.ts',
        "import { Organisation } from '../../organisations/organisation.entity';",
      ],
      ['src/schemes/bio/fixture.ts', "import { PLUGINS } from '../scheme-registry';"],
      [
        'src/schemes/bio/bio.rules.spec.ts',
        "import { newCoronaOrganisation } from '../corona/corona-testing';",
      ],
    ])('fires: %s %s', async (file, code) => {
      expect(await firing(file, code)).toContain('arch/scheme-isolation');
    });

    it.each<Case>([
      ['src/schemes/bio/fixture.ts', "import type { SchemePlugin } from '../scheme-plugin';"],
      ['src/schemes/bio/fixture.ts', "import { bioScheme } from './bio.scheme';"],
      ['src/schemes/bio/fixture.ts', "import { ORGANISATION_FORM_CODES } from '@lib/common';"],
      ['src/schemes/bio/fixture.ts', "import { defineLifecycle } from '@lib/engine';"],
      ['src/schemes/mentor/mentor-dto.spec.ts', "import { schemaOf } from '../scheme-schemas';"],
      ['src/schemes/scheme-registry.ts', "import { bioPlugin } from './bio';"],
    ])('quiet: %s %s', async (file, code) => {
      expect(await firing(file, code)).not.toContain('arch/scheme-isolation');
    });
  });

  describe('arch/no-test-code-in-production: production never imports test code', () => {
    it.each<Case>([
      ['src/schemes/bio/bio.plugin.ts', "import { newBioApplication } from './bio-testing';"],
      ['src/applications/fixture.ts', "import { createTestDatabase } from '@lib/testing';"],
      ['libs/engine/src/fixture.ts', "import { SCENARIOS } from './testing/lifecycle.fixtures';"],
      ['libs/ledger/src/fixture.ts', "import { kr } from './testing/ledger.fixtures';"],
      ['src/seed/fixture.ts', "import { bioContent } from '../../test/support/bio';"],
      ['src/app.module.ts', "import { Test } from '@nestjs/testing';"],
      ['src/budget/fixture.ts', "import { describe } from '@jest/globals';"],
      ['src/users/fixture.ts', "import request from 'supertest';"],
    ])('fires: %s %s', async (file, code) => {
      expect(await firing(file, code)).toContain('arch/no-test-code-in-production');
    });

    it.each<Case>([
      ['src/schemes/bio/bio.plugin.ts', "import { sampleBioApplication } from './bio-sample';"],
      ['src/schemes/bio/bio.rules.spec.ts', "import { newBioApplication } from './bio-testing';"],
      ['src/schemes/bio/bio-testing.ts', "import { sampleBioApplication } from './bio-sample';"],
      ['libs/engine/src/transition.spec.ts', "import { SCENARIOS } from './testing/lifecycle.fixtures';"],
      ['test/support/test-app.ts', "import { Test } from '@nestjs/testing';"],
      ['bench/lib/fixtures.ts', "import { newBioApplication } from '../../src/schemes/bio/bio-testing';"],
    ])('quiet: %s %s', async (file, code) => {
      expect(await firing(file, code)).not.toContain('arch/no-test-code-in-production');
    });
  });

  describe("arch/feature-public-face: features reach each other through a feature's public face", () => {
    it.each<Case>([
      ['src/budget/fixture.ts', "import { EffectRunner } from '../runtime/effect-runner';"],
      ['src/calls/fixture.ts', "import { LoginThrottlerGuard } from '../auth/login-throttler.guard';"],
      ['src/calls/fixture.ts', "import { scheduleCallAnnouncements } from '../deadlines/deadline-effects';"],
      ['src/notifications/fixture.ts', "import { DeadlineTimers } from '../deadlines/deadline-timers';"],
      ['src/applications/fixture.ts', "import { bioPlugin } from '../schemes/bio';"],
      ['src/budget/frames.service.ts', "import { TransitionRunner } from 'src/runtime/transition-runner';"],
    ])('fires: %s %s', async (file, code) => {
      expect(await firing(file, code)).toContain('arch/feature-public-face');
    });

    it.each<Case>([
      ['src/budget/fixture.ts', "import { Application } from '../applications/application.entity';"],
      [
        'src/budget/fixture.ts',
        "import { NotificationsModule } from '../notifications/notifications.module';",
      ],
      [
        'src/budget/fixture.ts',
        "import { NotificationService } from '../notifications/notification.service';",
      ],
      ['src/calls/fixture.ts', "import { CurrentActor } from '../auth/auth.decorators';"],
      ['src/budget/fixture.ts', "import { SchemeRegistry } from '../schemes/scheme-registry';"],
      ['src/budget/fixture.ts', "import { AppConfig } from '../config/app-config';"],
      ['src/budget/fixture.ts', "import { runnerFor } from './money-effects';"],
      ['src/seed/fixture.ts', "import { scheduleCallAnnouncements } from '../deadlines/deadline-effects';"],
      ['src/app.module.ts', "import { OutboxDispatcher } from './outbox/outbox-dispatcher';"],
      ['src/budget/fixture.ts', "import { EffectRunner } from '../runtime';"],
      ['src/calls/fixture.ts', "import { DeadlinesService } from '../deadlines/deadlines.service';"],
      // Auth primitives are the kernel's, open to every feature.
      ['src/users/staff.service.ts', "import { PasswordHasher } from '@lib/auth';"],
    ])('quiet: %s %s', async (file, code) => {
      expect(await firing(file, code)).not.toContain('arch/feature-public-face');
    });

    const crossings = architecture.KNOWN_CROSSINGS.flatMap(({ to, from }) =>
      from.map((file) => ({ file, to })),
    );
    it('lists only known crossings that still exist', () => {
      for (const { file, to } of crossings) {
        const importer = join(ROOT, `${file}.ts`);
        const specifiers = [...readFileSync(importer, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
        const targets = specifiers.map((s) => architecture.resolveImport(s, importer).file);
        // Gone? Delete the file from KNOWN_CROSSINGS in lint/architecture.cjs.
        expect({ file, imports: targets }).toEqual({ file, imports: expect.arrayContaining([to]) });
      }
    });
  });

  describe('arch/runtime-below-features: the transition runtime imports no feature', () => {
    it.each<Case>([
      [
        'src/runtime/fixture.ts',
        "import { ApplicationsService } from '../applications/applications.service';",
      ],
      ['src/runtime/fixture.ts', "import { LedgerService } from 'src/budget/ledger.service';"],
      ['src/runtime/effect-runner.ts', "import { Application } from '../applications/application.entity';"],
    ])('fires: %s %s', async (file, code) => {
      expect(await firing(file, code)).toContain('arch/runtime-below-features');
    });

    it.each<Case>([
      ['src/runtime/fixture.ts', "import { AuditRepository } from '../audit/audit.repository';"],
      ['src/runtime/fixture.ts', "import { AppConfig } from '../config/app-config';"],
      ['src/runtime/fixture.ts', "import { EffectRunner } from './effect-runner';"],
      ['src/runtime/fixture.ts', "import { DomainError } from '@lib/common';"],
      [
        'src/runtime/effect-runner.spec.ts',
        "import { Application } from '../applications/application.entity';",
      ],
    ])('quiet: %s %s', async (file, code) => {
      expect(await firing(file, code)).not.toContain('arch/runtime-below-features');
    });
  });

  describe('arch/one-day-constant: a day in milliseconds is DAY_MS, written once', () => {
    it.each<Case>([
      ['src/budget/fixture.ts', 'const day = 86_400_000;'],
      ['test/deadlines/fixture.ts', 'clock.advance(22 * 86400000);'],
      ['libs/engine/src/fixture.ts', 'const DAY = 24 * 60 * 60 * 1000;'],
      ['src/deadlines/fixture.ts', 'const later = (days: number) => days * 24 * 3600 * 1000;'],
      ['bench/lib/fixture.ts', 'const week = 1000 * 60 * 60 * 24 * 7;'],
    ])('fires: %s %s', async (file, code) => {
      expect(await firing(file, code)).toContain('arch/one-day-constant');
    });

    it.each<Case>([
      ['src/budget/fixture.ts', "import { DAY_MS } from '@lib/common';\nconst fortnight = 14 * DAY_MS;"],
      ['src/budget/fixture.ts', 'const hour = 60 * 60 * 1000;'],
      ['libs/common/src/calendar/dates.ts', 'export const DAY_MS = 86_400_000;'],
    ])('quiet: %s %s', async (file, code) => {
      expect(await firing(file, code)).not.toContain('arch/one-day-constant');
    });
  });

  it('the real lint config (npm run lint, part of npm run check) turns every rule on', () => {
    // eslint.config.mjs is an ES module, which Jest's module system cannot load: ask a plain Node.
    const files = [
      'src/applications/applications.service.ts',
      'libs/engine/src/transition.ts',
      'test/support/bio.ts',
    ];
    const script = `
      const { ESLint } = require('eslint');
      const eslint = new ESLint({ cwd: process.cwd() });
      Promise.all(${JSON.stringify(files)}.map((f) => eslint.calculateConfigForFile(f)))
        .then((configs) => console.log(JSON.stringify(configs.map((c) => c.rules))));`;
    const configured = JSON.parse(
      execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }),
    ) as Record<string, unknown[]>[];
    const rules = Object.keys(architecture.rules).map((name) => `arch/${name}`);
    files.forEach((file, i) => {
      for (const rule of rules) expect([file, rule, configured[i][rule]?.[0]]).toEqual([file, rule, 2]);
    });
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.check).toContain('npm run lint');
    expect(scripts.lint).toMatch(/^eslint \. /);
  }, 60_000);
});
