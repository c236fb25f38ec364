import { Controller, Get } from '@nestjs/common';
import { Allow } from '../../src/auth/auth.decorators';
import { DEMO_ORGANISATIONS, DEMO_STAFF } from '../../src/seed/demo-data';
import { startTestApp, TestApp } from '../support/test-app';

/** A finance-only route, as the budget endpoints declare themselves. */
@Controller('probe-finance')
@Allow('finance')
class FinanceProbeController {
  @Get()
  summary() {
    return { ok: true };
  }

  @Get('shared')
  @Allow('finance', 'approver')
  shared() {
    return { ok: true };
  }
}

const staff = Object.fromEntries(DEMO_STAFF.map((s) => [s.roles[0], s.email]));

describe('roles: one guard decides who may call what', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ controllers: [FinanceProbeController] });
  });
  afterAll(() => t.close());

  const get = async (path: string, email: string) =>
    t
      .http()
      .get(path)
      .set('authorization', await t.bearer(email));

  it('lets finance in and refuses a case officer, an approver and an applicant with 403', async () => {
    expect((await get('/api/v1/probe-finance', staff.finance)).status).toBe(200);
    for (const email of [staff.case_officer, staff.approver, DEMO_ORGANISATIONS[0].user.email]) {
      const res = await get('/api/v1/probe-finance', email);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'forbidden', detail: 'This action is for: finance' });
    }
  });

  it('lets a method widen its controller’s audience', async () => {
    expect((await get('/api/v1/probe-finance/shared', staff.approver)).status).toBe(200);
    expect((await get('/api/v1/probe-finance/shared', staff.case_officer)).status).toBe(403);
  });

  it('answers 401, not 403, without a login', async () => {
    expect((await t.http().get('/api/v1/probe-finance')).status).toBe(401);
  });

  it('keeps staff administration to admins of the same county', async () => {
    expect((await get('/api/v1/staff', staff.case_officer)).status).toBe(403);
    const list = await get('/api/v1/staff', staff.admin);
    expect(list.status).toBe(200);
    expect(list.body.map((s: { email: string }) => s.email).sort()).toEqual(
      DEMO_STAFF.map((s) => s.email).sort(),
    );
    expect(list.body[0].passwordHash).toBeUndefined();

    const created = await t
      .http()
      .post('/api/v1/staff')
      .set('authorization', await t.bearer(staff.admin))
      .send({
        email: 'Ny.Godkjenner@trondelag.example',
        fullName: 'Nina Ny',
        roles: ['approver', 'finance'],
        password: 'a-long-enough-password',
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'ny.godkjenner@trondelag.example',
      roles: ['approver', 'finance'],
    });
    // The new user can log in and holds both roles.
    const newcomer = await t.bearer('ny.godkjenner@trondelag.example', 'a-long-enough-password');
    expect((await t.http().get('/api/v1/probe-finance').set('authorization', newcomer)).status).toBe(200);

    const badRole = await t
      .http()
      .post('/api/v1/staff')
      .set('authorization', await t.bearer(staff.admin))
      .send({
        email: 'x@trondelag.example',
        fullName: 'X Y',
        roles: ['superuser'],
        password: 'a-long-enough-password',
      });
    expect(badRole.status).toBe(400);
    const duplicate = await t
      .http()
      .post('/api/v1/staff')
      .set('authorization', await t.bearer(staff.admin))
      .send({
        email: staff.finance,
        fullName: 'X Y',
        roles: ['finance'],
        password: 'a-long-enough-password',
      });
    expect(duplicate.status).toBe(409);
  });
});
