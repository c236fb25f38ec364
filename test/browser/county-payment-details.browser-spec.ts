import type { Page } from 'playwright-core';
import { accessibilityViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';

const ADMIN = 'admin@trondelag.example';

/**
 * An administrator corrects the county's paying account: a wrong check digit is summed up above the
 * button and named at the field, the right one is saved and confirmed.
 */
describe("the county's payment details in the browser", () => {
  let b: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    b = await startBrowserApp();
    page = await b.newPage();
  });
  afterAll(() => b.close());

  it('checks the account number, then saves it and says so', async () => {
    await page.goto('/admin/ansatte');
    await signIn(page, ADMIN);
    await page.getByRole('heading', { level: 1, name: 'Ansatte' }).waitFor();
    const section = page.getByRole('region', { name: 'Konto og organisasjonsnummer for utbetalinger' });
    const account = section.getByLabel('Kontonummer å betale fra');
    // What the county has, as people write it.
    await expect(account.inputValue()).resolves.toBe('8601 11 17947');
    await expect(section.getByLabel('Fylkeskommunens organisasjonsnummer').inputValue()).resolves.toBe(
      '817 920 632',
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    await account.fill('1234 56 78904');
    await section.getByRole('button', { name: 'Lagre konto og organisasjonsnummer' }).click();
    const summary = section.getByRole('link', { name: /Kontonummeret må ha 11 siffer/ });
    await summary.waitFor();
    await expect(account.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);
    await summary.click();
    await expect(account.evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);

    await account.fill('1234 56 78903');
    await section.getByRole('button', { name: 'Lagre konto og organisasjonsnummer' }).click();
    await section.getByText('Lagret. Utbetalingslister som godkjennes fra nå av', { exact: false }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const [county] = await b.t.dataSource.query<Array<{ payment_account: string }>>(
      `SELECT payment_account FROM county WHERE code = '50'`,
    );
    expect(county.payment_account).toBe('12345678903');
  });
});
