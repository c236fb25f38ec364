import type { Page } from 'playwright-core';
import { accessibilityViolations, type BrowserApp, nbsp, startBrowserApp } from '../support/browser';
import { newClock } from '../support/bio';

const BIO_CALL = 'Bedriftsintern opplæring (BIO) 2026 – Trøndelag';
// nb-NO groups digits with a no-break space.

describe('open calls, without signing in', () => {
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
    page = await b.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Åpne utlysninger' }).waitFor();
  });

  afterEach(async () => {
    await page.close();
  });

  it('lists each open call under its county with purpose, who may apply, window and frame in kroner', async () => {
    expect(await page.title()).toBe('Åpne utlysninger – Søknadsportalen');
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    await page.getByRole('heading', { level: 2, name: 'Trøndelag fylkeskommune' }).waitFor();

    const call = page.getByRole('article', { name: BIO_CALL });
    await call.waitFor();
    const text = await call.innerText();
    expect(text).toContain('Bedriftsintern opplæring (BIO)');
    expect(text).toContain('Formål');
    expect(text).toContain('opplæring av egne ansatte');
    expect(text).toContain('Hvem kan søke');
    expect(text).toContain('Søknadsperiode');
    expect(text).toMatch(
      /\d{1,2}\. (januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember) 2026/,
    );
    expect(text).toContain(nbsp('kr 23 300 000'));

    // Plain words for people: no ids, no øre, no machine parameters.
    const page_ = await page.locator('main').innerText();
    expect(page_).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(page_).not.toMatch(/øre|Ore\b|schemeId|parameters/);

    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('narrows the list by county and by scheme, as the filters are labelled', async () => {
    const articles = page.getByRole('article');
    // The heading comes before the calls do.
    await articles.first().waitFor();
    const all = await articles.count();
    expect(all).toBeGreaterThan(0);

    await page
      .getByLabel('Ordning', { exact: true })
      .selectOption({ label: 'Bedriftsintern opplæring (BIO)' });
    await page
      .getByRole('status')
      .filter({ hasText: /åpen utlysning|åpne utlysninger/ })
      .waitFor();
    for (const title of await articles.allInnerTexts())
      expect(title).toContain('Bedriftsintern opplæring (BIO)');
    expect(await page.getByRole('article', { name: BIO_CALL }).count()).toBe(1);

    await page.getByLabel('Fylke', { exact: true }).selectOption({ label: 'Rogaland fylkeskommune' });
    await page.getByRole('article', { name: BIO_CALL }).waitFor({ state: 'detached' });
    expect(await page.getByRole('heading', { level: 2, name: 'Trøndelag fylkeskommune' }).count()).toBe(0);

    await page.getByLabel('Fylke', { exact: true }).selectOption({ label: 'Alle fylker' });
    await page.getByLabel('Ordning', { exact: true }).selectOption({ label: 'Alle ordninger' });
    await page.getByRole('article', { name: BIO_CALL }).waitFor();
    expect(await articles.count()).toBe(all);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('offers English, and the page follows with its language', async () => {
    await page.getByRole('button', { name: 'Change language to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Open calls' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const call = page.getByRole('article', { name: BIO_CALL });
    expect(await call.innerText()).toContain('Who may apply');
    expect(await call.innerText()).toContain('NOK\u00a023,300,000');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The choice is kept: back to bokmål for the next test's page.
    await page.getByRole('button', { name: 'Bytt språk til norsk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Åpne utlysninger' }).waitFor();
  });

  it('starts with a skip link to the main content', async () => {
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hopp til hovedinnhold' });
    expect(await skip.evaluate((link) => link === link.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.locator(':focus').getAttribute('id')).toBe('main');
  });

  it('answers a client-side route with the app, and an unknown API path with a problem', async () => {
    await page.goto('/noe/som/ikke/finnes');
    await page.getByRole('heading', { level: 1, name: 'Fant ikke siden' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // A client-side navigation moves focus to the new page's heading, and names the tab.
    await page.getByRole('link', { name: 'Til utlysningene' }).click();
    const heading = page.getByRole('heading', { level: 1, name: 'Åpne utlysninger' });
    await heading.waitFor();
    expect(await heading.evaluate((h) => h === h.ownerDocument.activeElement)).toBe(true);
    expect(await page.title()).toBe('Åpne utlysninger – Søknadsportalen');

    const api = await page.request.get('/api/v1/no-such-thing', { headers: { accept: 'text/html' } });
    expect(api.status()).toBe(404);
    expect(api.headers()['content-type']).toContain('application/problem+json');
    // A missing file is not the app either: a stale asset must not come back as HTML.
    const asset = await page.request.get('/assets/no-such-chunk.js', { headers: { accept: '*/*' } });
    expect(asset.status()).toBe(404);
  });
});
