import type { Page } from 'playwright-core';
import { accessibilityViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';
import { act, draft, expectOk, KARI, newClock, OFFICER } from '../support/bio';

/**
 * The county's journal: a submitted application is an incoming, registered entry of its case; the
 * journal date filters it in and out, and a date that is none is summed up above the buttons.
 */
describe('the journal in the browser', () => {
  let b: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    b = await startBrowserApp({ clock: newClock() });
    page = await b.newPage();
  }, 120_000);
  afterAll(async () => {
    await b?.close();
  });

  it('lists a submitted application, filters by journal date, and sums up a wrong date', async () => {
    const { id, reference } = await draft(b.t);
    await expectOk(act(b.t, KARI, id, 'submit'));

    await page.goto('/saksbehandling');
    await signIn(page, OFFICER);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Journal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Journal' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: reference });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('Inngående, journalført');
    expect(text).toContain('Søknad om tilskudd');
    expect(text).toContain('2. februar 2026');
    expect(text).toContain('Offentlig');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The day after: nothing; the day itself: the entry again.
    await page.getByLabel('Fra journaldato').fill('03.02.2026');
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.getByText('Ingen journalposter i dette utvalget.').waitFor();
    await page.getByLabel('Fra journaldato').fill('02.02.2026');
    await page.getByLabel('Til journaldato').fill('02.02.2026');
    await page.getByRole('button', { name: 'Vis' }).click();
    await row.waitFor();

    await page.getByLabel('Til journaldato').fill('31.02.2026');
    await page.getByRole('button', { name: 'Vis' }).click();
    const summary = page.getByRole('group', { name: 'Rett opp dette før du filtrerer:' });
    await summary.waitFor();
    await summary.getByRole('link', { name: 'Til journaldato må være en dato som dd.mm.åååå.' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // The public journal lists it for anyone, by county.
    await page.goto('/offentlig-journal');
    await page.getByRole('heading', { level: 1, name: 'Offentlig journal' }).waitFor();
    expect(await page.getByLabel('Fylke').inputValue()).toBe('11');
    await page.getByLabel('Fylke').selectOption({ label: 'Trøndelag fylkeskommune' });
    const listed = page.getByRole('row').filter({ hasText: reference });
    await listed.waitFor();
    expect(await listed.innerText()).toContain('Søknad om tilskudd');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
