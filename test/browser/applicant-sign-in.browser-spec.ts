import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/seed/demo-data';
import { accessibilityViolations, type BrowserApp, nbsp, startBrowserApp } from '../support/browser';
import { act, APPROVER, draft, expectOk, KARI, newClock, recommended } from '../support/bio';

const BIO_CALL = 'Bedriftsintern opplæring (BIO) 2026 – Trøndelag';
const isFocused = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => element === element.ownerDocument.activeElement);

describe('applicant signs in and sees their applications', () => {
  let b: BrowserApp;
  let page: Page;
  let draftReference: string;
  let grantedReference: string;

  beforeAll(async () => {
    // Inside the seeded Trøndelag BIO 2026 call's window.
    b = await startBrowserApp({ clock: newClock() });
    // Kari's organisations: one draft, and one grant waiting for her to accept it.
    draftReference = (await draft(b.t)).reference;
    const id = await recommended(b.t);
    const granted = await expectOk(act(b.t, APPROVER, id, 'decide-grant'));
    grantedReference = granted.reference as string;
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

  it('sends an anonymous visitor to sign in, then back to the page asked for, and signs out', async () => {
    await page.goto('/soknader');
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/logg-inn');
    expect(await page.title()).toBe('Logg inn – Søknadsportalen');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('E-postadresse').fill(KARI);
    await page.getByLabel('Passord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();

    await page.getByRole('heading', { level: 1, name: 'Mine søknader' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/soknader');
    const header = page.getByRole('banner');
    expect(await header.innerText()).toContain('Logget inn som Kari Nordmann');
    expect(await header.innerText()).toContain('Fjordverk Mekaniske AS');

    // The grant in words: call, scheme, reference, status, what to do and by when, kroner.
    const granted = page.getByRole('article').filter({ hasText: grantedReference });
    await granted.waitFor();
    const grantedText = await granted.innerText();
    expect(grantedText).toContain(BIO_CALL);
    expect(grantedText).toContain('Bedriftsintern opplæring (BIO)');
    expect(grantedText).toContain('Innvilget');
    expect(grantedText).toMatch(
      /Takk ja til tilskuddet innen \d{1,2}\. (januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember) 2026/,
    );
    expect(grantedText).toContain(nbsp('kr 250 000'));

    const drafted = await page.getByRole('article').filter({ hasText: draftReference }).innerText();
    expect(drafted).toContain('Utkast, ikke sendt inn');
    expect(drafted).toContain('Fyll ut og send inn søknaden');

    // No machine words or ids for people.
    const main = await page.locator('main').innerText();
    expect(main).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(main).not.toMatch(/awaiting|granted\.|status:|accept_grant|25000000|\sØre|\søre/);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The session survives a reload: it is the HttpOnly cookie, not page state.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mine søknader' }).waitFor();
    // …which scripts cannot read.
    const readable = await page.locator('html').evaluate((html) => html.ownerDocument.cookie);
    expect(readable).toContain('grants_csrf');
    expect(readable).not.toContain('grants_session');

    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Åpne utlysninger' }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Logg inn' }).waitFor();
    expect((await b.context.cookies()).map((c) => c.name)).not.toContain('grants_session');
    await page.goto('/soknader');
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
  });

  it('sends a user whose session has ended to sign in, and back to the page after', async () => {
    await page.goto('/logg-inn');
    await page.getByLabel('E-postadresse').fill(KARI);
    await page.getByLabel('Passord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine søknader' }).waitFor();

    // The session ends behind the page's back (it expired, or was closed in another tab).
    await b.context.clearCookies();
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    await nav.getByRole('link', { name: 'Utlysninger' }).click();
    await page.getByRole('heading', { level: 1, name: 'Åpne utlysninger' }).waitFor();
    await nav.getByRole('link', { name: 'Mine søknader' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();

    await page.getByLabel('E-postadresse').fill(KARI);
    await page.getByLabel('Passord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine søknader' }).waitFor();
    await page.getByRole('article').filter({ hasText: grantedReference }).waitFor();
  });

  it('sums up a failed sign-in above the button and moves focus there', async () => {
    await page.goto('/logg-inn');
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();

    // Nothing filled in: both fields are named, in the summary and at each field.
    await page.getByRole('button', { name: 'Logg inn' }).click();
    const summary = page.getByRole('group', { name: 'For å logge inn må du rette opp dette:' });
    await summary.waitFor();
    expect(await isFocused(page, 'ds-error-summary')).toBe(true);
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      'Skriv inn e-postadressen din',
      'Skriv inn passordet ditt',
    ]);
    expect(await page.getByLabel('Passord').getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);

    // A link in the summary takes focus to its field.
    await summary.getByRole('link', { name: 'Skriv inn passordet ditt' }).click();
    expect(await isFocused(page, '#password')).toBe(true);

    // A wrong password: the summary says so, and takes focus again.
    await page.getByLabel('E-postadresse').fill(KARI);
    await page.getByLabel('Passord').fill('feil-passord');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await summary.getByRole('link', { name: 'E-postadressen eller passordet er feil' }).waitFor();
    expect(await isFocused(page, 'ds-error-summary')).toBe(true);
    expect(await summary.getByRole('link').count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/logg-inn');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('signs in with the keyboard alone', async () => {
    await page.goto('/logg-inn');
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    const focusedId = async () =>
      (await page.locator(':focus').count()) === 0
        ? ''
        : ((await page.locator(':focus').getAttribute('id')) ?? '');
    for (let i = 0; i < 10 && (await focusedId()) !== 'email'; i++) await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('email');
    await page.keyboard.type(KARI);
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mine søknader' }).waitFor();
    await page.getByRole('article').filter({ hasText: grantedReference }).waitFor();
  });
});
