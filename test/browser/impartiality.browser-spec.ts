import type { Page } from 'playwright-core';
import { accessibilityViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';
import { act, draft, expectOk, KARI, newClock, OFFICER } from '../support/bio';

/** The text of the element that has focus. */
const focused = async (page: Page) =>
  String(await page.evaluate(`document.activeElement?.textContent ?? ''`));

describe("the county's case page: impartiality (habilitet) before acting", () => {
  let b: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    b = await startBrowserApp({ clock: newClock(), impartialityRequired: true });
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

  const assignedCase = async () => {
    const { id, reference } = await draft(b.t);
    await expectOk(act(b.t, KARI, id, 'submit'));
    await expectOk(act(b.t, OFFICER, id, 'assign'));
    return reference;
  };
  const panel = () => page.getByRole('region', { name: 'Habilitet', exact: true });
  const recommend = () => page.getByRole('region', { name: 'Innstill på tilskudd' });

  it('asks the officer to declare before the actions appear', async () => {
    const reference = await assignedCase();
    await page.goto(`/saksbehandling/saker/${reference}`);
    await signIn(page, OFFICER);
    await panel().waitFor();
    expect(await recommend().count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Nothing chosen: the summary says so and takes focus.
    await page.getByRole('button', { name: 'Send erklæring' }).click();
    await page.waitForFunction(() =>
      document.activeElement?.textContent?.includes('Velg om du er habil eller inhabil'),
    );
    expect(await focused(page)).toContain('For å gå videre må du rette opp følgende');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Jeg erklærer meg habil i denne saken').check();
    await page.getByRole('button', { name: 'Send erklæring' }).click();
    await panel().getByText('Du har erklært deg habil i denne saken.').waitFor();
    await recommend().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('takes the officer off the case when partial, and shows who stepped aside and why', async () => {
    const reference = await assignedCase();
    await page.goto(`/saksbehandling/saker/${reference}`);
    await signIn(page, OFFICER);
    await panel().waitFor();
    await page.getByLabel('Jeg er inhabil').check();
    await page
      .getByLabel('Jeg leder eller er styremedlem i en organisasjon eller et selskap som er part')
      .check();
    await page.getByLabel('Utdyping').fill('Styremedlem i søkerens morselskap');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send erklæring' }).click();
    await panel().getByText('Du har erklært deg inhabil i denne saken').waitFor();
    const text = await panel().innerText();
    expect(text).toContain(
      'Siri Saksbehandler erklærte seg inhabil 2. februar 2026 – leder eller styremedlem i en part',
    );
    expect(text).toContain('Styremedlem i søkerens morselskap');
    expect(await recommend().count()).toBe(0);
    expect(await page.locator('main').innerText()).toContain('Ikke tildelt');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
