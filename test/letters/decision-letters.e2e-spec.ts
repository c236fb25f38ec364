import { createHash } from 'node:crypto';
import { addDays, DAY_MS, nok, norwegianDate } from '@lib/common';
import {
  renderLetter,
  type DecisionLetterInputs,
  type LetterInputs,
} from '../../src/letters/decision-letter.template';
import { newMentorApplication } from '../../src/schemes/mentor/mentor-testing';
import {
  acceptedGrant,
  act,
  APPROVER,
  bioCallWithAdvance,
  bookPaymentsDue,
  draft,
  expectOk,
  KARI,
  newClock,
  OFFICER,
  OLA,
  recommended,
} from '../support/bio';
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

/**
 * The letters of the decisions after a grant: heving, sluttoppgjør with its tilbakebetalingskrav, and
 * the answer to a request for a later report deadline. Each is written with its decision, says what
 * the ledger and the claim say, and downloads as the bytes its stored inputs draw.
 */
describe('letters after the grant', () => {
  let t: TestApp;
  const clock = newClock();
  /** A BIO call whose plan pays 50 % on acceptance (forskudd), the rest on the final report. */
  let callId: string;
  beforeAll(async () => {
    t = await startTestApp({ clock });
    callId = await bioCallWithAdvance(t, 5_000);
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(newClock().now()));

  const stored = async (id: string) =>
    t.dataSource.query<
      Array<{ id: string; kind: string; sha256: string; byte_size: number; inputs: LetterInputs }>
    >(
      `SELECT id, kind, sha256, byte_size, inputs FROM decision_letter WHERE application_id = $1
        ORDER BY created_at, kind`,
      [id],
    );
  const list = async (id: string, email = KARI) => {
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
  const hash = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  const ledger = async (id: string) =>
    (
      await t.dataSource.query<Array<{ outstanding: number; released: number; paid: number }>>(
        `SELECT (committed - released - disbursed - carried_out)::int AS outstanding,
                released::int AS released, (disbursed - repaid)::int AS paid
           FROM grant_position WHERE application_id = $1`,
        [id],
      )
    )[0];
  const claimOf = async (id: string) =>
    (
      await t.dataSource.query<Array<{ amount: number; due_date: string }>>(
        `SELECT amount::int AS amount, to_char(due_date, 'YYYY-MM-DD') AS due_date
           FROM repayment_claim WHERE application_id = $1`,
        [id],
      )
    )[0];
  /** The case's letters as the journal records them (outgoing documents), in journal order. */
  const journalledLetters = (id: string) =>
    t.dataSource.query<Array<{ kind: string; type: string; title: string; file_name: string }>>(
      `SELECT l.kind, j.type, j.title, j.documents->0->>'fileName' AS file_name
         FROM journal_entry j JOIN decision_letter l ON l.id = j.source_id
        WHERE j.application_id = $1 AND j.event = 'decision_letter'
        ORDER BY j.case_entry_number`,
      [id],
    );
  const countyAccount = async () =>
    (
      await t.dataSource.query<Array<{ payment_account: string }>>(
        `SELECT payment_account FROM county WHERE code = '50'`,
      )
    )[0].payment_account;
  const notice = async (id: string, template: string) =>
    (
      await t.dataSource.query<Array<{ body: string }>>(
        `SELECT body FROM notification WHERE application_id = $1 AND template = $2 AND recipient_email = $3`,
        [id, template, KARI],
      )
    )[0]?.body;

  /**
   * The letter of `kind` on the case: listed under its title for both parties, downloaded as the
   * stored bytes with the stored SHA-256, drawn again byte for byte from its inputs, and hidden from
   * another organisation. Returns its inputs.
   */
  async function letter(id: string, kind: string, title: string): Promise<LetterInputs> {
    const row = (await stored(id)).find((r) => r.kind === kind);
    if (!row) throw new Error(`no ${kind} letter on ${id}`);
    const listed = (await list(id)).body.find((l) => l.id === row.id);
    expect(listed).toMatchObject({ kind, title, sha256: row.sha256, byteSize: row.byte_size });
    expect((await list(id, OFFICER)).body.map((l) => l.id)).toContain(row.id);
    for (const reader of [KARI, OFFICER]) {
      const pdf = await download(listed!.pdfPath, reader);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect((pdf.body as Buffer).length).toBe(row.byte_size);
      expect(hash(pdf.body as Buffer)).toBe(row.sha256);
    }
    expect(hash(await renderLetter(row.inputs))).toBe(row.sha256);
    expect((await list(id, OLA)).status).toBe(404);
    expect((await download(listed!.pdfPath, OLA)).status).toBe(404);
    return row.inputs;
  }

  it('heving with a claim: the decision letter states the claim, and the claim has its own letter', async () => {
    const { id, reference } = await acceptedGrant(t, { callId, amount: 25_000_000 });
    expect(await bookPaymentsDue(t, reference)).toBe(12_500_000);
    clock.set('2026-03-02T10:00:00+01:00');
    await expectOk(
      act(t, OFFICER, id, 'propose-cancellation', {
        grounds: 'Prosjektet ble ikke startet.',
        repaymentAmount: 5_000_000,
      }),
    );
    await expectOk(act(t, APPROVER, id, 'decide-cancellation', {}));

    const money = await ledger(id);
    const claim = await claimOf(id);
    expect(claim.amount).toBe(5_000_000);
    const expectedClaim = {
      amountOre: claim.amount,
      dueDate: claim.due_date,
      account: await countyAccount(),
      message: reference,
    };
    const cancellation = await letter(id, 'cancellation', 'Vedtak om heving');
    expect(cancellation).toMatchObject({
      kind: 'cancellation',
      decisionDate: '2026-03-02',
      grantedOre: 25_000_000,
      paidOre: money.paid,
      releasedOre: money.released,
      grounds: 'Prosjektet ble ikke startet.',
      claim: expectedClaim,
      appeal: { lastDay: '2026-03-23' },
    });
    expect(money).toMatchObject({ outstanding: 0, paid: 12_500_000, released: 12_500_000 });
    const claimLetter = await letter(id, 'repayment_claim', 'Tilbakebetalingskrav');
    expect(claimLetter).toMatchObject({ cause: 'cancellation', claim: expectedClaim });
    // Written in one transaction; the claim's letter follows the decision it comes from.
    expect((await list(id)).body.map((l) => l.kind)).toEqual(['grant', 'cancellation', 'repayment_claim']);
    expect(await notice(id, 'grant_cancelled')).toContain('Se vedlagt brev i saken');
    // Every letter is an outgoing document in the journal, the claim's letter too.
    const journalled = await journalledLetters(id);
    expect(journalled.map((j) => [j.kind, j.type])).toEqual([
      ['grant', 'U'],
      ['cancellation', 'U'],
      ['repayment_claim', 'U'],
    ]);
    expect(journalled[1].title).toContain('Vedtak om heving');
    expect(journalled[2].title).toContain('Tilbakebetalingskrav');
    expect(journalled[2].file_name).toBe(`tilbakebetalingskrav-${reference}-2026-03-02.pdf`);
  });

  it('sluttoppgjør: the sums of the letter are the ledger sums, and an overpayment is claimed with its own letter', async () => {
    const { id, reference } = await acceptedGrant(t, { callId, amount: 25_000_000 });
    expect(await bookPaymentsDue(t, reference)).toBe(12_500_000);
    clock.set('2027-03-01T10:00:00+01:00');
    const report = {
      summary: 'Done, cheaper than planned',
      participantsCompleted: 4,
      actualCosts: [
        { category: 'participant_wages', amountOre: 25_000_000 },
        { category: 'provider_fees', amountOre: 15_000_000 },
      ],
    };
    await expectOk(act(t, KARI, id, 'report', { report }));
    clock.set('2027-03-10T10:00:00+01:00');
    await expectOk(act(t, OFFICER, id, 'approve-report', { finalPayableAmount: 10_000_000 }));

    const money = await ledger(id);
    const claim = await claimOf(id);
    expect(claim.amount).toBe(2_500_000);
    const settlement = await letter(id, 'settlement', 'Sluttoppgjør');
    expect(settlement).toMatchObject({
      kind: 'settlement',
      decisionDate: '2027-03-10',
      grantedOre: 25_000_000,
      finalPayableOre: 10_000_000,
      paidOre: money.paid,
      toPayOre: money.outstanding,
      releasedOre: money.released,
      claim: {
        amountOre: claim.amount,
        dueDate: claim.due_date,
        account: await countyAccount(),
        message: reference,
      },
    });
    expect(money).toMatchObject({ paid: 12_500_000, outstanding: 0, released: 12_500_000 });
    expect(await letter(id, 'repayment_claim', 'Tilbakebetalingskrav')).toMatchObject({
      cause: 'settlement',
    });
    expect((await list(id)).body.map((l) => l.kind)).toEqual(['grant', 'settlement', 'repayment_claim']);
    expect(await notice(id, 'final_report_approved')).toContain('Se vedlagt brev i saken');
  });

  it('utsatt frist: a letter with the new deadline when granted, with the grounds when refused', async () => {
    const { id } = await acceptedGrant(t);
    const [{ due_at: due }] = await t.dataSource.query<Array<{ due_at: Date }>>(
      `SELECT due_at FROM deadline WHERE application_id = $1 AND kind = 'final_report' AND status = 'scheduled'`,
      [id],
    );
    const DAY = DAY_MS;
    const asked = new Date(due.getTime() + 60 * DAY);
    const given = new Date(due.getTime() + 30 * DAY);
    await expectOk(
      act(t, KARI, id, 'request-extension', { reason: 'Kursuka ble flyttet', dueAt: asked.toISOString() }),
    );
    await expectOk(
      act(t, OFFICER, id, 'grant-extension', { dueAt: given.toISOString(), grounds: 'Godt begrunnet' }),
    );
    expect(await letter(id, 'extension_granted', 'Utsatt frist innvilget')).toMatchObject({
      previousDueDate: norwegianDate(due),
      requestedDueDate: norwegianDate(asked),
      newDueDate: norwegianDate(given),
      grounds: 'Godt begrunnet',
    });
    expect(await notice(id, 'extension_granted')).toContain('Se vedlagt brev i saken');

    const later = new Date(given.getTime() + 60 * DAY);
    await expectOk(
      act(t, KARI, id, 'request-extension', { reason: 'Enda mer tid', dueAt: later.toISOString() }),
    );
    await expectOk(act(t, OFFICER, id, 'refuse-extension', { grounds: 'Ingen ny grunn er oppgitt' }));
    expect(await letter(id, 'extension_refused', 'Søknad om utsatt frist avslått')).toMatchObject({
      previousDueDate: norwegianDate(given),
      newDueDate: null,
      grounds: 'Ingen ny grunn er oppgitt',
    });
    expect((await stored(id)).map((r) => r.kind).sort()).toEqual([
      'extension_granted',
      'extension_refused',
      'grant',
    ]);
  });
});
