import { DAY_MS, formatNorwegianDate, norwegianDate } from '@lib/common';
import { act, APPROVER, expectOk, FINANCE, newClock, recommended } from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

const NOK = 100;
const DIRECT_ORG = '987654325';

describe("finance: a frame's ledger with recipients, its filters and CSV, and changes that need a case reference", () => {
  let t: TestApp;
  let bioFrameId: string;
  let frameId: string;
  let otherFrameId: string;

  const request = async (method: 'get' | 'post', path: string, body?: object, email = FINANCE) => {
    const http = t.http();
    const req = (method === 'get' ? http.get(`/api/v1${path}`) : http.post(`/api/v1${path}`)).set(
      'authorization',
      await t.bearer(email),
    );
    return body ? req.send(body) : req;
  };
  const newFrame = async (year: number, name: string, kroner: number) => {
    const created = await request('post', '/frames', { schemeId: 'bio', year, name });
    expect(created.status).toBe(201);
    await expectOk(
      request('post', `/frames/${created.body.id}/allocations`, {
        kind: 'allocation',
        amount: kroner * NOK,
        reason: 'Årets ramme',
      }),
    );
    return created.body.id as string;
  };
  const frame = async (id: string) => (await request('get', `/frames/${id}`)).body as { allocated: number };
  const entries = async (id: string, query = '') =>
    (await request('get', `/frames/${id}/entries${query}`)).body as {
      items: Array<Record<string, unknown>>;
      nextCursor: string | null;
    };

  beforeAll(async () => {
    t = await startTestApp({ clock: newClock() });
    [{ frame_id: bioFrameId }] = await t.dataSource.query(
      `SELECT frame_id FROM funding_call WHERE scheme_id = 'bio'`,
    );
    frameId = await newFrame(2032, 'BIO 2032', 1_000_000);
    otherFrameId = await newFrame(2032, 'Fagbrev 2032', 200_000);
  });
  afterAll(() => t.close());

  it.each([
    ['a top-up', 'allocations', { kind: 'top_up', amount: 1_000 * NOK, reason: 'Mer' }, 'caseReference'],
    [
      'a reallocation',
      'reallocations',
      { toFrameId: 'OTHER', amount: 1_000 * NOK, reason: 'Flytt' },
      'caseReference',
    ],
    [
      'a direct allocation',
      'direct-allocations',
      {
        recipient: 'Karrieresenteret',
        organisationNumber: DIRECT_ORG,
        amount: 1_000 * NOK,
        reason: 'Rettleiing',
      },
      'decisionReference',
    ],
  ])(
    'refuses %s without its political case reference (422 naming the field), booking nothing',
    async (_what, path, body, field) => {
      const before = await frame(frameId);
      const payload = { ...body, ...('toFrameId' in body ? { toFrameId: otherFrameId } : {}) };
      for (const reference of [undefined, '', '   ']) {
        const res = await request('post', `/frames/${frameId}/${path}`, {
          ...payload,
          ...(reference === undefined ? {} : { [field]: reference }),
        });
        expect(res.status).toBe(422);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body).toMatchObject({
          code: 'case_reference_required',
          errors: [expect.objectContaining({ field, pointer: `/${field}` })],
        });
      }
      expect(await frame(frameId)).toEqual(before);
    },
  );

  it("refuses a direct allocation to an organisation number that fails the check digit, or isn't nine digits", async () => {
    const body = {
      recipient: 'Karrieresenteret',
      amount: 1_000 * NOK,
      reason: 'x',
      decisionReference: 'FT-sak 45/26',
    };
    const wrongCheck = await request('post', `/frames/${frameId}/direct-allocations`, {
      ...body,
      organisationNumber: '987654321',
    });
    expect(wrongCheck.status).toBe(422);
    expect(wrongCheck.body.code).toBe('invalid_organisation_number');
    for (const organisationNumber of ['12345', '98765432X', ''])
      expect(
        (await request('post', `/frames/${frameId}/direct-allocations`, { ...body, organisationNumber }))
          .status,
      ).toBe(400);
  });

  it('books a top-up, a reallocation and a direct allocation, and lists them with case references and recipients', async () => {
    await expectOk(
      request('post', `/frames/${frameId}/allocations`, {
        kind: 'top_up',
        amount: 250_000 * NOK,
        reason: 'Tilleggsbevilgning',
        caseReference: 'FT-sak 45/26',
      }),
    );
    const moved = await expectOk(
      request('post', `/frames/${frameId}/reallocations`, {
        toFrameId: otherFrameId,
        amount: 100_000 * NOK,
        reason: 'Omdisponering',
        caseReference: 'FT-sak 46/26',
      }),
    );
    expect(moved).toMatchObject({
      from: { allocated: 1_150_000 * NOK },
      to: { allocated: 300_000 * NOK },
    });
    const direct = await expectOk(
      request('post', `/frames/${frameId}/direct-allocations`, {
        recipient: 'Karrieresenteret i Trøndelag',
        organisationNumber: '987 654 325',
        amount: 50_000_50,
        reason: 'Karriererettleiing',
        decisionReference: 'FT-sak 47/26',
      }),
    );
    expect(direct.available).toBe(1_150_000 * NOK - 50_000_50);

    const page = await entries(frameId);
    expect(page.items.map((e) => [e.kind, e.direction, e.caseReference])).toEqual([
      ['commitment', null, 'FT-sak 47/26'],
      ['reallocation', 'out', 'FT-sak 46/26'],
      ['top_up', null, 'FT-sak 45/26'],
      ['allocation', null, null],
    ]);
    expect(page.items[0]).toMatchObject({
      recipientName: 'Karrieresenteret i Trøndelag',
      organisationNumber: DIRECT_ORG,
      applicationReference: null,
      amount: 50_000_50,
    });
    expect(page.items[2]).toMatchObject({ recipientName: null, organisationNumber: null });
    const into = await entries(otherFrameId, '?kind=reallocation');
    expect(into.items).toEqual([
      expect.objectContaining({ direction: 'in', caseReference: 'FT-sak 46/26', amount: 100_000 * NOK }),
    ]);
  });

  it("names a granted application's organisation, its number and the application's case reference", async () => {
    const id = await recommended(t, 30_000 * NOK);
    await expectOk(act(t, APPROVER, id, 'decide-grant'));
    const [{ reference, organisation_number: orgNumber, name }] = await t.dataSource.query(
      `SELECT a.reference, o.organisation_number, o.name FROM application a
         JOIN organisation o ON o.id = a.organisation_id WHERE a.id = $1`,
      [id],
    );
    const spaced = `${orgNumber.slice(0, 3)} ${orgNumber.slice(3, 6)} ${orgNumber.slice(6)}`;
    const byOrg = await entries(bioFrameId, `?search=${encodeURIComponent(spaced)}`);
    expect(byOrg.items).toEqual([
      expect.objectContaining({
        kind: 'commitment',
        applicationId: id,
        applicationReference: reference,
        recipientName: name,
        organisationNumber: orgNumber,
        amount: 30_000 * NOK,
      }),
    ]);
    const byReference = await entries(bioFrameId, `?search=${encodeURIComponent(reference.toLowerCase())}`);
    expect(byReference.items.map((e) => e.applicationId)).toEqual([id]);
  });

  it('filters by kind, by Norwegian day and by a part of the case reference, one keyset page at a time', async () => {
    // The entries are stamped by the service's clock (the test's), not the database's.
    const now = newClock().now();
    const today = norwegianDate(now);
    const tomorrow = new Date(now.getTime() + DAY_MS);
    const yesterday = new Date(now.getTime() - DAY_MS);
    expect((await entries(frameId, `?from=${today}&to=${today}`)).items).toHaveLength(4);
    expect((await entries(frameId, `?from=${norwegianDate(tomorrow)}`)).items).toHaveLength(0);
    expect((await entries(frameId, `?to=${norwegianDate(yesterday)}`)).items).toHaveLength(0);
    expect((await entries(frameId, '?kind=top_up')).items.map((e) => e.caseReference)).toEqual([
      'FT-sak 45/26',
    ]);
    const first = await entries(frameId, `?search=${encodeURIComponent('ft-sak 4')}&limit=2`);
    expect(first.items.map((e) => e.caseReference)).toEqual(['FT-sak 47/26', 'FT-sak 46/26']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await entries(
      frameId,
      `?search=${encodeURIComponent('ft-sak 4')}&limit=2&after=${encodeURIComponent(first.nextCursor!)}`,
    );
    expect(second.items.map((e) => e.caseReference)).toEqual(['FT-sak 45/26']);
    expect(second.nextCursor).toBeNull();
    expect((await entries(frameId, `?search=${DIRECT_ORG}`)).items).toHaveLength(1);
    expect((await entries(frameId, '?search=%25')).items).toHaveLength(0);
    for (const bad of ['?from=2026-02-30', '?to=01.02.2026', '?kind=gift'])
      expect((await request('get', `/frames/${frameId}/entries${bad}`)).status).toBe(400);
  });

  it('downloads the ledger as Norwegian CSV: BOM, semicolons, kinds in words, dd.mm.åååå, kroner with a decimal comma, the filters applied', async () => {
    const csv = await request('get', `/frames/${frameId}/entries.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename=/);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const lines = csv.text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Postering;Dato;Type;Beløp (kr);Valuta;Saksnummer;Mottaker;Organisasjonsnummer;Politisk saksreferanse;Begrunnelse',
    );
    const today = formatNorwegianDate(norwegianDate(newClock().now()));
    const rows = lines.slice(1).map((l) => l.split(';').slice(1));
    expect(rows).toEqual([
      [today, 'Tildeling', '1000000,00', 'NOK', '', '', '', '', 'Årets ramme'],
      [today, 'Tilleggsbevilgning', '250000,00', 'NOK', '', '', '', 'FT-sak 45/26', 'Tilleggsbevilgning'],
      [today, 'Omdisponering ut', '100000,00', 'NOK', '', '', '', 'FT-sak 46/26', 'Omdisponering'],
      [
        today,
        'Tilsagn',
        '50000,50',
        'NOK',
        '',
        'Karrieresenteret i Trøndelag',
        DIRECT_ORG,
        'FT-sak 47/26',
        'Karriererettleiing',
      ],
    ]);

    const filtered = await request(
      'get',
      `/frames/${frameId}/entries.csv?kind=reallocation&search=${encodeURIComponent('FT-sak 46')}`,
      undefined,
      APPROVER,
    );
    expect(filtered.status).toBe(200);
    expect(filtered.text.slice(1).trimEnd().split('\r\n')).toHaveLength(2);
    expect(filtered.text).toContain(';Omdisponering ut;100000,00;');
    expect((await request('get', `/frames/${frameId}/entries.csv?from=nope`)).status).toBe(400);
    expect(
      (await request('get', `/frames/${frameId}/entries.csv`, undefined, 'okonomi@rogaland.example')).status,
    ).toBe(404);
  });
});
