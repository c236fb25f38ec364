import { DAY_MS } from '@lib/common';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/seed/demo-data';
import { accessibilityViolations, startBrowserApp, type BrowserApp } from '../support/browser';
import { act, APPROVER, draft, expectOk, KARI, newClock, OFFICER } from '../support/bio';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

async function signIn(page: Page, email: string) {
  await page.goto('/logg-inn');
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByRole('heading', { level: 1, name: 'Arbeidsliste' }).waitFor();
}

describe("the county's work queue in the browser", () => {
  let b: BrowserApp;
  let page: Page;
  /** applied (nobody has it), recommended, in review and waiting on the applicant. */
  const cases = {} as Record<'applied' | 'recommended' | 'inReview' | 'waiting', string>;
  let inReviewNumber = '';

  const row = (reference: string) => page.getByRole('row').filter({ hasText: reference });
  const rowText = async (reference: string) => {
    await row(reference).waitFor();
    return row(reference).innerText();
  };
  /** Waits until `shown` is in the table, then checks that none of `hidden` is. */
  const expectRows = async (shown: string[], hidden: string[]) => {
    for (const reference of shown) await row(reference).waitFor();
    for (const reference of hidden) expect(await row(reference).count()).toBe(0);
  };

  beforeAll(async () => {
    const clock = newClock();
    b = await startBrowserApp({ clock });
    const submitted = async () => {
      const created = await draft(b.t);
      await expectOk(act(b.t, KARI, created.id, 'submit'));
      return created;
    };
    // Enough submitted cases for a second page ("Vis flere" after 25).
    for (let i = 0; i < 22; i++) await submitted();
    // The four cases the tests look at are submitted last, a minute apart: the newest, on the first page.
    const later = () => clock.set(new Date(clock.now().getTime() + 60_000));
    later();
    const applied = await submitted();
    later();
    const recommended = await submitted();
    await expectOk(act(b.t, OFFICER, recommended.id, 'assign'));
    await expectOk(
      act(b.t, OFFICER, recommended.id, 'recommend-grant', { amount: 25_000_000, notes: 'Solid plan' }),
    );
    later();
    const inReview = await submitted();
    inReviewNumber = String((await expectOk(act(b.t, OFFICER, inReview.id, 'assign'))).caseNumber);
    later();
    const waiting = await submitted();
    await expectOk(act(b.t, OFFICER, waiting.id, 'assign'));
    await expectOk(
      act(b.t, OFFICER, waiting.id, 'request-information', {
        message: 'Please attach the training plan',
        dueAt: new Date(clock.now().getTime() + 14 * DAY_MS).toISOString(),
      }),
    );
    Object.assign(cases, {
      applied: applied.reference,
      recommended: recommended.reference,
      inReview: inReview.reference,
      waiting: waiting.reference,
    });
    clock.set(new Date(clock.now().getTime() + 3 * DAY_MS));
  }, 180_000);

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

  it('shows an officer the queue after signing in: names, kroner and status in words, no ids', async () => {
    await signIn(page, OFFICER);
    expect(new URL(page.url()).pathname).toBe('/saksbehandling');
    expect(await page.title()).toBe('Arbeidsliste – Søknadsportalen');
    await page.getByRole('link', { name: 'Saksbehandling' }).waitFor();

    const applied = await rowText(cases.applied);
    expect(applied).toMatch(/Testbedrift \d+ AS/);
    expect(applied).toMatch(/Org\.nr\. \d{3} \d{3} \d{3}/);
    expect(applied).toContain('Bedriftsintern opplæring');
    expect(applied).toMatch(/Søkt: kr\s300\s000/);
    expect(applied).toContain('Sendt inn');
    expect(applied).toContain('Ikke tildelt');
    expect(applied).toMatch(/\t3\t/); // three days since it was submitted

    const recommended = await rowText(cases.recommended);
    expect(recommended).toContain('Innstilt, venter på beslutning');
    expect(recommended).toMatch(/Innstilt: kr\s250\s000/);
    expect(recommended).toContain('Siri Saksbehandler');
    expect(await rowText(cases.waiting)).toMatch(/Venter på svar fra søker\t3\t3\tSiri Saksbehandler/);

    expect(await page.locator('main').innerText()).not.toMatch(UUID);
    expect(await page.getByRole('status').first().innerText()).toBe('Viser 25 saker');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('reads the next keyset page on "Vis flere"', async () => {
    await signIn(page, OFFICER);
    await page.getByText('Viser 25 saker', { exact: true }).waitFor();
    const first = await page.getByRole('row').allInnerTexts();
    await page.getByRole('button', { name: 'Vis flere' }).click();
    await page.getByText(/^Viser (2[6-9]|[3-9]\d) saker$/).waitFor();
    const rows = await page.getByRole('row').allInnerTexts();
    // The first page stays as it was, and the next one adds cases not seen before.
    expect(rows.slice(0, first.length)).toEqual(first);
    expect(new Set(rows).size).toBe(rows.length);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('filters by "tildelt meg", by unassigned and by status recommended', async () => {
    await signIn(page, OFFICER);
    await row(cases.applied).waitFor();

    await page.getByLabel('Tildeling').selectOption({ label: 'Tildelt meg' });
    await expectRows([cases.recommended, cases.inReview, cases.waiting], [cases.applied]);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Tildeling').selectOption({ label: 'Ikke tildelt' });
    await expectRows([cases.applied], [cases.recommended, cases.inReview, cases.waiting]);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Tildeling').selectOption({ label: 'Alle saker' });
    await page.getByLabel('Status').selectOption({ label: 'Innstilt, venter på beslutning' });
    await expectRows([cases.recommended], [cases.applied, cases.inReview, cases.waiting]);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('searches a case reference and opens the case from it', async () => {
    await signIn(page, OFFICER);
    await row(cases.applied).waitFor();
    await page.getByRole('searchbox', { name: 'Saksnummer' }).fill(cases.inReview.toLowerCase());
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.getByText('Viser 1 sak', { exact: true }).waitFor();
    await expectRows([cases.inReview], [cases.applied, cases.recommended]);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: cases.inReview }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(cases.inReview) }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/saksbehandling/saker/${cases.inReview}`);

    // Back in the queue, the search is as it was left (the reference in capitals, as it is written).
    await page.goBack();
    await page.getByText('Viser 1 sak', { exact: true }).waitFor();
    await expectRows([cases.inReview], [cases.applied]);
    expect(await page.getByRole('searchbox', { name: 'Saksnummer' }).inputValue()).toBe(cases.inReview);
  });

  it('shows each case by its case number and finds it by that number', async () => {
    await signIn(page, OFFICER);
    // The 25th of 26 submissions in Trøndelag's BIO 2026 series.
    expect(inReviewNumber).toBe('2026/BIO/0025');
    expect(await rowText(cases.inReview)).toContain(inReviewNumber);
    await page.getByRole('searchbox', { name: 'Saksnummer' }).fill(inReviewNumber);
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.getByText('Viser 1 sak', { exact: true }).waitFor();
    await expectRows([cases.inReview], [cases.applied, cases.recommended]);
    expect(new URL(page.url()).searchParams.get('caseNumber')).toBe(inReviewNumber);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Without the year, and with the number alone.
    await page.getByRole('searchbox', { name: 'Saksnummer' }).fill('bio/25');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.getByText('Viser 1 sak', { exact: true }).waitFor();
    await expectRows([cases.inReview], [cases.applied]);
    await page.getByRole('searchbox', { name: 'Saksnummer' }).fill('2026/BIO/');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.getByText(/Skriv et saksnummer som 2026\/BIO\/0123/).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('lets an approver see only what awaits their decision', async () => {
    await signIn(page, APPROVER);
    await row(cases.applied).waitFor();
    await page.getByRole('checkbox', { name: 'Venter på min beslutning' }).check();
    await expectRows([cases.recommended], [cases.applied, cases.inReview, cases.waiting]);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('sends an applicant who opens the work queue to their own applications', async () => {
    await page.goto('/saksbehandling');
    await page.getByLabel('E-postadresse').fill(KARI);
    await page.getByLabel('Passord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine søknader' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/soknader');
    expect(await page.getByRole('link', { name: 'Saksbehandling' }).count()).toBe(0);
  });
});
