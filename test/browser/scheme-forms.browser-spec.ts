import { ManualClock } from '@lib/common';
import type { Page } from 'playwright-core';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD } from '../../src/seed/demo-data';
import { accessibilityViolations, startBrowserApp, type BrowserApp } from '../support/browser';
import { act, APPROVER, expectOk, KARI, newClock, recommended } from '../support/bio';

const TOVE = DEMO_ORGANISATIONS[2].user.email; // Trondheim kommune: may apply under Jobbsjansen

async function signIn(page: Page, email: string) {
  await page.goto('/logg-inn');
  await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mine søknader' }).waitFor();
}

const stepHeading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name });
const summaryOf = (page: Page) => page.getByRole('group', { name: 'For å gå videre må du rette opp dette:' });
const isFocused = (page: Page, name: string) =>
  summaryOf(page)
    .filter({ hasText: name })
    .evaluate((element) => element === element.ownerDocument.activeElement);

describe('applicant submits the final report', () => {
  let b: BrowserApp;
  let page: Page;
  let id: string;
  let reference: string;

  beforeAll(async () => {
    b = await startBrowserApp({ clock: newClock() });
    // The county's steps through the API: assessed, decided (four eyes), and the grant accepted.
    id = await recommended(b.t);
    reference = (await expectOk(act(b.t, APPROVER, id, 'decide-grant'))).reference as string;
    await expectOk(act(b.t, KARI, id, 'accept'));
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

  it('opens the report from the case page, shows what is missing, and submits it', async () => {
    await signIn(page, KARI);
    await page.goto(`/soknader/${reference}`);
    await page.getByRole('link', { name: `Skriv sluttrapport for ${reference}` }).click();
    await page.getByRole('heading', { level: 1, name: `Sluttrapport ${reference}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/soknader/${reference}/sluttrapport`);
    await stepHeading(page, 'Steg 1 av 2: Gjennomføring').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Sammendrag').fill('Alle fire operatørene fullførte modulene.');
    await page.getByRole('button', { name: 'Neste' }).click();
    await stepHeading(page, 'Steg 2 av 2: Regnskap').waitFor();
    await page.getByRole('button', { name: 'Send inn sluttrapporten' }).click();

    const summary = summaryOf(page);
    await summary.waitFor();
    expect(await isFocused(page, 'Fyll ut Antall deltakere som fullførte.')).toBe(true);
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Fyll ut Antall deltakere som fullførte.',
      'Faktiske kostnader: legg til minst 1 kostnad.',
    ]);
    expect(await page.getByRole('group', { name: 'Faktiske kostnader' }).innerText()).toContain(
      'Faktiske kostnader: legg til minst 1 kostnad.',
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    const costs = page.getByRole('group', { name: 'Faktiske kostnader' });
    await costs.getByRole('button', { name: 'Legg til kostnad' }).click();
    await costs.getByLabel('Kategori').selectOption({ label: 'Kursavgift og tilbyder' });
    await costs.getByLabel('Beløp').fill('240 000');
    await summary.getByRole('link', { name: 'Fyll ut Antall deltakere som fullførte.' }).click();
    await stepHeading(page, 'Steg 1 av 2: Gjennomføring').waitFor();
    const completed = page.getByLabel('Antall deltakere som fullførte');
    await completed.waitFor();
    expect(await completed.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    await completed.fill('4');
    await page.getByRole('button', { name: 'Neste' }).click();
    await page.getByRole('button', { name: 'Send inn sluttrapporten' }).click();

    await page.getByRole('heading', { level: 1, name: new RegExp(`sak ${reference}$`) }).waitFor();
    await page
      .getByRole('region', { name: 'Hva har skjedd i saken' })
      .getByText('Sluttrapporten ble sendt inn')
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const [report] = await b.t.dataSource.query(
      `SELECT content FROM application_report WHERE application_id = $1`,
      [id],
    );
    expect(report.content).toEqual({
      summary: 'Alle fire operatørene fullførte modulene.',
      participantsCompleted: 4,
      actualCosts: [{ category: 'provider_fees', amountOre: 24_000_000 }],
    });
  }, 120_000);
});

describe('a municipality fills in and submits a Jobbsjansen application', () => {
  let b: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    // Inside Trøndelag's Jobbsjansen call (open from 1 June 2026).
    b = await startBrowserApp({ clock: new ManualClock(new Date('2026-08-03T09:00:00+02:00')) });
  }, 120_000);

  afterAll(async () => {
    await b?.close();
  });

  it('draws the scheme’s own form from its layout and submits it', async () => {
    const [call] = await b.t.dataSource.query(
      `SELECT id FROM funding_call WHERE scheme_id = 'jobbsjansen' LIMIT 1`,
    );
    const [org] = await b.t.dataSource.query(`SELECT id FROM organisation WHERE organisation_number = $1`, [
      DEMO_ORGANISATIONS[2].organisationNumber,
    ]);
    const created = await b.t
      .http()
      .post('/api/v1/applications')
      .set('authorization', await b.t.bearer(TOVE))
      .send({ callId: call.id, organisationId: org.id });
    expect(created.status).toBe(201);
    const { id, reference } = created.body as { id: string; reference: string };

    page = await b.newPage();
    await signIn(page, TOVE);
    await page.getByRole('link', { name: `Fortsett på søknad ${reference}` }).click();
    await stepHeading(page, 'Steg 1 av 3: Prosjektet').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Prosjektnavn').fill('Grunnskole for ungdom – Trondheim 2026/27');
    await page.getByLabel('Beskrivelse av tilbudet').fill('To kombinerte klasser, 25 timer i uka.');
    await page.getByLabel('Samarbeid').fill('Voksenopplæringen, Thora Storm vgs og NAV.');
    await page.getByRole('button', { name: 'Neste' }).click();

    await stepHeading(page, 'Steg 2 av 3: Tid og deltakere').waitFor();
    await page.getByLabel('Startdato').fill('17.08.2026');
    await page.getByLabel('Sluttdato').fill('18.06.2027');
    const participants = page.getByRole('group', { name: 'Deltakere per aldersgruppe' });
    await participants.getByLabel('16–18 år').fill('6');
    await participants.getByLabel('19–21 år').fill('8');
    await participants.getByLabel('22–24 år').fill('4');
    await page.getByLabel('Skoleår per deltaker').fill('1');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Neste' }).click();

    await stepHeading(page, 'Steg 3 av 3: Kostnader og finansiering').waitFor();
    const costs = page.getByRole('group', { name: 'Kostnadsplan' });
    const lines: [string, string][] = [
      ['Lærerressurser', '600 000'],
      ['Læremidler', '50 000'],
      ['Drift av tilbudet', '100 000'],
      ['Prosjektstilling og koordinering', '150 000'],
    ];
    for (const [n, [category, amount]] of lines.entries()) {
      const line = costs.getByRole('listitem').nth(n);
      if ((await costs.getByRole('listitem').count()) <= n)
        await costs.getByRole('button', { name: 'Legg til kostnad' }).click();
      await line.getByLabel('Kategori').selectOption({ label: category });
      await line.getByLabel('Beløp').fill(amount);
    }
    const financing = page.getByRole('group', { name: 'Finansieringsplan' });
    await financing.getByLabel('Egenfinansiering').fill('180 000');
    await financing.getByLabel('Annen finansiering').fill('0');
    await financing.getByLabel('Omsøkt tilskudd').fill('720 000');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send inn søknaden' }).click();

    await page.getByRole('heading', { level: 1, name: new RegExp(`sak ${reference}$`) }).waitFor();
    const [row] = await b.t.dataSource.query(`SELECT status, content FROM application WHERE id = $1`, [id]);
    expect(row.status).toBe('applied');
    expect(row.content).toMatchObject({
      startDate: '2026-08-17',
      participants: { aged16to18: 6, aged19to21: 8, aged22to24: 4 },
      schoolYearsPerParticipant: 1,
      financingPlan: { ownFinancingOre: 18_000_000, otherFundingOre: 0, requestedGrantOre: 72_000_000 },
    });
    expect(row.content.costPlan).toHaveLength(4);
    await page.close();
  }, 120_000);
});
