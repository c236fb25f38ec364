import type { Page } from 'playwright-core';
import { accessibilityViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';
import { act, draft, expectOk, KARI, newClock, OFFICER, OLA } from '../support/bio';

const BIO_CALL = 'Bedriftsintern opplæring (BIO) 2026 – Trøndelag';
const MONTHS = 'januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember';

describe('applicant follows a case on its page', () => {
  let b: BrowserApp;
  let page: Page;
  let reference: string;
  let caseNumber: string;

  beforeAll(async () => {
    // Inside the seeded Trøndelag BIO 2026 call's window.
    b = await startBrowserApp({ clock: newClock() });
    // Kari submits an application and a case officer takes it: a history by two roles.
    const created = await draft(b.t);
    reference = created.reference;
    caseNumber = String((await expectOk(act(b.t, KARI, created.id, 'submit'))).caseNumber);
    await expectOk(act(b.t, OFFICER, created.id, 'assign'));
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

  it('opens the case from "Mine søknader" and shows what happened, by whom and when, in words', async () => {
    await page.goto('/logg-inn');
    await signIn(page, KARI);
    await page.getByRole('heading', { level: 1, name: 'Mine søknader' }).waitFor();
    await page
      .getByRole('article')
      .filter({ hasText: reference })
      .getByRole('link', { name: `Åpne saken ${reference}` })
      .click();

    const title = `${BIO_CALL} – sak ${reference}`;
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/soknader/${reference}`);
    expect(await page.title()).toBe(`${title} – Søknadsportalen`);
    const main = page.locator('main');
    expect(await main.innerText()).toContain('Under behandling');
    expect(await main.innerText()).toContain('Ingenting nå: fylkeskommunen behandler saken');
    // The case number given on submission, with the application's reference.
    expect(caseNumber).toBe('2026/BIO/0001');
    expect(await main.innerText()).toMatch(
      new RegExp(`Saksnummer\\s+${caseNumber}\\s+Søknadsreferanse\\s+${reference}`),
    );

    const timeline = page.getByRole('region', { name: 'Hva har skjedd i saken' }).getByRole('listitem');
    await timeline.first().waitFor();
    const rows = await timeline.allInnerTexts();
    expect(rows).toHaveLength(3);
    const when = new RegExp(`\\d{1,2}\\. (${MONTHS}) 2026 kl\\. \\d{2}:\\d{2}`);
    expect(rows[0]).toContain('Søknaden ble opprettet som utkast');
    expect(rows[0]).toContain('Av Søker');
    expect(rows[1]).toContain('Søknaden ble sendt inn');
    expect(rows[1]).toContain('Av Søker');
    expect(rows[2]).toContain('Saken fikk en saksbehandler');
    expect(rows[2]).toContain('Av Saksbehandler');
    // The test clock is 2 February 2026, 09:00 in Oslo.
    for (const row of rows) expect(row).toMatch(when);
    expect(rows[0]).toContain('2. februar 2026 kl. 09:00');

    // No machine words or ids for people.
    const text = await main.innerText();
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(text).not.toMatch(/SUBMIT|ASSIGN|CREATE|case_officer|applicant|T\d{2}:\d{2}/);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('leads a signed-out visitor of a case link (as in an e-mail) through sign-in and back to the case', async () => {
    await page.goto(`/soknader/${reference}`);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await signIn(page, KARI);
    await page.getByRole('heading', { level: 1, name: `${BIO_CALL} – sak ${reference}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/soknader/${reference}`);
    await page
      .getByRole('region', { name: 'Hva har skjedd i saken' })
      .getByRole('listitem')
      .first()
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("says a case is not found, without telling whether it is another organisation's", async () => {
    const other = await draft(b.t, { email: OLA });
    await page.goto('/logg-inn');
    await signIn(page, KARI);
    await page.getByRole('heading', { level: 1, name: 'Mine søknader' }).waitFor();
    await page.goto(`/soknader/${other.reference}`);
    await page.getByText('Fant ikke saken.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
