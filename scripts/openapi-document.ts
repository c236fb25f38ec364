// The API's OpenAPI document without a database, Redis or a port: the modules are composed in Nest's
// preview mode (nothing is instantiated) and described exactly as `configureHttpApp` serves them at
// /api/docs-json. `npm run api:generate` turns it into the web client's types; `api:check` compares;
// `api:lint` lints it with Redocly CLI's recommended rules (redocly.yaml).
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';
import { parseConfig } from '../src/config/app-config';
import { API_PREFIX, openApiDocument } from '../src/http-app';

const ROOT = join(__dirname, '..');
/** The generated client types, checked in. */
export const SCHEMA_FILE = join(ROOT, 'web', 'src', 'api', 'schema.d.ts');

export async function buildOpenApiDocument(): Promise<object> {
  // The API role, as served; the queue dashboard is an operator's page outside the document.
  const config = parseConfig({ NODE_ENV: 'development', APP_ROLE: 'api', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create(AppModule.forRoot(config), {
    preview: true,
    abortOnError: false,
    logger: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  const document = openApiDocument(app);
  await app.close();
  return document;
}

/** Calls `use` with the path of the current document written to a temporary file. */
async function withDocumentFile<T>(use: (file: string, dir: string) => T): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(await buildOpenApiDocument(), null, 2));
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The client types for the current document, as openapi-typescript writes them. */
export async function generateSchemaTypes(): Promise<string> {
  return withDocumentFile((input, dir) => {
    const output = join(dir, 'schema.d.ts');
    const cli = join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
    execFileSync(process.execPath, [cli, input, '--output', output], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return readFileSync(output, 'utf8');
  });
}

/**
 * Lints the current document with Redocly CLI (rules in redocly.yaml); false when it finds an error or
 * a warning. Offline: no telemetry (also off in redocly.yaml) and no check for a newer version.
 */
export async function lintDocument(): Promise<boolean> {
  return withDocumentFile((input) => {
    const cli = join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
    const args = [cli, 'lint', input, '--config', join(ROOT, 'redocly.yaml'), '--max-problems', '100'];
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
    const { status } = spawnSync(process.execPath, args, {
      stdio: 'inherit',
      env,
    });
    return status === 0;
  });
}

async function main(mode: string | undefined): Promise<void> {
  if (mode === '--lint') {
    if (!(await lintDocument())) process.exit(1);
    return;
  }
  const fresh = await generateSchemaTypes();
  if (mode === '--check') {
    const current = readFileSync(SCHEMA_FILE, { encoding: 'utf8', flag: 'a+' });
    if (current !== fresh) {
      process.stderr.write(
        'web/src/api/schema.d.ts differs from the OpenAPI document: run `npm run api:generate` and commit it.\n',
      );
      process.exit(1);
    }
    process.stdout.write('web/src/api/schema.d.ts matches the OpenAPI document\n');
  } else if (mode === '--json') {
    process.stdout.write(`${JSON.stringify(await buildOpenApiDocument(), null, 2)}\n`);
  } else {
    writeFileSync(SCHEMA_FILE, fresh);
    process.stdout.write('wrote web/src/api/schema.d.ts\n');
  }
}

if (require.main === module) {
  main(process.argv[2]).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
