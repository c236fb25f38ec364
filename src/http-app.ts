import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import {
  assignRequestId,
  createValidationPipe,
  inputGuardAllowingMultipart,
  JSON_MEDIA_TYPES,
  namedBodyParserErrors,
  Problem,
  ProblemDetailsFilter,
  problemResponse,
} from '@lib/common';
import helmet from 'helmet';
import type { IncomingMessage } from 'node:http';
import { Logger } from 'nestjs-pino';
import { PUBLIC_OPERATION } from './auth/auth.decorators';
import type { AppConfig } from './config/app-config';
import { serveWebApp } from './web-app';

export const API_PREFIX = 'api/v1';

/** The one route whose body is multipart: an attachment's upload, streamed by its handler. */
const ATTACHMENT_UPLOAD = /^\/api\/v1\/applications\/[^/?]+\/attachments(\?|$)/;
const isAttachmentUpload = (req: IncomingMessage) => req.method === 'POST' && ATTACHMENT_UPLOAD.test(req.url ?? '');

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * What every operation shares, said once here rather than on each route: a login is required unless the
 * route is `@Public()` (then `security: []`), as the global auth guard enforces; any input (path, query
 * or body) may be refused with 400 by the input guard and the validation pipe; a body that is not JSON
 * is refused with 415; a missing or invalid login gets 401. A route's own `@ApiProblems` wins.
 */
function completeOperations(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as (typeof item)[typeof method] & { [PUBLIC_OPERATION]?: boolean };
      if (!operation) continue;
      const isPublic = operation[PUBLIC_OPERATION] === true;
      delete operation[PUBLIC_OPERATION];
      if (isPublic) operation.security = [];
      const responses = operation.responses;
      responses[400] ??= problemResponse('Input no field may hold: each offending field named in `errors`');
      if (!isPublic) responses[401] ??= problemResponse('No valid login (Bearer token)');
      if (operation.requestBody) responses[415] ??= problemResponse('The body is not JSON');
    }
  }
  return document;
}

/**
 * The OpenAPI document of the routes `app` holds, as served at /api/docs-json; the web client's types
 * are generated from it (scripts/openapi-document.ts) and `npm run api:lint` lints it.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Grant engine API')
      .setDescription(
        'Grant management for county competence schemes. Errors are application/problem+json (RFC 9457). ' +
          'Money is integer øre.',
      )
      .setVersion('1')
      .setLicense('MIT', 'https://opensource.org/license/mit')
      .addServer('/', 'This server (paths carry the /api/v1 prefix)')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .addSecurityRequirements('bearer')
      .build(),
    { extraModels: [Problem] },
  );
  return completeOperations(document);
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
  express.use(inputGuardAllowingMultipart(isAttachmentUpload));
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
