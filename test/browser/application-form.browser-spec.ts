import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/seed/demo-data';
import { accessibilityViolations, startBrowserApp, type BrowserApp } from '../support/browser';
import { KARI, newClock } from '../support/bio';

const BIO_CALL = 'Bedriftsintern opplæring (BIO) 2026 – Trøndelag';

async function signIn(page: Page, email = KARI) {
  await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
}

const isFocused = (locator: Locator) =>
  locator.evaluate((element) => element === element.ownerDocument.activeElement);

/** Presses Tab until the element has focus: how a keyboard user gets there. */
async function tabTo(page: Page, locator: Locator, max = 80) {
  await locator.waitFor();
  for (let i = 0; i < max; i++) {
    if (await isFocused(locator)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(locator)}`);
}

/** Tabs to a field and types into it. */
async function typeInto(page: Page, locator: Locator, text: string) {
  await tabTo(page, locator);
  await page.keyboard.type(text);
}

/** Tabs to a button and presses Enter. */
async function press(page: Page, locator: Locator) {
  await tabTo(page, locator);
  await page.keyboard.press('Enter');
}

/** Answers a yes/no question with the keyboard: Tab into the group, arrows to the answer, Space. */
async function answer(page: Page, question: string, yes: boolean) {
  const group = page.getByRole('group', { name: question });
  await tabTo(page, group.getByRole('radio', { name: 'Ja' }));
  if (!yes) await page.keyboard.press('ArrowDown');
  else await page.keyboard.press('Space');
  expect(await group.getByRole('radio', { name: yes ? 'Ja' : 'Nei' }).isChecked()).toBe(true);
}

/** Chooses an option of a select with the keyboard: focus it and type the start of the option. */
async function choose(page: Page, select: Locator, option: string) {
  await tabTo(page, select);
  await page.keyboard.type(option);
  expect(await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe(option);
}

const stepHeading = (page: Page, text: RegExp | string) =>
  page.getByRole('heading', { level: 2, name: text });

describe('applicant fills in and submits the application form', () => {
  let b: BrowserApp;
  let page: Page;

  beforeAll(async () => {
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

  it('BIO: from the apply page through every step to submission, with the keyboard alone', async () => {
    await page.goto('/logg-inn');
    await signIn(page);
    await page.getByRole('heading', { level: 1, name: 'Mine søknader' }).waitFor();
    await page.goto('/');
    await page
      .getByRole('article')
      .filter({ hasText: BIO_CALL })
      .getByRole('link', { name: 'Søk' })
      .waitFor();
    await press(
      page,
      page.getByRole('article').filter({ hasText: BIO_CALL }).getByRole('link', { name: 'Søk' }),
    );
    await press(page, page.getByRole('button', { name: 'Start søknaden' }));

    const h1 = page.getByRole('heading', { level: 1, name: /^Søknad BIO-2026-\d+$/ });
    await h1.waitFor();
    const reference = ((await h1.textContent()) ?? '').replace('Søknad ', '');
    expect(new URL(page.url()).pathname).toBe(`/soknader/${reference}/skjema`);
    await stepHeading(page, 'Steg 1 av 4: Omstilling og opplæring').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await typeInto(page, page.getByLabel('Omstillingsbehov'), 'Vi går fra manuell sveising til robotceller.');
    await typeInto(page, page.getByLabel('Innhold og organisering'), 'Seks moduler om robotprogrammering.');
    await typeInto(page, page.getByLabel('Kursleverandør', { exact: true }), 'NTNU Videre');
    await choose(page, page.getByLabel('Type kursleverandør'), 'Universitet');
    await press(page, page.getByRole('button', { name: 'Neste' }));

    await stepHeading(page, 'Steg 2 av 4: Tid og deltakere').waitFor();
    expect(await isFocused(stepHeading(page, 'Steg 2 av 4: Tid og deltakere'))).toBe(true);
    await typeInto(page, page.getByLabel('Startdato'), '02.03.2026');
    await typeInto(page, page.getByLabel('Sluttdato'), '26.02.2027');
    await typeInto(page, page.getByLabel('Antall ansatte som deltar'), '4');
    await typeInto(page, page.getByLabel('Uker opplæring per deltaker'), '20');
    expect(await accessibilityViolations(page)).toEqual([]);
    await press(page, page.getByRole('button', { name: 'Neste' }));

    await stepHeading(page, 'Steg 3 av 4: Kostnader og finansiering').waitFor();
    const costs = page.getByRole('group', { name: 'Kostnadsplan' });
    if ((await costs.getByRole('listitem').count()) === 0)
      await press(page, costs.getByRole('button', { name: 'Legg til kostnad' }));
    const line = (n: number) =>
      costs.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Kostnad ${n}` }) });
    await choose(page, line(1).getByLabel('Kategori'), 'Lønn til deltakerne i opplæringstiden');
    await typeInto(page, line(1).getByLabel('Beløp'), '400 000');
    await press(page, costs.getByRole('button', { name: 'Legg til kostnad' }));
    await choose(page, line(2).getByLabel('Kategori'), 'Kursavgift og tilbyder');
    await typeInto(page, line(2).getByLabel('Beskrivelse (valgfritt)'), 'Kursavgift NTNU');
    await typeInto(page, line(2).getByLabel('Beløp'), '300 000,00');
    // A third line added by mistake is removed again with the keyboard.
    await press(page, costs.getByRole('button', { name: 'Legg til kostnad' }));
    await line(3).waitFor();
    await press(page, costs.getByRole('button', { name: 'Fjern kostnad 3' }));
    await line(3).waitFor({ state: 'detached' });
    const financing = page.getByRole('group', { name: 'Finansieringsplan' });
    await typeInto(page, financing.getByLabel('Egenandel'), '400000');
    await typeInto(page, financing.getByLabel('Annen offentlig støtte'), '0');
    await typeInto(page, financing.getByLabel('Omsøkt tilskudd'), '300 000');
    expect(await accessibilityViolations(page)).toEqual([]);
    await press(page, page.getByRole('button', { name: 'Neste' }));

    await stepHeading(page, 'Steg 4 av 4: Erklæringer').waitFor();
    await answer(page, 'Bedriften har fått annen offentlig støtte til de samme kostnadene', false);
    await typeInto(page, page.getByLabel('Beløp annen offentlig støtte'), '0');
    await answer(page, 'Bedriften er ikke et foretak i økonomiske vanskeligheter', true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await press(page, page.getByRole('button', { name: 'Send inn søknaden' }));

    await page.getByRole('heading', { level: 1, name: `${BIO_CALL} – sak ${reference}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/soknader/${reference}`);
    expect(await page.locator('main').innerText()).toContain('Søknaden ble sendt inn');
    expect(await accessibilityViolations(page)).toEqual([]);

    // What the API holds is what was typed: kroner as whole øre, dates as calendar days.
    const [row] = await b.t.dataSource.query(`SELECT content, status FROM application WHERE reference = $1`, [
      reference,
    ]);
    expect(row.status).toBe('applied');
    expect(row.content).toMatchObject({
      startDate: '2026-03-02',
      endDate: '2027-02-26',
      participants: { count: 4, weeksEach: 20 },
      costPlan: [
        { category: 'participant_wages', amountOre: 40_000_000 },
        { category: 'provider_fees', description: 'Kursavgift NTNU', amountOre: 30_000_000 },
      ],
      financingPlan: {
        ownContributionOre: 40_000_000,
        otherPublicSupportOre: 0,
        requestedGrantOre: 30_000_000,
      },
      declarations: {
        otherPublicSupportReceived: false,
        otherPublicSupportAmountOre: 0,
        notInEconomicDifficulty: true,
      },
    });
  }, 120_000);
});
