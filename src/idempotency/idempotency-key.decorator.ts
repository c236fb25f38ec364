import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { ApiHeader } from '@nestjs/swagger';
import { Actor, DomainError } from '@lib/common';
import type { Request } from 'express';

/** What a command's `Idempotency-Key` binds: who sent it, to which object, with which body. */
export interface IdempotencyRequest {
  userId: string;
  key: string;
  /** Method and path, e.g. `POST /api/v1/frames/…/disbursements`: one key, one command on one object. */
  scope: string;
  /** The body as sent, without its secret fields. */
  body: unknown;
  /** The route's status, recorded with the first answer. */
  statusCode: number;
}

/** A command's key as the controller hands it to the service; null when none was sent. */
export type IdempotencyKey = IdempotencyRequest | null;

export interface IdempotencyKeyOptions {
  /**
   * Body fields left out of the stored fingerprint, so that no hash of them is kept (a password):
   * a repeat that differs only in them is the same command.
   */
  secret?: readonly string[];
}

const KEY = /^[\w.:-]{8,200}$/;

const fromRequest = createParamDecorator(
  (options: IdempotencyKeyOptions, ctx: ExecutionContext): IdempotencyKey => {
    const request = ctx.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const key = request.headers['idempotency-key'];
    const actor = request.actor;
    if (key === undefined || !actor || actor.kind === 'system') return null;
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new DomainError(
        'bad_request',
        'invalid_idempotency_key',
        'Idempotency-Key must be 8-200 letters, digits, or . _ : -',
      );
    }
    const body: unknown = request.body ?? {};
    const fingerprinted =
      options.secret?.length && body && typeof body === 'object'
        ? Object.fromEntries(Object.entries(body).filter(([field]) => !options.secret!.includes(field)))
        : body;
    const status = Reflect.getMetadata(HTTP_CODE_METADATA, ctx.getHandler()) as number | undefined;
    return {
      userId: actor.userId,
      key,
      scope: `${request.method} ${request.originalUrl.split('?')[0]}`,
      body: fingerprinted,
      statusCode: status ?? (request.method === 'POST' ? 201 : 200),
    };
  },
);

/**
 * The command's `Idempotency-Key`, for the service to run the command under (see
 * `IdempotencyService.transaction`), and the header in the route's OpenAPI: one parameter per command.
 */
export function IdempotencyKey(options: IdempotencyKeyOptions = {}): ParameterDecorator {
  return (target, property, index) => {
    fromRequest(options)(target, property, index);
    const descriptor = Object.getOwnPropertyDescriptor(target, property!)!;
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Repeat a command safely: the same key and body returns the first answer and does nothing again; ' +
        'the same key for another request is 422 idempotency_key_reused',
    })(target, property!, descriptor);
  };
}
