import type { Page } from 'playwright-core';
import { DEMO_ORGANISATIONS } from '../../src/seed/demo-data';
import { accessibilityViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';
import { KARI, newClock } from '../support/bio';

const BIO_CALL = 'Bedriftsintern opplæring (BIO) 2026 – Trøndelag';
const TOVE = DEMO_ORGANISATIONS[2].user.email; // Trondheim kommune: a municipality
const SVERRE = DEMO_ORGANISATIONS[3].user.email; // Stavanger kommune: a municipality in Rogaland

/** From the open calls, "Søk" on the Trøndelag BIO call. */
async function applyToBio(page: Page) {
  await page.getByRole('heading', { level: 1, name: 'Åpne utlysninger' }).waitFor();
  await page.getByRole('article').filter({ hasText: BIO_CALL }).getByRole('link', { name: 'Søk' }).click();
}

describe('applicant starts an application after an eligibility check', () => {
  let b: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    // Inside the seeded Trøndelag BIO 2026 call's window.
    b = await startBrowserApp({ clock: newClock() });
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

  it('sends an anonymous visitor to sign in and back; an eligible company starts a draft with the keyboard', async () => {
    await page.goto('/');
    await applyToBio(page);
    await signIn(page, KARI);

    await page.getByRole('heading', { level: 1, name: 'Søk på utlysningen' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/utlysninger\/[0-9a-f-]{36}\/sok$/);
    await page
      .getByRole('heading', { level: 2, name: 'Fjordverk Mekaniske AS kan søke på denne utlysningen' })
      .waitFor();
    expect(await page.locator('main').innerText()).toContain(BIO_CALL);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The start button is reached with Tab and pressed with Enter.
    const start = page.getByRole('button', { name: 'Start søknaden' });
    const startFocused = () => start.evaluate((element) => element === element.ownerDocument.activeElement);
    for (let i = 0; i < 20 && !(await startFocused()); i++) await page.keyboard.press('Tab');
    expect(await startFocused()).toBe(true);
    await page.keyboard.press('Enter');

    // The draft is started and its form opens; "Mine søknader" lists it.
    await page.getByRole('heading', { level: 1, name: /^Søknad BIO-2026-\d+$/ }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/soknader\/BIO-2026-\d+\/skjema$/);
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Mine søknader' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Mine søknader' }).waitFor();
    const draft = page.getByRole('article').filter({ hasText: BIO_CALL });
    await draft.waitFor();
    expect(await draft.innerText()).toContain('Utkast, ikke sendt inn');
    expect(await draft.innerText()).toContain('Fyll ut og send inn søknaden');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('tells a municipality why it cannot apply under BIO, with no start button', async () => {
    await page.goto('/logg-inn');
    await signIn(page, TOVE);
    await page.getByRole('heading', { level: 1, name: 'Mine søknader' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Utlysninger' })
      .click();
    await applyToBio(page);

    await page
      .getByRole('heading', { level: 2, name: 'Trondheim kommune kan ikke søke på denne utlysningen' })
      .waitFor();
    const result = page.locator('section.eligibility');
    expect(await result.getByRole('listitem').allInnerTexts()).toEqual([
      'Utlysningen er for virksomheter som er aksjeselskap (AS), allmennaksjeselskap (ASA), enkeltpersonforetak (ENK), ' +
        'ansvarlig selskap (ANS), selskap med delt ansvar (DA), samvirkeforetak (SA) eller norskregistrert utenlandsk ' +
        'foretak (NUF). Trondheim kommune er registrert som kommune (KOMM).',
    ]);
    expect(await page.getByRole('button', { name: 'Start søknaden' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('gives an organisation in another county every reason, in English too', async () => {
    await page.goto('/');
    await applyToBio(page);
    await signIn(page, SVERRE);

    await page
      .getByRole('heading', { level: 2, name: 'Stavanger kommune kan ikke søke på denne utlysningen' })
      .waitFor();
    const reasons = page.locator('section.eligibility').getByRole('listitem');
    expect(await reasons.count()).toBe(2);
    expect(await reasons.nth(1).innerText()).toBe(
      'Utlysningen er for virksomheter i Trøndelag fylkeskommune. Stavanger kommune hører til Rogaland fylkeskommune.',
    );
    expect(await page.getByText('Grunnene er:').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Change language to English' }).click();
    await page
      .getByRole('heading', { level: 2, name: 'Stavanger kommune cannot apply under this call' })
      .waitFor();
    expect(await reasons.nth(0).innerText()).toContain(
      'Stavanger kommune is registered as a municipality (KOMM).',
    );
    expect(await page.locator('main').innerText()).not.toMatch(
      /outside_county|organisation_form_not_eligible/,
    );
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
