import { nok } from '@lib/common';
import { newBioCallParameters } from '../../src/schemes/bio/bio-testing';
import { act, bioContent, draft, expectOk, FINANCE, KARI, newClock, OFFICER } from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

const ADMIN = 'admin@trondelag.example';

interface Schema {
  title: string;
  properties: Record<string, { enum?: string[] }>;
  $defs: Record<string, { additionalProperties: boolean }>;
}
interface SchemeBody {
  id: string;
  parametersSchema: Schema;
  applicationSchema: Schema;
  reportSchema: Schema;
  applicationForm: { steps: { title: { nb: string }; fields: string[] }[]; fields: Record<string, unknown> };
  reportForm: { steps: { title: { nb: string }; fields: string[] }[]; fields: Record<string, unknown> };
  callForm: { steps: { title: { nb: string }; fields: string[] }[]; fields: Record<string, unknown> };
}
const OTHER_ADMIN = 'admin@rogaland.example';

/** Calls are data: admins write next year's call over the API, and each application keeps its call's rules. */
describe('calls as configuration', () => {
  let t: TestApp;
  const clock = newClock();
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  const send = async (method: 'get' | 'post' | 'patch', path: string, email: string, body?: object) => {
    const agent = t.http();
    const req = agent[method](`/api/v1${path}`).set('authorization', await t.bearer(email));
    return body ? req.send(body) : req;
  };
  // Next year: a smaller cap for small companies, opening on 1 December, reminders 30 and 7 days ahead.
  const nextYear = () =>
    newBioCallParameters({
      window: { kind: 'rolling', opensAt: '2026-12-01T08:00:00+01:00' },
      maxGrantBySize: {
        smallBelowEmployees: 50,
        smallCompanyMaxOre: nok(200_000),
        otherCompanyMaxOre: nok(400_000),
      },
      reminderDays: [30, 7],
    });
  const createBody = () => ({
    schemeId: 'bio',
    year: 2027,
    title: 'Bedriftsintern opplæring (BIO) 2027 – Trøndelag',
    parameters: nextYear(),
  });

  it('lists the schemes publicly, with JSON Schemas of parameters, application and report', async () => {
    const res = await t.http().get('/api/v1/schemes');
    expect(res.status).toBe(200);
    expect((res.body as SchemeBody[]).map((s) => s.id).sort()).toEqual([
      'bio',
      'corona',
      'etablerer',
      'jobbsjansen',
      'mentor',
    ]);
    const bio = (res.body as SchemeBody[]).find((s) => s.id === 'bio')!;
    expect(bio).toMatchObject({ referencePrefix: 'BIO', name: 'Bedriftsintern opplæring (BIO)' });
    // In words for applicants, in bokmål and English.
    expect(bio).toMatchObject({
      purpose: { nb: expect.stringContaining('opplæring'), en: expect.stringContaining('training') },
      applicants: { nb: expect.stringContaining('Bedrifter'), en: expect.stringContaining('Companies') },
    });
    expect(bio.parametersSchema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      additionalProperties: false,
      required: expect.arrayContaining(['window', 'aidIntensityBasisPoints']),
    });
    expect(bio.parametersSchema.properties.stateAidBasis.enum).toEqual(['gber_art31', 'de_minimis']);
    expect(bio.applicationSchema.$defs.BioCostLineDto.additionalProperties).toBe(false);
    expect(bio.reportSchema.title).toBe('BioFinalReportDto');
    // How the forms are asked: steps, and words and inputs per field (amounts in øre typed as kroner).
    expect(bio.applicationForm.steps.map((s) => s.title.nb)).toEqual([
      'Omstilling og opplæring',
      'Tid og deltakere',
      'Kostnader og finansiering',
      'Erklæringer',
    ]);
    expect(bio.applicationForm.fields['costPlan[].amountOre']).toEqual({
      label: { nb: 'Beløp', en: 'Amount' },
      widget: 'kroner',
    });
    expect(bio.reportForm.steps.flatMap((s) => s.fields)).toEqual([
      'summary',
      'participantsCompleted',
      'actualCosts',
    ]);
    // The call's parameters are asked of the administrator the same way, every parameter in words.
    expect(bio.callForm.steps.flatMap((s) => s.fields).sort()).toEqual(
      Object.keys(bio.parametersSchema.properties).sort(),
    );
    expect(bio.callForm.fields['maxGrantBySize.smallCompanyMaxOre']).toEqual({
      label: { nb: 'Største tilskudd til en liten bedrift', en: 'Largest grant to a small company' },
      widget: 'kroner',
    });
    expect((await t.http().get('/api/v1/schemes/nope')).status).toBe(404);
  });

  it("lets an admin list the county's frames to pick a call's frame, but not read their ledgers", async () => {
    const frames = await send('get', '/frames', ADMIN);
    expect(frames.status).toBe(200);
    const list = frames.body as { id: string; schemeId: string; countyId: string }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.some((f) => f.schemeId === 'bio')).toBe(true);
    const other = await send('get', '/frames', OTHER_ADMIN);
    expect((other.body as { id: string }[]).some((f) => list.some((mine) => mine.id === f.id))).toBe(false);
    expect((await send('get', `/frames/${list[0].id}/entries`, ADMIN)).status).toBe(403);
    expect((await send('get', '/frames', OFFICER)).status).toBe(403);
  });

  it('lists published calls publicly with their county and the size of their frame', async () => {
    const res = await t.http().get('/api/v1/calls');
    expect(res.status).toBe(200);
    const bio = (res.body as { title: string }[]).find(
      (c) => c.title === 'Bedriftsintern opplæring (BIO) 2026 – Trøndelag',
    );
    expect(bio).toMatchObject({
      countyName: expect.stringContaining('Trøndelag'),
      frameAllocatedOre: nok(23_300_000),
      open: true,
    });
    const one = await t.http().get(`/api/v1/calls/${(bio as unknown as { id: string }).id}`);
    expect(one.body).toMatchObject({
      countyName: expect.stringContaining('Trøndelag'),
      frameAllocatedOre: nok(23_300_000),
    });
  });

  it('refuses bad parameters field by field, and rules across fields with reasons, creating nothing', async () => {
    const bad = await send('post', '/admin/calls', ADMIN, {
      ...createBody(),
      parameters: { ...nextYear(), aidIntensityBasisPoints: 12_000, window: { kind: 'rolling' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields = (bad.body.errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['parameters.aidIntensityBasisPoints', 'parameters.window.opensAt']),
    );
    const unknown = await send('post', '/admin/calls', ADMIN, { ...createBody(), colour: 'blue' });
    expect(unknown.status).toBe(400);
    const closesBeforeOpening = await send('post', '/admin/calls', ADMIN, {
      ...createBody(),
      parameters: {
        ...nextYear(),
        window: {
          kind: 'rolling',
          opensAt: '2026-12-01T08:00:00+01:00',
          closesAt: '2026-11-01T08:00:00+01:00',
        },
      },
    });
    expect(closesBeforeOpening.status).toBe(422);
    expect(closesBeforeOpening.body.reasons.length).toBeGreaterThan(0);
    // The fields every call has are the kernel's: follow-up days checked field by field, and the
    // lapse proposal must come after the escalation, whatever the scheme.
    const badFollowUp = await send('post', '/admin/calls', ADMIN, {
      ...createBody(),
      parameters: { ...nextYear(), reminderDays: [0, 7, 7] },
    });
    expect(badFollowUp.status).toBe(400);
    expect((badFollowUp.body.errors as Array<{ field: string }>).map((e) => e.field)).toEqual([
      'parameters.reminderDays',
    ]);
    const lapseFirst = await send('post', '/admin/calls', ADMIN, {
      ...createBody(),
      parameters: { ...nextYear(), overdueEscalationDays: 30, overdueLapseProposalDays: 30 },
    });
    expect(lapseFirst.status).toBe(422);
    expect(lapseFirst.body.reasons).toEqual([
      expect.objectContaining({ code: 'escalation_order', field: 'overdueLapseProposalDays' }),
    ]);
    // Top-level follow-up fields are gone: they live in the parameters.
    expect(
      (await send('post', '/admin/calls', ADMIN, { ...createBody(), reminderDays: [30, 7] })).status,
    ).toBe(400);
    expect((await send('post', '/admin/calls', OFFICER, createBody())).status).toBe(403);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM funding_call WHERE scheme_id = 'bio' AND year = 2027`,
    );
    expect(n).toBe(0);
  });

  it('creates next year’s call, edits the draft, publishes it and then freezes it; old applications keep their rules', async () => {
    // An application under this year's call, submitted before next year's call exists.
    const old = await draft(t);
    await expectOk(act(t, KARI, old.id, 'submit'));
    const oldMaximum = async () =>
      Number(
        (await t.dataSource.query(`SELECT maximum_amount FROM application WHERE id = $1`, [old.id]))[0]
          .maximum_amount,
      );
    expect(await oldMaximum()).toBe(nok(300_000));

    const created = await send('post', '/admin/calls', ADMIN, createBody());
    expect(created.status).toBe(201);
    const call = created.body as {
      id: string;
      status: string;
      opensAt: string;
      closesAt: string | null;
      version: number;
    };
    expect(call).toMatchObject({ status: 'draft', opensAt: '2026-12-01T07:00:00.000Z', closesAt: null });
    expect(created.body.parameters).toMatchObject({
      reminderDays: [30, 7],
      overdueEscalationDays: 14,
      overdueLapseProposalDays: 42,
    });
    // Drafts are not public; another county's admin does not see it.
    expect((await t.http().get(`/api/v1/calls/${call.id}`)).status).toBe(404);
    expect((await send('get', `/admin/calls/${call.id}`, OTHER_ADMIN)).status).toBe(404);
    // No frame yet: it cannot be published.
    expect((await send('post', `/admin/calls/${call.id}/publish`, ADMIN)).status).toBe(422);

    const frame = await send('post', '/frames', FINANCE, { schemeId: 'bio', year: 2027, name: 'BIO 2027' });
    expect(frame.status).toBe(201);
    await expectOk(
      send('post', `/frames/${frame.body.id}/allocations`, FINANCE, {
        kind: 'allocation',
        amount: nok(20_000_000),
        reason: 'Budget 2027',
      }),
    );
    const edited = await send('patch', `/admin/calls/${call.id}`, ADMIN, {
      version: call.version,
      frameId: frame.body.id,
      title: 'BIO 2027 – Trøndelag',
    });
    expect(edited.status).toBe(200);
    const published = await send('post', `/admin/calls/${call.id}/publish`, ADMIN);
    expect(published.status).toBe(200);

    // Published: frozen, public, and its opening is announced on 1 December.
    const frozen = await send('patch', `/admin/calls/${call.id}`, ADMIN, {
      version: published.body.version,
      parameters: createBody().parameters,
    });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('call_frozen');
    expect((await t.http().get(`/api/v1/calls/${call.id}`)).body).toMatchObject({
      status: 'published',
      open: false,
    });
    expect(
      await t.dataSource.query(`SELECT kind, due_at FROM deadline WHERE call_id = $1`, [call.id]),
    ).toEqual([{ kind: 'call.opens', due_at: new Date('2026-12-01T07:00:00.000Z') }]);
    expect(
      (
        await t.dataSource.query(`SELECT action FROM call_audit_record WHERE call_id = $1 ORDER BY id`, [
          call.id,
        ])
      ).map((r: { action: string }) => r.action),
    ).toEqual(['created', 'updated', 'published']);

    // December: both calls are open. The new call's smaller cap governs its applications only.
    clock.set('2026-12-02T09:00:00+01:00');
    const content = bioContent({ startDate: '2027-01-04', endDate: '2027-12-17' });
    const underNew = await draft(t, { callId: call.id, content });
    const refused = await act(t, KARI, underNew.id, 'submit');
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body.reasons)).toMatch(/200 000 NOK/);
    const underOld = await draft(t, { content });
    await expectOk(act(t, KARI, underOld.id, 'submit'));
    const fits = await draft(t, {
      callId: call.id,
      content: bioContent({
        startDate: '2027-01-04',
        endDate: '2027-12-17',
        financingPlan: {
          requestedGrantOre: nok(200_000),
          ownContributionOre: nok(500_000),
          otherPublicSupportOre: 0,
        },
      }),
    });
    await expectOk(act(t, KARI, fits.id, 'submit'));
    const maximum = async (id: string) =>
      Number(
        (await t.dataSource.query(`SELECT maximum_amount FROM application WHERE id = $1`, [id]))[0]
          .maximum_amount,
      );
    expect(await maximum(fits.id)).toBe(nok(200_000));
    expect(await maximum(underOld.id)).toBe(nok(300_000));
    expect(await oldMaximum()).toBe(nok(300_000));
  });
});
