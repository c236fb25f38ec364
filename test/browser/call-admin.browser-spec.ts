import type { Locator, Page } from 'playwright-core';
import { newClock } from '../support/bio';
import { accessibilityViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';
import {
  createFrame,
  fillNewCall,
  goToStep,
  PERIOD_STEP,
  previewCall,
  publishCall,
  saveCallForm,
} from '../support/call-admin';

const ADMIN = 'admin@trondelag.example';
const OFFICER = 'saksbehandler@trondelag.example';
const TITLE = 'Bedriftsintern opplæring (BIO) 2027 – Trøndelag';

describe("county administrator writes next year's call", () => {
  let b: BrowserApp;
  let page: Page;
  const clock = newClock();

  beforeAll(async () => {
    b = await startBrowserApp({ clock });
    await createFrame(b.t, { schemeId: 'bio', year: 2027, name: 'BIO 2027', kroner: 20_000_000 });
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

  it('creates a BIO call for 2027 from the form, fixes what is refused, previews it, publishes it, and it is listed', async () => {
    await page.goto('/admin/utlysninger');
    await signIn(page, ADMIN);
    await page.getByRole('heading', { level: 1, name: 'Utlysninger' }).waitFor();
    // This year's call is listed with its scheme, status in words, dates in Norwegian and frame.
    const thisYear = page.getByRole('row', { name: /Bedriftsintern opplæring \(BIO\) 2026/ });
    await thisYear.waitFor();
    expect(await thisYear.textContent()).toMatch(/Publisert.*5\. januar 2026/);
    expect(await accessibilityViolations(page)).toEqual([]);

    await fillNewCall(page, {
      scheme: 'Bedriftsintern opplæring (BIO)',
      title: TITLE,
      frame: 'BIO 2027 (kr 20 000 000)',
      opensOn: '04.01.2027',
      // Before it opens: the scheme's rules refuse it.
      closesOn: '01.01.2027',
    });
    expect(
      await page.getByText(/Reglene er fylt ut fra «Bedriftsintern opplæring \(BIO\) 2026/).count(),
    ).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await goToStep(page, 'Utlysningen');
    expect(await page.getByLabel('År').inputValue()).toBe('2027');

    // A smaller cap for small companies, typed in kroner.
    await goToStep(page, 'Tilskudd og støtte');
    const smallCap = page.getByLabel('Største tilskudd til en liten bedrift');
    expect(await smallCap.inputValue()).toBe('300 000');
    await smallCap.fill('250 000');
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveCallForm(page, 'Lagre utkast');

    // Refused: the summary takes focus and links to the field, which says why too.
    const summary = page.getByRole('group', { name: 'For å gå videre må du rette opp dette:' });
    await summary.waitFor();
    await expectFocused(summary);
    const refusal = 'Søknadsfrist: Utlysningen må stenge etter at den åpner';
    expect(await summary.getByRole('link').allTextContents()).toEqual([refusal]);
    expect(await accessibilityViolations(page)).toEqual([]);
    const link = summary.getByRole('link', { name: refusal });
    await link.click();
    const closes = page.getByLabel(/^Søknadsfrist/);
    await expectFocused(closes);
    expect(await descriptionOf(closes)).toContain(refusal);
    await closes.fill('30.11.2027');
    await saveCallForm(page, 'Lagre utkast');

    // Saved: the draft's own page.
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Utkastet er lagret.' }).waitFor();
    expect(await page.getByText('Utkast', { exact: true }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);

    await previewCall(page, TITLE);
    const card = page.getByRole('region', { name: 'Forhåndsvisning' }).getByRole('article', { name: TITLE });
    const shown = (await card.textContent()) ?? '';
    expect(shown).toContain('Åpner 4. januar 2027');
    expect(shown).toContain('4. januar 2027 til 30. november 2027');
    expect(shown).toMatch(/kr\u00a020\u00a0000\u00a0000/);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Publiser utlysningen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Publisere utlysningen?' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await publishCall(page);
    expect(await page.getByText('Publisert', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Publiser utlysningen' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Stored in øre, the window in Norwegian time, the frame drawn on; and public.
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    const pub = await b.t.http().get(`/api/v1/calls/${id}`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({
      title: TITLE,
      year: 2027,
      status: 'published',
      opensAt: '2027-01-03T23:00:00.000Z',
      closesAt: '2027-11-30T22:59:59.000Z',
      frameAllocatedOre: 2_000_000_000,
    });
    expect(pub.body.parameters.maxGrantBySize.smallCompanyMaxOre).toBe(25_000_000);

    // Once it opens, applicants find it among the open calls.
    clock.set('2027-01-05T10:00:00+01:00');
    const publicPage = await b.newPage();
    await publicPage.goto('/');
    await publicPage.getByRole('article', { name: TITLE }).waitFor();
    await publicPage.close();
    clock.set('2026-02-02T09:00:00+01:00');

    await page.getByRole('link', { name: 'Tilbake til utlysningene' }).click();
    const row = page.getByRole('row', { name: new RegExp(TITLE.replace(/[()]/g, '\\$&')) });
    await row.waitFor();
    expect(await row.textContent()).toMatch(
      /2027.*Publisert.*4\. januar 2027 – 30\. november 2027.*BIO 2027/,
    );
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);

  it('writes a call with fixed deadlines, who may apply and shares in per cent, then extends it by a deadline', async () => {
    const title = 'BIO 2027 – faste søknadsfrister';
    await page.goto('/admin/utlysninger/ny');
    await signIn(page, ADMIN);
    await page.getByRole('heading', { level: 1, name: 'Ny utlysning' }).waitFor();
    await page
      .getByLabel('Ordning', { exact: true })
      .selectOption({ label: 'Bedriftsintern opplæring (BIO)' });
    await page.getByLabel('Navn på utlysningen').fill(title);

    // Fixed deadlines, typed out of order first: the server's refusal lands on the deadlines.
    await goToStep(page, PERIOD_STEP);
    await page.getByRole('radio', { name: 'Faste søknadsfrister' }).check();
    await page.getByLabel('Åpner', { exact: true }).fill('04.01.2027');
    const deadlines = page.getByLabel('Søknadsfrist', { exact: true });
    while ((await deadlines.count()) < 2)
      await page.getByRole('button', { name: 'Legg til søknadsfrist' }).click();
    await deadlines.nth(0).fill('01.10.2027');
    await deadlines.nth(1).fill('01.04.2027');
    // Who may apply, in the county's words: limited companies and sole proprietorships, fewer than 250 employees.
    await page.getByLabel(/^Organisasjonsformer som kan søke/).fill('AS, ENK');
    await page.getByLabel(/^Færre ansatte enn/).fill('250');
    expect(await page.getByLabel(/^Fylker søkeren må holde til i/).inputValue()).toBe('50');
    expect(await accessibilityViolations(page)).toEqual([]);
    // Shares in per cent: the aid intensity, and the advance with a decimal comma.
    await goToStep(page, 'Tilskudd og støtte');
    const intensity = page.getByLabel('Støtteintensitet', { exact: true });
    expect(await intensity.inputValue()).toBe('50');
    await intensity.fill('40');
    await goToStep(page, 'Saksgang og oppfølging');
    await page.getByLabel('Forskudd ved aksept', { exact: true }).fill('12,5');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Lagre utkast' }).click();
    const summary = page.getByRole('group', { name: 'For å gå videre må du rette opp dette:' });
    const refusal = 'Søknadsfrister: Fristene må komme etter åpningen, tidligste først og uten gjentakelser';
    await summary.getByRole('link', { name: refusal }).click();
    await deadlines.nth(0).fill('01.04.2027');
    await deadlines.nth(1).fill('01.10.2027');
    await saveCallForm(page, 'Lagre utkast');
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    const stored = async () =>
      (
        await b.t
          .http()
          .get(`/api/v1/admin/calls/${id}`)
          .set('authorization', await b.t.bearer(ADMIN))
      ).body as { parameters: Record<string, unknown> };
    expect((await stored()).parameters).toMatchObject({
      window: {
        kind: 'fixed',
        opensAt: '2027-01-04T00:00:00+01:00',
        deadlines: ['2027-04-01T23:59:59+02:00', '2027-10-01T23:59:59+02:00'],
      },
      eligibility: [
        { rule: 'organisation_form', forms: ['AS', 'ENK'] },
        { rule: 'min_employees', count: 1 },
        { rule: 'employees_below', count: 250 },
        { rule: 'county', countyCodes: ['50'] },
      ],
      aidIntensityBasisPoints: 4000,
      advancePaymentBasisPoints: 1250,
    });

    // On the draft's page, shown back as typed; the county extends the call by a third deadline.
    await goToStep(page, PERIOD_STEP);
    expect(await deadlines.count()).toBe(2);
    expect([await deadlines.nth(0).inputValue(), await deadlines.nth(1).inputValue()]).toEqual([
      '01.04.2027',
      '01.10.2027',
    ]);
    expect(await page.getByLabel(/^Organisasjonsformer som kan søke/).inputValue()).toBe('AS, ENK');
    await page.getByRole('button', { name: 'Legg til søknadsfrist' }).click();
    await deadlines.nth(2).fill('01.12.2027');
    await goToStep(page, 'Saksgang og oppfølging');
    expect(await page.getByLabel('Forskudd ved aksept', { exact: true }).inputValue()).toBe('12,5');
    const before = (await stored()) as { version?: number };
    await page.getByRole('button', { name: 'Lagre endringer' }).click();
    // The notice may still stand from the first save: wait for the new version instead.
    for (let i = 0; i < 50 && ((await stored()) as { version?: number }).version === before.version; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await stored()).parameters.window).toEqual({
      kind: 'fixed',
      opensAt: '2027-01-04T00:00:00+01:00',
      deadlines: ['2027-04-01T23:59:59+02:00', '2027-10-01T23:59:59+02:00', '2027-12-01T23:59:59+01:00'],
    });
    await previewCall(page, title);
    const card = page.getByRole('region', { name: 'Forhåndsvisning' }).getByRole('article', { name: title });
    expect(await card.textContent()).toContain('4. januar 2027 til 1. desember 2027');
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);

  it('explains a save refused because someone else saved the draft first, and loads their version', async () => {
    const admin = await b.t.bearer(ADMIN);
    const thisYear = await b.t.http().get('/api/v1/admin/calls').set('authorization', admin);
    const template = (thisYear.body as { schemeId: string; parameters: object }[]).find(
      (c) => c.schemeId === 'bio',
    );
    const created = await b.t
      .http()
      .post('/api/v1/admin/calls')
      .set('authorization', admin)
      .send({ schemeId: 'bio', year: 2028, title: 'BIO 2028 – utkast', parameters: template?.parameters });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;

    await page.goto(`/admin/utlysninger/${id}`);
    await signIn(page, ADMIN);
    await page.getByRole('heading', { level: 1, name: 'BIO 2028 – utkast' }).waitFor();
    // Meanwhile, in another tab, a colleague renames it.
    const elsewhere = await b.t
      .http()
      .patch(`/api/v1/admin/calls/${id}`)
      .set('authorization', admin)
      .send({ version: created.body.version, title: 'BIO 2028 – kollegaens navn' });
    expect(elsewhere.status).toBe(200);

    await page.getByLabel('Navn på utlysningen').fill('BIO 2028 – mitt navn');
    await saveCallForm(page, 'Lagre endringer');
    await page.getByRole('heading', { name: 'Utkastet er endret av noen andre' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Hent nyeste versjon' }).click();
    await page.getByRole('heading', { level: 1, name: 'BIO 2028 – kollegaens navn' }).waitFor();
    expect(await page.getByLabel('Navn på utlysningen').inputValue()).toBe('BIO 2028 – kollegaens navn');
  });

  it("draws every scheme's call form, step by step, with nothing axe objects to", async () => {
    await page.goto('/admin/utlysninger/ny');
    await signIn(page, ADMIN);
    await page.getByRole('heading', { level: 1, name: 'Ny utlysning' }).waitFor();
    const schemes = (await b.t.http().get('/api/v1/schemes')).body as { name: string; callForm: unknown }[];
    for (const { name } of schemes) {
      await page.getByLabel('Ordning', { exact: true }).selectOption({ label: name });
      await page.getByRole('heading', { level: 2, name: /^Steg 1 av \d+: Utlysningen$/ }).waitFor();
      for (;;) {
        expect(await page.getByText(/unsupported|Missing items definition/i).count()).toBe(0);
        expect(await accessibilityViolations(page)).toEqual([]);
        const next = page.getByRole('button', { name: 'Neste' });
        if (!(await next.count())) break;
        await next.click();
      }
      await page.getByRole('button', { name: 'Lagre utkast' }).waitFor();
    }
  }, 240_000);

  it('sends a case officer who opens the calls page to their own start page', async () => {
    await page.goto('/admin/utlysninger');
    await signIn(page, OFFICER);
    await page.waitForURL((url) => url.pathname === '/saksbehandling');
    expect(await page.getByRole('heading', { level: 1, name: 'Utlysninger' }).count()).toBe(0);
  });
});

/** Waits (briefly) until the element has focus: focus moves on the frame after a click. */
async function expectFocused(locator: Locator) {
  await locator.waitFor();
  for (let i = 0; i < 20; i++) {
    if (await locator.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${String(locator)} never took focus`);
}

/** The texts that describe a field (its aria-describedby): help, and validation messages. */
const descriptionOf = (field: Locator) =>
  field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id: string) => element.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
