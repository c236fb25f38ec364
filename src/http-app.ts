import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import {
  assignRequestId,
  createValidationPipe,
  inputGuard,
  JSON_MEDIA_TYPES,
  namedBodyParserErrors,
  ProblemDetailsFilter,
} from '@lib/common';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from './config/app-config';
import { serveWebApp } from './web-app';

export const API_PREFIX = 'api/v1';

/**
 * The OpenAPI document of the routes `app` holds, as served at /api/docs-json; the web client's types
 * are generated from it (scripts/openapi-document.ts).
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Grant engine API')
      .setDescription(
        'Grant management for county competence schemes. Errors are application/problem+json (RFC 9457). ' +
          'Money is integer øre.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
}

/**
 * Everything HTTP-wide, applied the same way by `main.ts` and by the end-to-end tests: prefix,
 * security headers, body limit, validation, problem+json errors, OpenAPI.
 */
export function configureHttpApp(app: INestApplication, config: AppConfig): INestApplication {
  const express = app as NestExpressApplication;
  express.useLogger(app.get(Logger));
  express.disable('x-powered-by');
  express.use(assignRequestId);
  express.use(helmet());
  express.useBodyParser('json', { limit: config.http.bodyLimit, type: JSON_MEDIA_TYPES });
  express.use(namedBodyParserErrors);
  // Before any handler: non-JSON bodies (415) and values no field may hold (400), for every route.
  express.use(inputGuard);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();

  const document = openApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
  });
  // The web app at / (when built); the API and its docs stay under /api.
  if (!serveWebApp(express)) {
    app.get(Logger).warn('The web app is not built (npm run build): only the API is served');
  }
  return app;
}
