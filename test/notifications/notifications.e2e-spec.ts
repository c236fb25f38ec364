import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Job } from 'bullmq';
import { SMTPServer } from 'smtp-server';
import { NotificationProcessor } from '../../src/notifications/notification.processor';
import { act, ADMIN, APPROVER, expectOk, newClock, recommended } from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server, in-process, that keeps what it receives. */
async function startSmtp(): Promise<{ server: SMTPServer; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  return { server, port: (server.server.address() as AddressInfo).port, received };
}

/** Enough of quoted-printable for the assertions: soft breaks and =XX bytes (UTF-8). */
function decodeQuotedPrintable(raw: string): string {
  const escaped = raw
    .replace(/=\r?\n/g, '')
    .replace(/%/g, '%25')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => `%${hex}`);
  return decodeURIComponent(escaped);
}

describe('notifications by e-mail', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const clock = newClock();

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({
      clock,
      env: {
        OUTBOX_POLL_MS: '50',
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        MAIL_FROM: 'Trøndelag fylkeskommune <tilskudd@trondelag.example>',
        PUBLIC_URL: 'https://tilskudd.trondelag.example',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  async function until(check: () => boolean | Promise<boolean>, ms = 15_000) {
    const stop = Date.now() + ms;
    while (Date.now() < stop) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }

  it('e-mails the applicant the grant decision, in bokmål, and records it as sent', async () => {
    const id = await recommended(t, 25_000_000);
    await expectOk(act(t, APPROVER, id, 'decide-grant'));
    const [{ reference }] = await t.dataSource.query(`SELECT reference FROM application WHERE id = $1`, [id]);

    const row = async () =>
      (
        await t.dataSource.query(
          // The decision is also announced to staff: pick the applicant's row, not whichever comes first.
          `SELECT id, status, subject, recipient_email FROM notification
            WHERE application_id = $1 AND template = 'grant_decided' AND recipient_email = $2
            ORDER BY created_at, id`,
          [id, 'kari@fjordverk.example'],
        )
      )[0] as { id: string; status: string; subject: string; recipient_email: string } | undefined;
    expect(await until(async () => (await row())?.status === 'sent')).toBe(true);
    const notification = (await row())!;
    expect(notification).toMatchObject({
      subject: `Tilsagn om tilskudd – ${reference}`,
      recipient_email: 'kari@fjordverk.example',
    });

    const mail = smtp.received.find((m) => m.raw.includes(notification.id))!;
    expect(mail.from).toBe('tilskudd@trondelag.example');
    expect(mail.to).toEqual(['kari@fjordverk.example']);
    const text = decodeQuotedPrintable(mail.raw);
    expect(text).toMatch(/er innvilget 250\s000 kr i Bedriftsintern opplæring \(BIO\)/);
    // The e-mail links to the case page in the web app, at the installation's public address.
    expect(text).toContain(
      `Se saken i søknadsportalen: https://tilskudd.trondelag.example/soknader/${reference}`,
    );
  });

  it('sends the applicant a receipt on submission, and every notification arrives exactly once', async () => {
    const id = await recommended(t, 10_000_000);
    const rows = async () =>
      t.dataSource.query(
        `SELECT template, recipient_email, status FROM notification WHERE application_id = $1 ORDER BY created_at, recipient_email`,
        [id],
      );
    expect(
      await until(async () => (await rows()).every((r: { status: string }) => r.status === 'sent')),
    ).toBe(true);
    const sent = await rows();
    const receipts = sent.filter((r: { template: string }) => r.template === 'application_submitted');
    expect(receipts.map((r: { recipient_email: string }) => r.recipient_email)).toContain(
      'kari@fjordverk.example',
    );
    // Each notification arrived exactly once at the SMTP server.
    const ids = await t.dataSource.query(`SELECT id FROM notification WHERE application_id = $1`, [id]);
    for (const { id: notificationId } of ids) {
      expect(smtp.received.filter((m) => m.raw.includes(notificationId)).length).toBe(1);
    }
  });

  it("keeps no copy of a staff invitation's link once it is e-mailed, and the e-mailed link works", async () => {
    const invited = await t
      .http()
      .post('/api/v1/staff/invitations')
      .set('authorization', await t.bearer(ADMIN))
      .send({ email: 'Tone.Token@Trondelag.example', fullName: 'Tone Token', roles: ['finance'] });
    expect(invited.status).toBe(201);
    const row = async () =>
      (
        await t.dataSource.query<
          Array<{ id: string; status: string; body: string; body_after_send: string | null }>
        >(
          `SELECT id, status, body, body_after_send FROM notification
            WHERE recipient_email = $1 AND template = 'staff_invitation'`,
          ['tone.token@trondelag.example'],
        )
      )[0];
    expect(await until(async () => (await row())?.status === 'sent')).toBe(true);
    const notification = await row();

    const mail = smtp.received.find((m) => m.raw.includes(notification.id))!;
    const text = decodeQuotedPrintable(mail.raw);
    const token = /https:\/\/tilskudd\.trondelag\.example\/invitasjon\/([\w-]+)/.exec(text)?.[1] ?? '';
    expect(token.length).toBeGreaterThanOrEqual(40);

    // No row of the outbox holds the token now: the notification keeps the text without the link.
    expect(notification.body).toContain('Tone Token');
    expect(notification.body).toContain('[lenken er fjernet fra kopien etter sending]');
    expect(notification.body_after_send).toBeNull();
    const holding = await t.owner.query<Array<{ n: number }>>(
      `SELECT (SELECT count(*) FROM notification n WHERE n::text LIKE $1)
            + (SELECT count(*) FROM outbox_message o WHERE o::text LIKE $1)
            + (SELECT count(*) FROM staff_invitation i WHERE i::text LIKE $1) AS n`,
      [`%${token}%`],
    );
    expect(Number(holding[0].n)).toBe(0);

    // The link as e-mailed still works, once.
    const accepted = await t
      .http()
      .post('/api/v1/invitations/accept')
      .send({ token, password: 'Et-langt-nok-passord-2026' });
    expect(accepted.status).toBe(200);
    expect(
      (
        await t
          .http()
          .post('/api/v1/auth/login')
          .send({ email: 'tone.token@trondelag.example', password: 'Et-langt-nok-passord-2026' })
      ).status,
    ).toBe(200);
  });

  it('ignores a failed job whose data was lost with Redis, instead of throwing in the worker', async () => {
    const processor = t.app.get(NotificationProcessor);
    await expect(processor.onFailed(undefined, new Error('gone'))).resolves.toBeUndefined();
    const orphan = { data: undefined, attemptsMade: 8, opts: { attempts: 8 } } as unknown as Job;
    await expect(processor.onFailed(orphan, new Error('gone'))).resolves.toBeUndefined();
  });
});
