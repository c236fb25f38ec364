import type { Page } from 'playwright-core';
import { DEMO_ORGANISATIONS } from '../../src/seed/demo-data';
import { accessibilityViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';
import { KARI, newClock } from '../support/bio';
import { registerRecord } from '../support/register';

const [fjordverk] = DEMO_ORGANISATIONS;

/** The organisation page shows what the Brønnøysund register says, and fetches it again on request. */
describe('organisation register values in the browser', () => {
  let b: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    b = await startBrowserApp({ clock: newClock() });
    page = await b.newPage();
  }, 120_000);
  afterAll(async () => {
    await b?.close();
  });

  const axe = async () => expect(await accessibilityViolations(page)).toEqual([]);

  it('shows the register values read-only and fetches them again', async () => {
    await page.goto('/organisasjon');
    await signIn(page, KARI);
    const section = page.getByRole('region', { name: fjordverk.name });
    const facts = section.getByRole('region', { name: 'Fra Enhetsregisteret' });
    await facts.getByText('Hentet fra Enhetsregisteret', { exact: false }).waitFor();
    expect(await facts.locator('dd').allTextContents()).toEqual(['AS', '5001', '25.110', '42', 'Aktiv']);
    expect(await facts.getByRole('textbox').count()).toBe(0);
    await axe();

    // The register now has more employees and the company bankrupt.
    b.t.register.add(
      registerRecord(fjordverk.organisationNumber, {
        name: fjordverk.name,
        employeeCount: 45,
        bankrupt: true,
      }),
    );
    await facts.getByRole('button', { name: 'Hent på nytt fra Enhetsregisteret' }).click();
    await facts.getByText('Opplysningene er hentet på nytt fra Enhetsregisteret.').waitFor();
    await facts.getByText('Konkurs', { exact: true }).waitFor();
    expect(await facts.locator('dd').allTextContents()).toEqual(['AS', '5001', '25.110', '45', 'Konkurs']);
    await facts.getByText('kan ikke sende inn søknader', { exact: false }).waitFor();
    await axe();
  });
});
