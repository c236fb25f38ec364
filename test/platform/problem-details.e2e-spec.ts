import { Body, Controller, Get, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { Public } from '../../src/auth/auth.decorators';
import { startTestApp, TestApp } from '../support/test-app';

class LineDto {
  @IsInt() @Min(0) amount!: number;
}
class ProbeDto {
  @IsString() name!: string;
  @IsBoolean() active!: boolean;
  @ValidateNested({ each: true }) @Type(() => LineDto) lines!: LineDto[];
}

/** Routes that fail on purpose, to see what clients get. */
@Public()
@Controller('probe')
class ProbeController {
  @Get('crash')
  crash(): never {
    throw new Error('secret internal detail: connection string postgres://admin:pw@db');
  }

  @Post('echo')
  echo(@Body() body: ProbeDto) {
    return body;
  }
}

const PROBLEM = /^application\/problem\+json/;

describe('errors are application/problem+json everywhere', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ controllers: [ProbeController], env: { BODY_LIMIT: '2kb' } });
  });
  afterAll(() => t.close());

  it('answers an unknown route with a 404 problem', async () => {
    const res = await t.http().get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({
      type: 'urn:grant-engine:problem:not_found',
      title: 'Not Found',
      status: 404,
      code: 'not_found',
      instance: '/api/v1/no-such-thing',
    });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('answers an unknown API path with a 404 problem even when a browser asks for a page', async () => {
    // The web app's fallback to index.html (for client-side routes) never covers /api.
    for (const path of ['/api/v1/no-such-thing', '/api/no-such-thing', '/api']) {
      const res = await t.http().get(path).set('accept', 'text/html,application/xhtml+xml,*/*;q=0.8');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(PROBLEM);
    }
  });

  it('rejects unknown fields instead of dropping them, listing each field', async () => {
    const res = await t
      .http()
      .post('/api/v1/probe/echo')
      .send({ name: 'x', active: true, lines: [], status: 'granted', organisationId: 'x' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'status', pointer: '/status', messages: ['property status should not exist'] },
        {
          field: 'organisationId',
          pointer: '/organisationId',
          messages: ['property organisationId should not exist'],
        },
      ]),
    );
  });

  it('validates nested items and does not convert "false" into a boolean', async () => {
    const res = await t
      .http()
      .post('/api/v1/probe/echo')
      .send({
        name: 'x',
        active: 'false',
        lines: [{ amount: 10 }, { amount: 1.5 }, { amount: -1, extra: 1 }],
      });
    expect(res.status).toBe(400);
    const fields = (res.body.errors as Array<{ field: string }>).map((e) => e.field).sort();
    expect(fields).toEqual(['active', 'lines.1.amount', 'lines.2.amount', 'lines.2.extra']);
  });

  it('refuses a body that is not an object of the expected kind', async () => {
    const res = await t.http().post('/api/v1/probe/echo').send([1, 2, 3]);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await t
      .http()
      .post('/api/v1/probe/echo')
      .set('content-type', 'application/json')
      .send('{"name": ');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('malformed_json');
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it.each([
    ['text/plain', '{"name":"x","active":true,"lines":[]}'],
    ['application/x-www-form-urlencoded', 'name=x&active=true'],
    ['application/xml', '<probe><name>x</name></probe>'],
  ])('answers a %s body with a 415 problem and never reaches the handler', async (type, text) => {
    const res = await t.http().post('/api/v1/probe/echo').set('content-type', type).send(text);
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('unsupported_media_type');
  });

  it('answers a body without a Content-Type with a 415 problem', async () => {
    const req = t.http().post('/api/v1/probe/echo');
    req.unset('content-type');
    const res = await req.send(Buffer.from('{"name":"x","active":true,"lines":[]}'));
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('unsupported_media_type');
    expect(res.body.detail).toBe('A request body must be sent with Content-Type: application/json');
  });

  it.each([
    ['a NUL character', '{"name":"a\\u0000b","active":true,"lines":[]}', '/name'],
    ['a lone surrogate', '{"name":"a\\ud800","active":true,"lines":[]}', '/name'],
    [
      'a prototype key',
      '{"name":"x","active":true,"lines":[{"amount":1,"__proto__":{"x":1}}]}',
      '/lines/0/__proto__',
    ],
    [
      'a number beyond the safe integers',
      '{"name":"x","active":true,"lines":[{"amount":1e300}]}',
      '/lines/0/amount',
    ],
    ['a non-finite number', '{"name":"x","active":true,"lines":[{"amount":1e400}]}', '/lines/0/amount'],
  ])('refuses %s in a JSON body with a 400 naming the field', async (_name, text, pointer) => {
    const res = await t.http().post('/api/v1/probe/echo').set('content-type', 'application/json').send(text);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors[0].pointer).toBe(pointer);
  });

  it('refuses deeply nested arrays with a 400 (this app allows 2 kB bodies; the bad-input suite sends 10 000)', async () => {
    const deep = '['.repeat(900) + ']'.repeat(900);
    const res = await t
      .http()
      .post('/api/v1/probe/echo')
      .set('content-type', 'application/json')
      .send(`{"name":"x","active":true,"lines":${deep}}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].messages[0]).toMatch(/nested deeper/);
  });

  it('refuses a NUL character in a query parameter, naming it', async () => {
    const res = await t.http().get('/api/v1/calls?schemeId=bio%00');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('schemeId');
  });

  it('answers an oversized body with a 413 problem', async () => {
    const res = await t
      .http()
      .post('/api/v1/probe/echo')
      .send({ name: 'x'.repeat(5000), active: true, lines: [] });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('payload_too_large');
  });

  it('answers a missing login with a 401 problem', async () => {
    const res = await t.http().get('/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('unauthenticated');
  });

  it('answers an unexpected error with a 500 problem that reveals nothing internal', async () => {
    const res = await t.http().get('/api/v1/probe/crash').set('x-request-id', 'trace-12345678');
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toEqual({
      type: 'urn:grant-engine:problem:internal_error',
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred. Quote the request id when reporting it.',
      code: 'internal_error',
      instance: '/api/v1/probe/crash',
      requestId: 'trace-12345678',
    });
    expect(res.text).not.toMatch(/secret|postgres|at \w+ \(/);
  });

  it('sets security headers', async () => {
    const res = await t.http().get('/api/v1/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
