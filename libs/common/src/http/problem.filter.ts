import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorKind } from '../errors';
import { Problem, PROBLEM_CONTENT_TYPE, problemType } from './problem';
import { RequestValidationException } from './validation';

const STATUS_OF: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  unavailable: 503,
};

const CODE_OF_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

const DEFAULT_DETAIL: Record<number, string> = {
  401: 'Authentication is required: log in and send the access token as a Bearer token',
  403: 'Your role does not allow this action',
  404: 'The resource was not found',
  413: 'The request body is larger than allowed',
  429: 'Too many requests: wait before trying again',
};

type Shaped = Omit<Problem, 'instance' | 'requestId'> & Record<string, unknown>;

/**
 * Gives body-parser's errors their own codes before Nest turns them into anonymous 400s
 * (Express error middleware; register right after the body parser).
 */
export function namedBodyParserErrors(
  error: unknown,
  _req: unknown,
  _res: unknown,
  next: (error: unknown) => void,
): void {
  const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
  if (type === 'entity.parse.failed') {
    next(new DomainError('bad_request', 'malformed_json', 'The request body is not valid JSON'));
  } else if (type === 'entity.too.large') {
    next(
      new DomainError('payload_too_large', 'payload_too_large', 'The request body is larger than allowed'),
    );
  } else {
    next(error);
  }
}

/** Errors raised by Express middleware before Nest (body parser): http-errors with `expose`. */
interface ExposedHttpError {
  status: number;
  expose: true;
  message: string;
  type?: string;
}
const isExposedHttpError = (e: unknown): e is ExposedHttpError =>
  typeof e === 'object' &&
  e !== null &&
  (e as { expose?: unknown }).expose === true &&
  typeof (e as { status?: unknown }).status === 'number';

const title = (status: number) =>
  (HttpStatus[status] ?? 'Error')
    .toString()
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');

/**
 * The only place where errors become HTTP responses: every error, expected or not, leaves as
 * `application/problem+json` (RFC 9457). Unexpected errors are logged with their stack and
 * answered with a generic 500 that carries only the request id.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: unknown }>();
    const response = http.getResponse<Response>();
    const shaped = this.shape(exception, request);
    const body = {
      ...shaped,
      instance: request.originalUrl ?? request.url,
      requestId: typeof request.id === 'string' ? request.id : '',
    };
    if (response.headersSent) return;
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private shape(exception: unknown, request: Request): Shaped {
    if (exception instanceof DomainError) {
      const status = STATUS_OF[exception.kind];
      return {
        ...exception.extensions,
        type: problemType(exception.code),
        title: title(status),
        status,
        detail: exception.detail,
        code: exception.code,
      };
    }
    if (exception instanceof RequestValidationException) {
      return {
        type: problemType('validation_failed'),
        title: 'Bad Request',
        status: 400,
        detail: `The request is not valid: ${exception.fieldProblems.map((f) => f.field).join(', ')}`,
        code: 'validation_failed',
        errors: exception.fieldProblems,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 503) {
        // A readiness check that failed: say which dependency is down (terminus puts it in the response).
        const response = exception.getResponse();
        const details =
          typeof response === 'object' && response !== null
            ? (response as { details?: unknown }).details
            : undefined;
        return {
          type: problemType('service_unavailable'),
          title: 'Service Unavailable',
          status,
          detail: 'The service is not ready: a dependency is down',
          code: 'service_unavailable',
          ...(details ? { checks: details } : {}),
        };
      }
      if (status >= 500) return this.unexpected(exception, request);
      const code = CODE_OF_STATUS[status] ?? 'http_error';
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? response.message
          : exception.message;
      const detail =
        typeof message === 'string' &&
        !/^(Cannot \w+ |Unauthorized|Forbidden resource|ThrottlerException)/.test(message)
          ? message
          : (DEFAULT_DETAIL[status] ?? exception.message);
      return { type: problemType(code), title: title(status), status, detail, code };
    }
    if (isExposedHttpError(exception) && exception.status < 500) {
      const status = exception.status;
      const code =
        exception instanceof SyntaxError || exception.type === 'entity.parse.failed'
          ? 'malformed_json'
          : (CODE_OF_STATUS[status] ?? 'http_error');
      const detail =
        code === 'malformed_json'
          ? 'The request body is not valid JSON'
          : (DEFAULT_DETAIL[status] ?? exception.message);
      return { type: problemType(code), title: title(status), status, detail, code };
    }
    return this.unexpected(exception, request);
  }

  private unexpected(exception: unknown, request: Request): Shaped {
    this.logger.error(
      { err: exception, method: request.method, url: request.originalUrl },
      exception instanceof Error ? exception.stack : String(exception),
    );
    return {
      type: problemType('internal_error'),
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred. Quote the request id when reporting it.',
      code: 'internal_error',
    };
  }
}
