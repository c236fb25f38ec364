import type { Page } from 'playwright-core';
import { accessibilityViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';
import { sampleBioCase } from '../../src/schemes/bio/bio-sample';
import {
  act,
  APPROVER,
  draft,
  expectOk,
  freshOrganisation,
  ids,
  KARI,
  newClock,
  OFFICER,
  recommended,
} from '../support/bio';

const BIO_CALL = 'Bedriftsintern opplæring (BIO) 2026 – Trøndelag';
/** A case officer who is an approver too: four eyes stops them deciding what they recommended. */
const BOTH_ROLES = 'dobbel@trondelag.example';

/** The text of the element that has focus. */
const focused = async (page: Page) =>
  String(await page.evaluate(`document.activeElement?.textContent ?? ''`));

describe("the county's case page: case officer and approver", () => {
  let b: BrowserApp;
  let page: Page;
  let id: string;
  let reference: string;
  let otherReference: string;
  let organisationName: string;

  beforeAll(async () => {
    b = await startBrowserApp({ clock: newClock() });
    // Kari's company sends two applications; the officer works on the first.
    const organisationId = await freshOrganisation(b.t);
    const first = await draft(b.t, { organisationId });
    const second = await draft(b.t, { organisationId });
    id = first.id;
    reference = first.reference;
    otherReference = second.reference;
    await expectOk(act(b.t, KARI, first.id, 'submit'));
    await expectOk(act(b.t, KARI, second.id, 'submit'));
    const [organisation] = await b.t.dataSource.query(`SELECT name FROM organisation WHERE id = $1`, [
      organisationId,
    ]);
    organisationName = organisation.name as string;
    await b.t.dataSource.query(
      `INSERT INTO user_account (email, full_name, kind, county_id, roles, password_hash)
       SELECT $1, 'Dina Dobbeltrolle', 'staff', county_id, ARRAY['case_officer', 'approver'], password_hash
         FROM user_account WHERE email = $2`,
      [BOTH_ROLES, OFFICER],
    );
  }, 120_000);

  afterAll(async () => {
    await b?.close();
  });

  beforeEach(async () => {
    await b.context.clearCookies();
    page = await b.newPage();
  });

  afterEach(async () => {
    await page.close();
  });

  const heading = (ref: string) => page.getByRole('heading', { level: 1, name: `${BIO_CALL} – sak ${ref}` });
  const main = () => page.locator('main');
  const recommend = () => page.getByRole('region', { name: 'Innstill på tilskudd' });

  it('lets the officer take the case, ask for information by a date, note, and recommend a grant', async () => {
    await page.goto(`/saksbehandling/saker/${reference}`);
    await signIn(page, OFFICER);
    await heading(reference).waitFor();
    expect(await page.title()).toBe(`${BIO_CALL} – sak ${reference} – Søknadsportalen`);
    let text = await main().innerText();
    expect(text).toContain('Ny, ikke tildelt');
    expect(text).toContain(organisationName);
    expect(text).toMatch(/Organisasjonsnummer\s+\d{3} \d{3} \d{3}/);
    expect(text).toContain('Ikke tildelt');
    // The form, read-only in the words of the scheme's form layout, step by step, with amounts in
    // kroner and choices in words.
    const content = page.getByRole('region', { name: 'Søknaden' });
    await content.getByRole('heading', { level: 3, name: 'Kostnader og finansiering' }).waitFor();
    const contentText = await content.innerText();
    expect(contentText).toContain('NTNU Videre');
    expect(contentText).toContain('kr\u00a0400\u00a0000');
    expect(contentText).toContain('2. mars 2026');
    expect(contentText).toMatch(/Omstillingsbehov\s+Moving from manual welding/);
    expect(contentText).toMatch(/Type kursleverandør\s+Universitet\b/);
    expect(contentText).toMatch(/Kategori\s+Lønn til deltakerne i opplæringstiden/);
    expect(contentText).not.toContain('participant_wages');
    expect(contentText).not.toContain('Restructuring need');
    expect(contentText).not.toContain('Cost plan');
    // The organisation's other case, by reference and in words.
    const others = page.getByRole('region', { name: `Andre saker fra ${organisationName}` });
    await others.getByRole('link', { name: otherReference }).waitFor();
    expect(await others.innerText()).toContain('Ny, ikke tildelt');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Tildel saken til meg' }).click();
    await page.getByText('Under behandling', { exact: true }).waitFor();
    const history = page.getByRole('region', { name: 'Hva har skjedd i saken' });
    await history.getByText('Siri Saksbehandler, saksbehandler').waitFor();
    expect(await page.getByRole('button', { name: 'Tildel saken til meg' }).count()).toBe(0);
    expect(await history.innerText()).toContain('Kari Nordmann, søker');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Asking without a message or date: the summary says what is missing and takes focus.
    await page.getByLabel('Svarfrist').fill('');
    await page.getByRole('button', { name: 'Send forespørselen' }).click();
    await page.getByText('Skriv hva du trenger fra søkeren').first().waitFor();
    expect(await focused(page)).toContain('Skriv en svarfrist');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Hva trenger du fra søkeren?').fill('Send oss opplæringsplanen fra NTNU.');
    await page.getByLabel('Svarfrist').fill('16.02.2026');
    await page.getByRole('button', { name: 'Send forespørselen' }).click();
    await page.getByText('Venter på svar fra søkeren', { exact: true }).waitFor();
    expect(await main().innerText()).toContain('Svarfrist 16. februar 2026');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Kari answers; the case is back with the officer.
    await expectOk(act(b.t, KARI, id, 'answer-information', { message: 'Planen er lagt ved.' }));
    await page.reload();
    await page.getByText('Under behandling', { exact: true }).waitFor();

    await page.getByLabel('Notat', { exact: true }).fill('Ringte daglig leder: planen er realistisk.');
    await page.getByRole('button', { name: 'Lagre notatet' }).click();
    const notes = page.getByRole('region', { name: 'Interne notater' });
    const note = notes
      .getByRole('listitem')
      .filter({ hasText: 'Ringte daglig leder: planen er realistisk.' });
    await note.waitFor();
    expect(await note.innerText()).toContain('Siri Saksbehandler');
    // The field is emptied for the next note.
    await page.waitForFunction(`document.getElementById('add-note-text')?.value === ''`);

    // Above the largest grant the rules allow: refused in words, next to the action, focused.
    await recommend().getByLabel('Beløp', { exact: true }).fill('400 000');
    await recommend()
      .getByLabel('Begrunnelse', { exact: true })
      .fill('Tydelig omstillingsbehov og en god plan.');
    await page.getByRole('button', { name: 'Send innstillingen' }).click();
    await page.getByText('Beløpet er høyere enn det største tilskuddet').waitFor();
    expect(await focused(page)).toContain('Beløpet er høyere enn det største tilskuddet');
    expect(await accessibilityViolations(page)).toEqual([]);

    await recommend().getByLabel('Beløp', { exact: true }).fill('250 000');
    await page.getByRole('button', { name: 'Send innstillingen' }).click();
    await page.getByText('Innstilt, venter på vedtak', { exact: true }).waitFor();
    text = await main().innerText();
    expect(text).toContain('Tilskudd på kr\u00a0250\u00a0000.');
    expect(text).toContain('Innstilt av Siri Saksbehandler.');
    expect(text).toContain('Ingenting for deg i saken akkurat nå.');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('lets another person, the approver, decide with the grounds prefilled and edited', async () => {
    await page.goto(`/saksbehandling/saker/${reference}`);
    await signIn(page, APPROVER);
    await heading(reference).waitFor();
    const grounds = page.getByLabel('Begrunnelse for vedtaket');
    expect(await grounds.inputValue()).toBe('Tydelig omstillingsbehov og en god plan.');
    // Staff read the notes (loaded after the case itself); within the limit, no committee.
    await page
      .getByRole('region', { name: 'Interne notater' })
      .getByText('Ringte daglig leder', { exact: false })
      .waitFor();
    expect(await main().innerText()).not.toContain('politisk behandling');
    expect(await accessibilityViolations(page)).toEqual([]);

    await grounds.fill('Tydelig omstillingsbehov og en god plan. Opplæringen styrker omstillingen.');
    await page
      .getByLabel('Vilkår (valgfritt)')
      .fill('Sluttrapport sendes innen fristen\n\nKostnadene dokumenteres med faktura');
    await page.getByRole('button', { name: 'Fatt vedtak om tilskudd' }).click();
    await page.getByText('Innvilget, venter på aksept', { exact: true }).waitFor();
    const record = page.getByRole('region', { name: 'Saksgang' });
    expect(await record.innerText()).toContain('Kostnadene dokumenteres med faktura');
    const history = page.getByRole('region', { name: 'Hva har skjedd i saken' });
    expect(await history.innerText()).toContain('Geir Godkjenner, godkjenner');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The applicant reads the edited grounds and the conditions, and never the internal note.
    const kari = await b.t.bearer(KARI);
    const detail = await b.t.http().get(`/api/v1/applications/${id}`).set('authorization', kari);
    expect(detail.body.case.decision).toMatchObject({
      kind: 'grant',
      amount: 25_000_000,
      grounds: 'Tydelig omstillingsbehov og en god plan. Opplæringen styrker omstillingen.',
      conditions: ['Sluttrapport sendes innen fristen', 'Kostnadene dokumenteres med faktura'],
    });
    expect(JSON.stringify(detail.body)).not.toContain('Ringte daglig leder');
    const notes = await b.t.http().get(`/api/v1/applications/${id}/notes`).set('authorization', kari);
    expect(notes.status).toBe(404);
    const staffNotes = await b.t
      .http()
      .get(`/api/v1/applications/${id}/notes`)
      .set('authorization', await b.t.bearer(OFFICER));
    expect(staffNotes.body.map((n: { text: string }) => n.text)).toEqual([
      'Ringte daglig leder: planen er realistisk.',
    ]);
  });

  it('announces the committee route, and tells whoever recommended that another approver decides', async () => {
    // A call of its own with a low delegation limit: 200 000 NOK.
    const { callId } = await ids(b.t);
    const [call] = await b.t.dataSource.query(
      `INSERT INTO funding_call (county_id, scheme_id, year, title, status, opens_at, parameters, published_at, version, frame_id)
       SELECT county_id, scheme_id, year, $2, 'published', opens_at,
              jsonb_set(parameters, '{delegationThresholdOre}', '20000000'), now(), 1, frame_id
         FROM funding_call WHERE id = $1 RETURNING id`,
      [callId, 'BIO 2026 – Trøndelag, lav delegasjon'],
    );
    const created = await draft(b.t, { callId: call.id });
    await expectOk(act(b.t, KARI, created.id, 'submit'));
    await expectOk(act(b.t, BOTH_ROLES, created.id, 'assign'));

    await page.goto(`/saksbehandling/saker/${created.reference}`);
    await signIn(page, BOTH_ROLES);
    await page
      .getByRole('heading', {
        level: 1,
        name: `BIO 2026 – Trøndelag, lav delegasjon – sak ${created.reference}`,
      })
      .waitFor();
    // Announced as soon as the amount typed is above the limit.
    await recommend().getByLabel('Beløp', { exact: true }).fill('150 000');
    expect(await main().innerText()).not.toContain('over delegasjonsgrensen');
    await recommend().getByLabel('Beløp', { exact: true }).fill('250 000');
    await page.getByText('Beløpet er over delegasjonsgrensen på kr\u00a0200\u00a0000').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await recommend().getByLabel('Begrunnelse', { exact: true }).fill('God plan, men over grensen.');
    await page.getByRole('button', { name: 'Send innstillingen' }).click();
    await page.getByText('Innstilt, venter på vedtak', { exact: true }).waitFor();
    // Four eyes, in words: no decision buttons for whoever recommended.
    await page.getByText('Du innstilte selv i denne saken, så du kan ikke fatte vedtaket.').waitFor();
    expect(await page.getByRole('button', { name: 'Fatt vedtak om tilskudd' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    const refused = await act(b.t, BOTH_ROLES, created.id, 'decide-grant', { committeeCaseRef: 'FU 1/26' });
    expect(refused.status).toBe(422);
    expect(refused.body.reasons).toEqual([expect.stringContaining('four eyes')]);

    // The approver is told before deciding, and must give the committee's case.
    await b.context.clearCookies();
    await page.goto(`/saksbehandling/saker/${created.reference}`);
    await signIn(page, APPROVER);
    await page.getByText('Vedtaket går til politisk behandling').waitFor();
    expect(await main().innerText()).toContain(
      'Innstillingen på kr\u00a0250\u00a0000 er over delegasjonsgrensen på kr\u00a0200\u00a0000.',
    );
    await page.getByRole('button', { name: 'Fatt vedtak om tilskudd' }).click();
    expect(await focused(page)).toContain('Skriv utvalgets saksnummer');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Utvalgets saksnummer').fill('FU 12/26');
    await page.getByRole('button', { name: 'Fatt vedtak om tilskudd' }).click();
    await page.getByText('Utvalgets sak: FU 12/26').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('lets the officer read the final report, return it with a reason, and approve it when sent again', async () => {
    // Through the API: recommended, decided (four eyes), accepted, and the report submitted.
    const caseId = await recommended(b.t);
    const caseRef = (await expectOk(act(b.t, APPROVER, caseId, 'decide-grant'))).reference as string;
    await expectOk(act(b.t, KARI, caseId, 'accept'));
    const { report } = sampleBioCase();
    await expectOk(act(b.t, KARI, caseId, 'report', { report }));

    await page.goto(`/saksbehandling/saker/${caseRef}`);
    await signIn(page, OFFICER);
    await heading(caseRef).waitFor();
    await page.getByText('Sluttrapport til gjennomgang', { exact: true }).waitFor();
    const reportRegion = page.getByRole('region', { name: 'Sluttrapporten', exact: true });
    await reportRegion.getByText('All four operators completed the robot programming modules').waitFor();
    expect(await reportRegion.innerText()).toContain('kr\u00a0360\u00a0000');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Returning without a reason: the summary says what is missing and takes focus.
    const returnForm = page.getByRole('region', { name: 'Send rapporten tilbake' });
    await returnForm.getByRole('button', { name: 'Send rapporten tilbake' }).click();
    await page.getByText('Skriv hva søkeren må rette i rapporten').first().waitFor();
    expect(await focused(page)).toContain('Skriv en ny frist for sluttrapporten');
    expect(await accessibilityViolations(page)).toEqual([]);
    await returnForm
      .getByLabel('Hva må søkeren rette i rapporten?')
      .fill('Legg ved fakturaene for reisekostnadene.');
    await returnForm.getByLabel('Ny frist for sluttrapporten').fill('02.03.2026');
    await returnForm.getByRole('button', { name: 'Send rapporten tilbake' }).click();
    await page.getByText('Innvilget og akseptert', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Godkjenn sluttrapporten' }).count()).toBe(0);
    const history = page.getByRole('region', { name: 'Hva har skjedd i saken' });
    await history.getByText('Sluttrapporten ble sendt tilbake').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // The applicant is asked for the report again.
    const kari = await b.t.bearer(KARI);
    const returned = await b.t.http().get(`/api/v1/applications/${caseId}`).set('authorization', kari);
    expect(returned.body.status).toBe('granted');
    expect(returned.body.applicantTask).toMatchObject({ kind: 'submit_final_report' });

    // Kari sends it again; the officer approves it, with a final amount typed in kroner.
    await expectOk(act(b.t, KARI, caseId, 'report', { report }));
    await page.reload();
    await page.getByText('Sluttrapport til gjennomgang', { exact: true }).waitFor();
    const approveForm = page.getByRole('region', { name: 'Godkjenn sluttrapporten' });
    await approveForm.getByLabel('Endelig beløp til utbetaling (valgfritt)').fill('tusen kroner');
    await approveForm.getByRole('button', { name: 'Godkjenn sluttrapporten' }).click();
    expect(await focused(page)).toContain('Beløpet må være kroner');
    expect(await accessibilityViolations(page)).toEqual([]);
    await approveForm.getByLabel('Endelig beløp til utbetaling (valgfritt)').fill('240 000');
    await approveForm.getByRole('button', { name: 'Godkjenn sluttrapporten' }).click();
    // Approved, the grant settles: the case closes once finance has paid the final payment.
    await page.getByText('Sluttrapport godkjent, sluttoppgjør pågår', { exact: true }).waitFor();
    await history.getByText('Sluttrapporten ble godkjent').waitFor();
    expect(await main().innerText()).toContain('Ingenting for deg i saken akkurat nå.');
    // The report as sent last (its earlier, returned version follows it, folded away).
    await page
      .getByRole('region', { name: 'Sluttrapporten', exact: true })
      .getByText('All four operators completed the robot programming modules')
      .first()
      .waitFor();
    const earlier = page.getByRole('region', { name: 'Tidligere versjoner' });
    expect(await earlier.innerText()).toContain('Legg ved fakturaene for reisekostnadene.');
    expect(await earlier.innerText()).toContain('Ingen felt ble endret i neste versjon.');
    expect(await accessibilityViolations(page)).toEqual([]);
    const settling = await b.t.http().get(`/api/v1/applications/${caseId}`).set('authorization', kari);
    expect(settling.body).toMatchObject({ status: 'reported', state: 'reported.settling' });
    expect(settling.body.case.finalPayableAmount).toBe(24_000_000);
  });

  it('is for the county’s staff only: an applicant is sent to their own applications', async () => {
    await page.goto(`/saksbehandling/saker/${reference}`);
    await signIn(page, KARI);
    await page.getByRole('heading', { level: 1, name: 'Mine søknader' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/soknader');
    expect(await main().innerText()).not.toContain('Interne notater');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
