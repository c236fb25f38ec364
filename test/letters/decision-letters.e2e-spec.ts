import { createHash } from 'node:crypto';
import { addDays, nok } from '@lib/common';
import { renderLetter, type DecisionLetterInputs } from '../../src/letters/decision-letter.template';
import { newMentorApplication } from '../../src/schemes/mentor/mentor-testing';
import { act, APPROVER, draft, expectOk, KARI, newClock, OFFICER, OLA, recommended } from '../support/bio';
import { startTestApp, type TestApp } from '../support/test-app';

type Letter = {
  id: string;
  kind: string;
  title: string;
  decisionDate: string;
  sha256: string;
  byteSize: number;
  pdfPath: string;
};

/** Decision letters: one per decision, written with it, downloadable as the same bytes, only by the parties. */
describe('decision letters', () => {
  let t: TestApp;
  const clock = newClock();
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  const letters = async (id: string, email = KARI) => {
    const res = await t
      .http()
      .get(`/api/v1/applications/${id}/letters`)
      .set('authorization', await t.bearer(email));
    return { status: res.status, body: res.body as Letter[] };
  };
  const download = async (path: string, email = KARI) =>
    t
      .http()
      .get(path)
      .set('authorization', await t.bearer(email))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const stored = async (id: string) =>
    await t.dataSource.query<
      Array<{ kind: string; sha256: string; byte_size: number; inputs: Record<string, unknown> }>
    >(`SELECT kind, sha256, byte_size, inputs FROM decision_letter WHERE application_id = $1`, [id]);

  it('writes one grant letter with the decision; the PDF downloads with the SHA-256 recorded', async () => {
    const id = await recommended(t, 25_000_000);
    expect((await letters(id)).body).toEqual([]);
    await expectOk(
      act(t, APPROVER, id, 'decide-grant', {
        grounds: 'Opplæringen styrker omstillingen',
        conditions: ['Kostnadene dokumenteres med faktura'],
      }),
    );
    const rows = await stored(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'grant',
      inputs: {
        kind: 'grant',
        countyName: 'Trøndelag fylkeskommune',
        amountOre: 25_000_000,
        grounds: 'Opplæringen styrker omstillingen',
        conditions: ['Kostnadene dokumenteres med faktura'],
        appeal: { sendTo: 'Trøndelag fylkeskommune' },
      },
    });
    const inputs = rows[0].inputs as { decisionDate: string; appeal: { lastDay: string } };
    expect(inputs.appeal.lastDay).toBe(addDays(inputs.decisionDate, 21));

    const list = await letters(id);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      expect.objectContaining({ kind: 'grant', title: 'Tilsagn om tilskudd', sha256: rows[0].sha256 }),
    ]);
    for (const reader of [KARI, OFFICER]) {
      const pdf = await download(list.body[0].pdfPath, reader);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const bytes = pdf.body as Buffer;
      expect(bytes.length).toBe(rows[0].byte_size);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(rows[0].sha256);
    }
    // The stored inputs draw the same bytes again: the letter can be reproduced from them.
    const again = await renderLetter(rows[0].inputs as unknown as DecisionLetterInputs);
    expect(createHash('sha256').update(again).digest('hex')).toBe(rows[0].sha256);

    // Another organisation's user sees neither the list nor the letter.
    expect((await letters(id, OLA)).status).toBe(404);
    expect((await download(list.body[0].pdfPath, OLA)).status).toBe(404);
  });

  it('writes one rejection letter, with the grounds and the appeal section', async () => {
    const { id } = await draft(t);
    await expectOk(act(t, KARI, id, 'submit'));
    await expectOk(act(t, OFFICER, id, 'assign'));
    await expectOk(act(t, OFFICER, id, 'recommend-rejection', { grounds: 'Internt notat' }));
    await expectOk(act(t, APPROVER, id, 'decide-rejection', { grounds: 'Opplæringen er lovpålagt' }));
    const rows = await stored(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'rejection',
      inputs: {
        amountOre: null,
        paymentPlan: [],
        grounds: 'Opplæringen er lovpålagt',
        acceptanceLastDay: null,
      },
    });
    expect(rows[0].inputs.appeal).not.toBeNull();
    const [letter] = (await letters(id)).body;
    expect(letter).toMatchObject({ kind: 'rejection', title: 'Avslag på søknad om tilskudd' });
    const pdf = await download(letter.pdfPath);
    expect(
      createHash('sha256')
        .update(pdf.body as Buffer)
        .digest('hex'),
    ).toBe(rows[0].sha256);
  });

  it('leaves out the appeal section for a scheme whose decisions are not appealable (mentor, municipalities)', async () => {
    const TOVE = 'tove@trondheim.example';
    // Inside the seeded mentor call's application period.
    clock.set(new Date('2026-11-23T10:00:00+01:00'));
    const [call] = await t.dataSource.query<Array<{ id: string }>>(
      `SELECT c.id FROM funding_call c JOIN county k ON k.id = c.county_id WHERE c.scheme_id = 'mentor' AND k.code = '50'`,
    );
    const [org] = await t.dataSource.query<Array<{ id: string }>>(
      `SELECT o.id FROM organisation o JOIN organisation_member m ON m.organisation_id = o.id
         JOIN user_account u ON u.id = m.user_id WHERE u.email = $1 LIMIT 1`,
      [TOVE],
    );
    const res = await t
      .http()
      .post('/api/v1/applications')
      .set('authorization', await t.bearer(TOVE))
      .send({
        callId: call.id,
        organisationId: org.id,
        content: JSON.parse(JSON.stringify(newMentorApplication())),
      });
    expect(res.status).toBe(201);
    const id = (res.body as { id: string }).id;
    await expectOk(act(t, TOVE, id, 'submit'));
    await expectOk(act(t, OFFICER, id, 'assign'));
    await expectOk(act(t, OFFICER, id, 'recommend-grant', { amount: nok(280_000), notes: 'Godt opplegg' }));
    await expectOk(act(t, APPROVER, id, 'decide-grant'));
    const rows = await stored(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'grant', inputs: { appeal: null, amountOre: nok(280_000) } });
  });
});
