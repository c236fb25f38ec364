import { newApprenticeApplication } from '../../src/schemes/corona/corona-testing';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  act,
  APPROVER,
  bioContent,
  draft,
  expectOk,
  ids,
  KARI,
  newClock,
  OFFICER,
  recommended,
} from '../support/bio';

const RITA = 'rita@rogaland.example';

interface View {
  id: string;
  reference: string;
  caseNumber: string | null;
  status: string;
}

/**
 * Case numbers (saksnummer): given on submission, from 1 and without gaps per county, scheme and
 * year; a submission that is refused or rolled back takes none, concurrent ones never share or skip
 * one, and the work queue finds a case by its number. Trøndelag's BIO 2026 series starts empty in a
 * fresh database (the seed submits nothing), so the numbers here are the whole series.
 */
describe('case numbers', () => {
  let t: TestApp;
  const clock = newClock();

  const get = async (email: string, path: string) => {
    const res = await t
      .http()
      .get(`/api/v1${path}`)
      .set('authorization', await t.bearer(email));
    return res;
  };
  const submit = async (id: string) => (await expectOk(act(t, KARI, id, 'submit'))) as unknown as View;
  const submitted = async () => submit((await draft(t)).id);
  const search = async (email: string, caseNumber: string) => {
    const res = await get(email, `/applications?${new URLSearchParams({ caseNumber, limit: '200' })}`);
    if (res.status !== 200) throw new Error(`${res.status}: ${res.text}`);
    return (res.body as { items: View[] }).items.map((r) => r.caseNumber);
  };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    const [{ password_hash }] = await t.dataSource.query(
      `SELECT password_hash FROM user_account WHERE email = $1`,
      [OFFICER],
    );
    const [rogaland] = await t.dataSource.query(`SELECT id FROM county WHERE code = '11'`);
    await t.dataSource.query(
      `INSERT INTO user_account (email, full_name, password_hash, kind, county_id, roles)
       VALUES ($1, 'Rita', $2, 'staff', $3, '{case_officer,approver}')`,
      [RITA, password_hash, rogaland.id],
    );
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(newClock().now()));

  it('gives none to a draft, and numbers submissions from 1 under the scheme code and the year', async () => {
    const created = await draft(t);
    expect(created).toMatchObject({ caseNumber: null, reference: expect.stringMatching(/^BIO-2026-\d{6}$/) });
    const first = await submit(created.id);
    expect(first).toMatchObject({ caseNumber: '2026/BIO/0001', reference: created.reference });
    expect((await submitted()).caseNumber).toBe('2026/BIO/0002');

    // Both the applicant and the county read it on the case, and the case history records it.
    expect((await get(KARI, `/applications/${created.reference}`)).body).toMatchObject({
      caseNumber: '2026/BIO/0001',
    });
    expect((await get(OFFICER, `/applications/${created.id}`)).body).toMatchObject({
      caseNumber: '2026/BIO/0001',
    });
    const history = (await get(OFFICER, `/applications/${created.id}/history`)).body as Array<{
      event: string;
      payload: Record<string, unknown>;
    }>;
    expect(history.find((r) => r.event === 'SUBMIT')?.payload).toMatchObject({ caseNumber: '2026/BIO/0001' });

    // The e-mail that the application was received names it with the reference.
    const [mail] = await t.dataSource.query<Array<{ body: string }>>(
      `SELECT body FROM notification WHERE application_id = $1 AND template = 'application_submitted' LIMIT 1`,
      [created.id],
    );
    expect(mail.body).toContain(`Saksnummer: 2026/BIO/0001 (søknadsreferanse ${created.reference})`);
  });

  it('takes no number for a refused submission, nor for one rolled back after it took one', async () => {
    const before = (await submitted()).caseNumber!;
    const next = (n: number) => `2026/BIO/${String(Number(before.split('/')[2]) + n).padStart(4, '0')}`;

    // Refused by validation: the form is incomplete.
    const incomplete = await draft(t, { content: { ...bioContent(), financingPlan: undefined } });
    const refused = await act(t, KARI, incomplete.id, 'submit');
    expect(refused.status).toBe(422);

    // Rolled back after the number was taken: writing the case history fails for this one case.
    const doomed = await draft(t);
    await t.owner.query(
      `CREATE FUNCTION fail_case_number_test() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'refused for the test'; END $$`,
    );
    await t.owner.query(
      `CREATE TRIGGER fail_case_number_test BEFORE INSERT ON audit_record FOR EACH ROW
       WHEN (NEW.application_id = '${doomed.id}' AND NEW.event = 'SUBMIT') EXECUTE FUNCTION fail_case_number_test()`,
    );
    try {
      const failed = await act(t, KARI, doomed.id, 'submit');
      expect(failed.status).toBe(500);
    } finally {
      await t.owner.query(`DROP TRIGGER fail_case_number_test ON audit_record`);
      await t.owner.query(`DROP FUNCTION fail_case_number_test()`);
    }
    expect((await get(KARI, `/applications/${doomed.id}`)).body).toMatchObject({
      status: 'draft',
      caseNumber: null,
    });

    expect((await submitted()).caseNumber).toBe(next(1));
    // The one rolled back takes the next number when it is sent again.
    expect((await submit(doomed.id)).caseNumber).toBe(next(2));
  });

  it('gives ten concurrent submissions ten numbers in a row, none shared and none skipped', async () => {
    const before = Number((await submitted()).caseNumber!.split('/')[2]);
    const drafts = [];
    for (let i = 0; i < 10; i++) drafts.push(await draft(t));
    const views = await Promise.all(drafts.map((d) => submit(d.id)));
    const numbers = views.map((v) => Number(v.caseNumber!.split('/')[2])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => before + 1 + i));
    const [{ last_number }] = await t.dataSource.query<Array<{ last_number: number }>>(
      `SELECT c.last_number FROM case_number_counter c JOIN county k ON k.id = c.county_id
        WHERE k.code = '50' AND c.scheme_id = 'bio' AND c.year = 2026`,
    );
    expect(last_number).toBe(before + 10);
  });

  it('keeps a series per county and per scheme', async () => {
    // Rogaland's own BIO call (a copy of Trøndelag's rules) starts its own series.
    const { callId } = await ids(t);
    const [rogalandCall] = await t.owner.query<Array<{ id: string }>>(
      `INSERT INTO funding_call (county_id, scheme_id, year, title, status, opens_at, parameters, published_at, version)
       SELECT (SELECT id FROM county WHERE code = '11'), scheme_id, year, 'BIO 2026 – Rogaland', 'published',
              opens_at, parameters, now(), 1
         FROM funding_call WHERE id = $1 RETURNING id`,
      [callId],
    );
    const inRogaland = await submit((await draft(t, { callId: rogalandCall.id })).id);
    expect(inRogaland.caseNumber).toBe('2026/BIO/0001');
    expect((await submitted()).caseNumber).not.toBe('2026/BIO/0001');

    // Another scheme in Trøndelag: the corona measures, under their own code.
    clock.set(new Date('2026-11-23T10:00:00+01:00'));
    const [corona] = await t.dataSource.query<Array<{ id: string }>>(
      `SELECT c.id FROM funding_call c JOIN county k ON k.id = c.county_id
        WHERE c.scheme_id = 'corona' AND k.code = '50' AND c.parameters->>'measure' = 'apprentice_package'`,
    );
    const { fjordverk } = await ids(t);
    const apprentice = await draft(t, {
      callId: corona.id,
      organisationId: fjordverk,
      content: JSON.parse(JSON.stringify(newApprenticeApplication())) as object,
    });
    expect((await submit(apprentice.id)).caseNumber).toBe('2026/KORONA/0001');

    // A county's staff find only their own county's case by a number both have.
    expect(await search(RITA, '2026/BIO/0001')).toEqual(['2026/BIO/0001']);
    const [mine] = await t.dataSource.query<Array<{ id: string }>>(
      `SELECT a.id FROM application a JOIN county k ON k.id = a.county_id
        WHERE k.code = '50' AND a.case_number = '2026/BIO/0001'`,
    );
    const found = (await get(OFFICER, `/applications?caseNumber=2026%2FBIO%2F0001`)).body as {
      items: View[];
    };
    expect(found.items.map((r) => r.id)).toEqual([mine.id]);
  });

  it('finds a case by its whole number, without the year or zeros, or by the number alone', async () => {
    expect(await search(OFFICER, '2026/BIO/0002')).toEqual(['2026/BIO/0002']);
    expect(await search(OFFICER, '2026/bio/2')).toEqual(['2026/BIO/0002']);
    expect(await search(OFFICER, 'BIO/0002')).toEqual(['2026/BIO/0002']);
    expect((await search(OFFICER, '1')).sort()).toEqual(['2026/BIO/0001', '2026/KORONA/0001']);
    expect(await search(OFFICER, '2025/BIO/0002')).toEqual([]);
    expect(await search(OFFICER, '2026/KORONA/0002')).toEqual([]);
    // The applicant's own list takes the same search: Kari applied in both counties.
    expect(await search(KARI, '2026/BIO/0001')).toEqual(['2026/BIO/0001', '2026/BIO/0001']);
    for (const bad of ['2026/BIO/', 'BIO', '0', '2026-BIO-0001', '26/BIO/1']) {
      const res = await get(OFFICER, `/applications?${new URLSearchParams({ caseNumber: bad })}`);
      expect([bad, res.status]).toEqual([bad, 400]);
    }
  });

  it('puts the case number in the decision letter, before the reference', async () => {
    const id = await recommended(t);
    await expectOk(act(t, APPROVER, id, 'decide-grant'));
    const [letter] = await t.dataSource.query<Array<{ inputs: Record<string, unknown> }>>(
      `SELECT l.inputs FROM decision_letter l WHERE l.application_id = $1`,
      [id],
    );
    const [row] = await t.dataSource.query<Array<{ case_number: string; reference: string }>>(
      `SELECT case_number, reference FROM application WHERE id = $1`,
      [id],
    );
    expect(letter.inputs).toMatchObject({
      version: 2,
      caseNumber: row.case_number,
      reference: row.reference,
    });
  });
});
