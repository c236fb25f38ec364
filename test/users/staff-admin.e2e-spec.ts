import { DAY_MS } from '@lib/common';
import { newClock } from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';
import { StaffAuditRepository } from '../../src/users/staff-audit.repository';

const ADMIN = 'admin@trondelag.example';
const OTHER_ADMIN = 'admin@rogaland.example';
const OFFICER = 'saksbehandler@trondelag.example';
const PROBLEM = /^application\/problem\+json/;
const PASSWORD = 'Et-langt-nok-passord-2026';

interface Staff {
  id: string;
  email: string;
  fullName: string;
  roles: string[];
  active: boolean;
  version: number;
  invitationPending: boolean;
  invitationExpiresAt: string | null;
  lastChange: { action: string; at: string; byName: string | null } | null;
}

describe('staff administration: invite, roles, deactivate', () => {
  let t: TestApp;
  const clock = newClock();

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { PUBLIC_URL: 'https://tilskudd.trondelag.example' } });
  });
  afterAll(() => t.close());

  const send = async (email: string, method: 'post' | 'patch', path: string, body: object, key?: string) => {
    const http = t.http();
    const request = (method === 'post' ? http.post(`/api/v1${path}`) : http.patch(`/api/v1${path}`)).set(
      'Authorization',
      await t.bearer(email),
    );
    if (key) void request.set('Idempotency-Key', key);
    return request.send(body);
  };
  const invite = (body: object, key?: string, as = ADMIN) =>
    send(as, 'post', '/staff/invitations', body, key);
  const login = (email: string, password: string) =>
    t.http().post('/api/v1/auth/login').send({ email, password });
  const accept = (token: string, password = PASSWORD) =>
    t.http().post('/api/v1/invitations/accept').send({ token, password });

  /** The invitation e-mail as the outbox holds it, and the token of its link. */
  async function invitationMail(email: string) {
    const rows: Array<{ subject: string; body: string; template: string }> = await t.owner.query(
      `SELECT subject, body, template FROM notification WHERE recipient_email = $1 ORDER BY created_at`,
      [email],
    );
    const mail = rows.at(-1)!;
    const link = /https:\/\/tilskudd\.trondelag\.example\/invitasjon\/([\w-]+)/.exec(mail.body);
    return { ...mail, count: rows.length, token: link?.[1] ?? '' };
  }

  it('invites a staff member: no usable password, an e-mail with a single-use link, only its hash kept', async () => {
    const response = await invite({
      email: 'Nina.Ny@Trondelag.example',
      fullName: 'Nina Ny',
      roles: ['case_officer'],
    });
    expect(response.status).toBe(201);
    const staff = response.body as Staff;
    expect(staff).toMatchObject({
      email: 'nina.ny@trondelag.example',
      fullName: 'Nina Ny',
      roles: ['case_officer'],
      active: true,
      invitationPending: true,
      lastChange: { action: 'invited', byName: 'Arne Admin' },
    });
    expect(new Date(staff.invitationExpiresAt!).getTime()).toBe(clock.now().getTime() + 7 * DAY_MS);

    const mail = await invitationMail('nina.ny@trondelag.example');
    expect(mail.template).toBe('staff_invitation');
    expect(mail.subject).toBe('Invitasjon til tilskuddsforvaltningen i Trøndelag fylkeskommune');
    expect(mail.body).toContain('Arne Admin har gitt deg tilgang');
    expect(mail.body).toContain('som saksbehandler');
    expect(mail.token.length).toBeGreaterThanOrEqual(40);
    const [outbox] = await t.owner.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE kind = 'notification.send'`,
    );
    expect(outbox.n).toBeGreaterThanOrEqual(1);

    const [stored] = await t.owner.query(
      `SELECT i.token_hash, u.password_hash FROM staff_invitation i JOIN user_account u ON u.id = i.user_id WHERE u.id = $1`,
      [staff.id],
    );
    expect(stored.password_hash).toBeNull();
    expect(stored.token_hash).not.toContain(mail.token);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);

    // Nothing to sign in with yet.
    expect((await login('nina.ny@trondelag.example', '')).status).toBe(400);
    expect((await login('nina.ny@trondelag.example', PASSWORD)).status).toBe(401);
  });

  it('lets the invited person choose a password once, with the rules of every password', async () => {
    const { token } = await invitationMail('nina.ny@trondelag.example');
    const short = await accept(token, 'kort');
    expect(short.status).toBe(400);
    expect(short.headers['content-type']).toMatch(PROBLEM);

    const unknown = await accept('x'.repeat(43));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'invitation_not_found' });

    const ok = await accept(token);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ email: 'nina.ny@trondelag.example' });
    expect((await login('nina.ny@trondelag.example', PASSWORD)).status).toBe(200);

    const again = await accept(token, 'Et-annet-langt-passord');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'invitation_used' });
    expect((await login('nina.ny@trondelag.example', 'Et-annet-langt-passord')).status).toBe(401);

    const list = (
      await t
        .http()
        .get('/api/v1/staff')
        .set('Authorization', await t.bearer(ADMIN))
    ).body as Staff[];
    expect(list.find((s) => s.email === 'nina.ny@trondelag.example')).toMatchObject({
      invitationPending: false,
      invitationExpiresAt: null,
      lastChange: { action: 'password_set', byName: 'Nina Ny' },
    });
  });

  it('refuses an invitation link after seven days', async () => {
    expect(
      (await invite({ email: 'sen@trondelag.example', fullName: 'Sigurd Sen', roles: ['finance'] })).status,
    ).toBe(201);
    const { token } = await invitationMail('sen@trondelag.example');
    clock.advance(7 * DAY_MS + 1000);
    try {
      const late = await accept(token);
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({ code: 'invitation_expired' });
      expect((await login('sen@trondelag.example', PASSWORD)).status).toBe(401);
      const list = (
        await t
          .http()
          .get('/api/v1/staff')
          .set('Authorization', await t.bearer(ADMIN))
      ).body as Staff[];
      expect(list.find((s) => s.email === 'sen@trondelag.example')).toMatchObject({
        invitationPending: true,
        invitationExpiresAt: null,
      });
    } finally {
      clock.advance(-(7 * DAY_MS + 1000));
    }
  });

  it('sends a new invitation to someone without a password; the earlier link stops working', async () => {
    const invited = (
      await invite({ email: 'mistet@trondelag.example', fullName: 'Mia Mistet', roles: ['approver'] })
    ).body as Staff;
    const old = await invitationMail('mistet@trondelag.example');
    const again = await send(ADMIN, 'post', `/staff/${invited.id}/invitations`, { version: invited.version });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({
      invitationPending: true,
      version: invited.version + 1,
      lastChange: { action: 'reinvited', byName: 'Arne Admin' },
    });
    const fresh = await invitationMail('mistet@trondelag.example');
    expect(fresh.count).toBe(2);
    expect(fresh.token).not.toBe(old.token);
    expect((await accept(old.token)).body).toMatchObject({ code: 'invitation_expired' });
    expect((await accept(fresh.token)).status).toBe(200);

    const done = await send(ADMIN, 'post', `/staff/${invited.id}/invitations`, {
      version: (again.body as Staff).version + 1,
    });
    expect(done.status).toBe(409);
    expect(done.body).toMatchObject({ code: 'not_invitable' });
    const [officer] = await t.owner.query(`SELECT id FROM user_account WHERE email = $1`, [OFFICER]);
    expect((await send(OTHER_ADMIN, 'post', `/staff/${officer.id}/invitations`, { version: 1 })).status).toBe(
      404,
    );
  });

  it('refuses a taken e-mail address, no roles and unknown roles', async () => {
    const taken = await invite({ email: OFFICER, fullName: 'Siri Igjen', roles: ['case_officer'] });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'email_taken' });
    expect((await invite({ email: 'a@trondelag.example', fullName: 'A A', roles: [] })).status).toBe(400);
    expect((await invite({ email: 'a@trondelag.example', fullName: 'A A', roles: ['boss'] })).status).toBe(
      400,
    );
    expect(
      (await invite({ email: 'a@trondelag.example', fullName: 'A A', roles: ['admin'] }, undefined, OFFICER))
        .status,
    ).toBe(403);
  });

  it('invites once under one Idempotency-Key', async () => {
    const body = { email: 'en.gang@trondelag.example', fullName: 'Eva Engang', roles: ['approver'] };
    const first = await invite(body, 'invite-en-gang-1');
    const again = await invite(body, 'invite-en-gang-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await invitationMail('en.gang@trondelag.example')).count).toBe(1);
    const reused = await invite({ ...body, fullName: 'Eva Annen' }, 'invite-en-gang-1');
    expect(reused.status).toBe(422);
  });

  async function staffByEmail(email: string): Promise<Staff> {
    const list = (
      await t
        .http()
        .get('/api/v1/staff')
        .set('Authorization', await t.bearer(ADMIN))
    ).body as Staff[];
    return list.find((s) => s.email === email)!;
  }

  it('changes roles on the current version, audited; a stale version is refused', async () => {
    const nina = await staffByEmail('nina.ny@trondelag.example');
    const changed = await send(ADMIN, 'patch', `/staff/${nina.id}`, {
      version: nina.version,
      roles: ['approver', 'case_officer'],
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      roles: ['case_officer', 'approver'],
      version: nina.version + 1,
      lastChange: { action: 'roles_changed', byName: 'Arne Admin' },
    });

    const stale = await send(ADMIN, 'patch', `/staff/${nina.id}`, {
      version: nina.version,
      roles: ['finance'],
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale_version' });

    const none = await send(ADMIN, 'patch', `/staff/${nina.id}`, { version: nina.version + 1, roles: [] });
    expect(none.status).toBe(400);

    // The new role counts at once, on the token she already has.
    const token = `Bearer ${(await login('nina.ny@trondelag.example', PASSWORD)).body.accessToken as string}`;
    const me = await t.http().get('/api/v1/me').set('Authorization', token);
    expect(me.body).toMatchObject({ roles: ['case_officer', 'approver'] });
  });

  it('repeats a role change under the same Idempotency-Key without changing twice', async () => {
    const nina = await staffByEmail('nina.ny@trondelag.example');
    const body = { version: nina.version, roles: ['case_officer'] };
    const first = await send(ADMIN, 'patch', `/staff/${nina.id}`, body, 'roles-nina-1');
    const again = await send(ADMIN, 'patch', `/staff/${nina.id}`, body, 'roles-nina-1');
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await staffByEmail('nina.ny@trondelag.example')).version).toBe(nina.version + 1);
  });

  it('does not let an administrator remove their own admin role or deactivate themselves', async () => {
    const me = await staffByEmail(ADMIN);
    const own = await send(ADMIN, 'patch', `/staff/${me.id}`, {
      version: me.version,
      roles: ['case_officer'],
    });
    expect(own.status).toBe(422);
    expect(own.body).toMatchObject({ code: 'own_admin_role' });
    const more = await send(ADMIN, 'patch', `/staff/${me.id}`, {
      version: me.version,
      roles: ['finance', 'admin'],
    });
    expect(more.status).toBe(200);
    const self = await send(ADMIN, 'post', `/staff/${me.id}/deactivate`, { version: me.version + 1 });
    expect(self.status).toBe(422);
    expect(self.body).toMatchObject({ code: 'deactivate_self' });
  });

  it('deactivates: no sign-in, and the tokens and sessions already given stop working; reactivates', async () => {
    const nina = await staffByEmail('nina.ny@trondelag.example');
    const token = `Bearer ${(await login('nina.ny@trondelag.example', PASSWORD)).body.accessToken as string}`;
    const session = await t
      .http()
      .post('/api/v1/auth/session')
      .send({ email: 'nina.ny@trondelag.example', password: PASSWORD });
    const cookies = session.headers['set-cookie'] as unknown as string[];
    expect((await t.http().get('/api/v1/me').set('Authorization', token)).status).toBe(200);
    expect((await t.http().get('/api/v1/me').set('Cookie', cookies)).status).toBe(200);

    const off = await send(
      ADMIN,
      'post',
      `/staff/${nina.id}/deactivate`,
      { version: nina.version },
      'off-nina-1',
    );
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, lastChange: { action: 'deactivated' } });
    const repeat = await send(
      ADMIN,
      'post',
      `/staff/${nina.id}/deactivate`,
      { version: nina.version },
      'off-nina-1',
    );
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual(off.body);

    expect((await login('nina.ny@trondelag.example', PASSWORD)).status).toBe(401);
    expect((await t.http().get('/api/v1/me').set('Authorization', token)).status).toBe(401);
    expect((await t.http().get('/api/v1/me').set('Cookie', cookies)).status).toBe(401);

    const twice = await send(ADMIN, 'post', `/staff/${nina.id}/deactivate`, {
      version: (off.body as Staff).version,
    });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'already_deactivated' });

    const on = await send(ADMIN, 'post', `/staff/${nina.id}/reactivate`, {
      version: (off.body as Staff).version,
    });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ active: true, lastChange: { action: 'reactivated' } });
    expect((await login('nina.ny@trondelag.example', PASSWORD)).status).toBe(200);
  });

  it("treats another county's staff, an applicant or an unknown id as not found", async () => {
    const nina = await staffByEmail('nina.ny@trondelag.example');
    const list = (
      await t
        .http()
        .get('/api/v1/staff')
        .set('Authorization', await t.bearer(OTHER_ADMIN))
    ).body as Staff[];
    expect(list.map((s) => s.email)).not.toContain('nina.ny@trondelag.example');
    for (const [method, path, body] of [
      ['patch', `/staff/${nina.id}`, { version: nina.version, roles: ['finance'] }],
      ['post', `/staff/${nina.id}/deactivate`, { version: nina.version }],
      ['post', `/staff/${nina.id}/reactivate`, { version: nina.version }],
    ] as const) {
      const response = await send(OTHER_ADMIN, method, path, body);
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(PROBLEM);
    }
    const [kari] = await t.owner.query(`SELECT id FROM user_account WHERE email = 'kari@fjordverk.example'`);
    expect((await send(ADMIN, 'post', `/staff/${kari.id}/deactivate`, { version: 1 })).status).toBe(404);
    expect(
      (await send(ADMIN, 'post', '/staff/00000000-0000-4000-8000-000000000000/deactivate', { version: 1 }))
        .status,
    ).toBe(404);
  });

  it('records every change in a hash-chained, append-only trail per user', async () => {
    const nina = await staffByEmail('nina.ny@trondelag.example');
    const audit = t.app.get(StaffAuditRepository);
    const history = await audit.history(t.dataSource.manager, nina.id);
    expect(history.map((r) => r.action)).toEqual([
      'invited',
      'password_set',
      'roles_changed',
      'roles_changed',
      'deactivated',
      'reactivated',
    ]);
    expect(history[2].changes).toEqual({
      roles: { from: ['case_officer'], to: ['case_officer', 'approver'] },
    });
    expect(await audit.verify(t.dataSource.manager, nina.id)).toMatchObject({ valid: true, records: 6 });
    await expect(
      t.dataSource.query(`UPDATE staff_audit_record SET action = 'x' WHERE user_id = $1`, [nina.id]),
    ).rejects.toThrow();
  });
});
