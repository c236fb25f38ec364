import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError } from '../errors';
import type { FieldProblem } from './problem';
import { RequestValidationException } from './validation';

/** Deeper than any document of this API; deeper input only serves to exhaust the validators' stacks. */
export const MAX_INPUT_DEPTH = 32;

/** Keys that reach object prototypes in careless code; documented as refused like any unknown field. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Media types a body may have: JSON, or a JSON-based type such as application/merge-patch+json. */
export const JSON_MEDIA_TYPES = ['application/json', 'application/*+json'];
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

const pointerOf = (path: readonly (string | number)[]) =>
  path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');

/** Why a string cannot be stored or compared as text (PostgreSQL refuses NUL; e-mail and URI code throw on halves). */
export function textFault(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (it has a lone surrogate)';
  return null;
}

/**
 * The first value in parsed JSON (or a query) that no field of this API may hold, with the path to it:
 * text PostgreSQL or the validators cannot take, a prototype key, a number that is not an exact
 * integer-safe finite value, or nesting deeper than `maxDepth`. Iterative, so depth costs no stack.
 */
export function findInputFault(value: unknown, maxDepth = MAX_INPUT_DEPTH): FieldProblem | null {
  const pending: Array<{ value: unknown; path: (string | number)[] }> = [{ value, path: [] }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { value: v, path } = item;
    const fault = (message: string, at = path): FieldProblem => ({
      field: at.join('.'),
      pointer: pointerOf(at),
      messages: [`${at.length ? at[at.length - 1] : 'the body'} ${message}`],
    });
    if (typeof v === 'string') {
      const message = textFault(v);
      if (message) return fault(message);
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v) || Math.abs(v) > Number.MAX_SAFE_INTEGER) {
        return fault(`must be a number between ${-Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`);
      }
    } else if (typeof v === 'object' && v !== null) {
      if (path.length >= maxDepth) return fault(`is nested deeper than ${maxDepth} levels`);
      const entries: Array<[string | number, unknown]> = Array.isArray(v)
        ? v.map((element, index) => [index, element])
        : Object.entries(v);
      for (const [key, child] of entries) {
        if (typeof key === 'string') {
          const childPath = [...path, key];
          const keyMessage = PROTOTYPE_KEYS.has(key)
            ? 'is not a field of this API'
            : textFault(key) && `has a name that ${textFault(key)}`;
          if (keyMessage) return fault(keyMessage, childPath);
        }
        pending.push({ value: child, path: [...path, key] });
      }
    }
  }
  return null;
}

/**
 * A query parameter whose percent-encoding is not UTF-8 (`%ED%A0%80` is half a surrogate pair, `%FF`
 * no character at all). Node's query parser quietly turns those into U+FFFD; refuse them instead.
 */
export function findQueryEncodingFault(url: string | undefined): FieldProblem | null {
  const query = url?.split('#')[0].split('?').slice(1).join('?') ?? '';
  for (const pair of query ? query.split('&') : []) {
    const [rawName, ...rest] = pair.split('=');
    const decode = (text: string) => {
      try {
        return decodeURIComponent(text.replace(/\+/g, ' '));
      } catch {
        return null;
      }
    };
    const name = decode(rawName);
    if (name === null || decode(rest.join('=')) === null) {
      const field = name ?? rawName;
      return {
        field,
        pointer: pointerOf([field]),
        messages: [`${field} is not valid UTF-8 once percent-decoded`],
      };
    }
  }
  return null;
}

const hasBody = (req: IncomingMessage) =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/**
 * Stops input that no handler should see, before validation: a body that is not JSON, or a declared
 * Content-Type that is not (415: either would otherwise read as an empty body and the command run), and parsed bodies or queries holding
 * what `findInputFault` refuses (400 naming the field). Install right after the JSON body parser.
 */
export function inputGuard(
  req: IncomingMessage & { body?: unknown; query?: unknown },
  res: ServerResponse,
  next: (error?: unknown) => void,
): void {
  inputGuardAllowingMultipart(() => false)(req, res, next);
}

/**
 * `inputGuard`, letting `multipart/form-data` through to the requests `multipart` picks (file
 * uploads, whose handler streams the body itself); their query is checked all the same.
 */
export function inputGuardAllowingMultipart(multipart: (req: IncomingMessage) => boolean) {
  return (
    req: IncomingMessage & { body?: unknown; query?: unknown },
    _res: ServerResponse,
    next: (error?: unknown) => void,
  ): void => guard(req, next, multipart);
}

function guard(
  req: IncomingMessage & { body?: unknown; query?: unknown },
  next: (error?: unknown) => void,
  multipart: (req: IncomingMessage) => boolean,
): void {
  // A declared type must be JSON even for an empty body (an empty form is not "no body"), and a body
  // must declare its type.
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim();
  const upload = mediaType.toLowerCase() === 'multipart/form-data' && multipart(req);
  if (upload) {
    const fault = findQueryEncodingFault(req.url) ?? findInputFault(req.query);
    return fault ? next(new RequestValidationException([fault])) : next();
  }
  if (mediaType ? !JSON_MEDIA_TYPE.test(mediaType) : hasBody(req)) {
    return next(
      new DomainError(
        'unsupported_media_type',
        'unsupported_media_type',
        mediaType
          ? `A request body must be application/json, not ${mediaType}`
          : 'A request body must be sent with Content-Type: application/json',
      ),
    );
  }
  const fault = findQueryEncodingFault(req.url) ?? findInputFault(req.query) ?? findInputFault(req.body);
  if (fault) return next(new RequestValidationException([fault]));
  next();
}
