import type { Page } from 'playwright-core';
import { accessibilityViolations, type BrowserApp, kr, signIn, startBrowserApp } from '../support/browser';
import { act, APPROVER, expectOk, FINANCE, newClock, OFFICER, recommended } from '../support/bio';

/** Kroner as the page prints them: nb-NO groups digits with a no-break space. */

describe("finance's frames in the browser", () => {
  let b: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    b = await startBrowserApp({ clock: newClock() });
    // A grant of 250 000 kr decided (committed against the frame), and one of 110 000 kr recommended
    // and waiting for the approver (in the pipeline).
    const granted = await recommended(b.t, 25_000_000);
    await expectOk(act(b.t, APPROVER, granted, 'decide-grant'));
    await recommended(b.t, 11_000_000);
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

  /** Opens a guarded page, signing in on the way. */
  const openAs = async (email: string, path: string) => {
    await page.goto(path);
    await signIn(page, email);
  };

  it('shows finance the frames by year with their balances, and the BIO 2026 frame with its charts', async () => {
    await openAs(FINANCE, '/okonomi');
    await page.getByRole('heading', { level: 1, name: 'Rammer' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Rammer 2026' }).waitFor();
    const bio = page.getByRole('row').filter({ hasText: 'BIO 2026' });
    const cells = await bio.getByRole('cell').allInnerTexts();
    expect(cells).toEqual([
      'Bedriftsintern opplæring (BIO)',
      'BIO 2026',
      kr('23 300 000'),
      kr('250 000'),
      kr('0'),
      kr('23 050 000'),
      '1 %, under 80 %',
    ]);
    const download = page.getByRole('link', { name: 'Last ned saldoene som CSV' });
    expect(await download.getAttribute('href')).toBe('/api/v1/frames/balances.csv');
    expect(await accessibilityViolations(page)).toEqual([]);

    await bio.getByRole('link', { name: 'BIO 2026' }).click();
    await page.getByRole('heading', { level: 1, name: 'BIO 2026: Bedriftsintern opplæring (BIO)' }).waitFor();
    const totals = page.getByRole('region', { name: 'Rammen i tall' });
    const figure = async (term: string) =>
      totals.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd').innerText();
    expect(await figure('Tildelt')).toBe(kr('23 300 000'));
    expect(await figure('Bundet i tilsagn')).toBe(kr('250 000'));
    expect(await figure('Utbetalt')).toBe(kr('0'));
    expect(await figure('Tilgjengelig')).toBe(kr('23 050 000'));
    await totals.getByText('1 %, under 80 %').waitFor();

    // 250 000 kr in the last 90 days: 2 777,77 kr a day, so the rest lasts 8 299 days from 2 February 2026.
    const forecast = page.getByRole('region', { name: 'Når rammen er brukt opp' });
    await forecast.getByText(/rammen er brukt opp/).waitFor();
    expect(await forecast.innerText()).toMatch(
      /\(kr\s2\s777,77 per dag i snitt\) er rammen brukt opp 23\.\soktober\s2048\./,
    );

    // The burn-down: a drawing described in words, and its figures as a table.
    const burnDown = page.getByRole('region', { name: 'Forbruk måned for måned' });
    const chart = burnDown.getByRole('img', {
      name: /^Linjediagram: kr\s250\s000 av kr\s23\s300\s000 brukt/,
    });
    await chart.locator('svg').first().waitFor();
    await burnDown.getByText('Vis tallene som tabell').click();
    const table = burnDown.getByRole('table', { name: /Brukt \(tilsagn og utbetalinger\) hittil/ });
    const lastRow = table.getByRole('row').last();
    await lastRow.getByRole('cell').first().waitFor();
    expect(await lastRow.getByRole('cell').allInnerTexts()).toEqual([
      kr('250 000'),
      kr('0'),
      kr('250 000'),
      kr('23 300 000'),
      '1 %',
    ]);

    // The pipeline: the recommendation waiting for the approver.
    const pipeline = page.getByRole('region', { name: 'Søknader som venter på vedtak' });
    await pipeline.getByText(/^1 søknad venter på vedtak/).waitFor();
    await pipeline
      .getByRole('img', { name: /^Stolpediagram/ })
      .locator('svg')
      .first()
      .waitFor();
    await pipeline.getByText('Vis tallene som tabell').click();
    const recommendedRow = pipeline.getByRole('row', { name: /Innstilt, venter på beslutning/ });
    await recommendedRow.waitFor();
    expect(await recommendedRow.getByRole('cell').allInnerTexts()).toEqual([
      '1',
      expect.stringMatching(/^kr/),
      kr('110 000'),
    ]);

    const links = page.getByRole('navigation', { name: 'Mer om rammen' });
    await links.getByRole('link', { name: 'Posteringer' }).waitFor();
    await links.getByRole('link', { name: 'Endre rammen' }).waitFor();
    await links.getByRole('link', { name: 'Til utbetaling' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('lets an approver read the frames, without the links to change them', async () => {
    await openAs(APPROVER, '/okonomi');
    await page.getByRole('heading', { level: 1, name: 'Rammer' }).waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: 'BIO 2026' })
      .getByRole('link', { name: 'BIO 2026' })
      .click();
    await page.getByRole('heading', { level: 1, name: /^BIO 2026/ }).waitFor();
    const links = page.getByRole('navigation', { name: 'Mer om rammen' });
    await links.getByRole('link', { name: 'Posteringer' }).waitFor();
    expect(await links.getByRole('link').count()).toBe(1);
  });

  it('sends a case officer to their own start page', async () => {
    await openAs(OFFICER, '/okonomi');
    await page.getByRole('heading', { level: 1, name: 'Arbeidsliste' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/saksbehandling');
  });
});
