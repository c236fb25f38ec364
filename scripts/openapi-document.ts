// The API's OpenAPI document without a database, Redis or a port: the modules are composed in Nest's
// preview mode (nothing is instantiated) and described exactly as `configureHttpApp` serves them at
// /api/docs-json. `npm run api:generate` turns it into the web client's types; `api:check` compares.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { execFileSync } from 'node:child_process';
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

/** The client types for the current document, as openapi-typescript writes them. */
export async function generateSchemaTypes(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
  try {
    const input = join(dir, 'openapi.json');
    const output = join(dir, 'schema.d.ts');
    writeFileSync(input, JSON.stringify(await buildOpenApiDocument(), null, 2));
    const cli = join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
    execFileSync(process.execPath, [cli, input, '--output', output], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return readFileSync(output, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(mode: string | undefined): Promise<void> {
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
