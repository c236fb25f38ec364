import type { Locator, Page } from 'playwright-core';
import { accessibilityViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';
import { bioContent, draft, KARI, newClock } from '../support/bio';

const BIO_CALL = 'Bedriftsintern opplæring (BIO) 2026 – Trøndelag';

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
  expect(
    await select.evaluate(
      (s) =>
        (s as unknown as { selectedOptions: { textContent: string | null }[] }).selectedOptions[0]
          ?.textContent,
    ),
  ).toBe(option);
}

/** The texts that describe a field (its aria-describedby): help, and validation messages. */
const descriptionOf = (field: Locator) =>
  field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id: string) => element.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

const SAVED = /^Lagret kl\. \d{2}:\d{2}$/;

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
    await signIn(page, KARI);
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
    await page
      .getByRole('region', { name: 'Hva har skjedd i saken' })
      .getByText('Søknaden ble sendt inn')
      .waitFor();
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
  it('saves as the applicant types, and shows the saved draft after a reload and after leaving', async () => {
    const { id, reference } = await draft(b.t, { content: {} });
    await page.goto('/logg-inn');
    await signIn(page, KARI);
    await page.getByRole('heading', { level: 1, name: 'Mine søknader' }).waitFor();
    await page.goto(`/soknader/${reference}/skjema`);
    await stepHeading(page, 'Steg 1 av 4: Omstilling og opplæring').waitFor();

    await page.getByLabel('Omstillingsbehov').fill('Nye robotceller krever ny kompetanse.');
    await page.getByLabel('Kursleverandør', { exact: true }).fill('NTNU Videre');
    const status = page.getByRole('status');
    await status.filter({ hasText: SAVED }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const [row] = await b.t.dataSource.query(`SELECT content FROM application WHERE id = $1`, [id]);
    expect(row.content).toEqual({
      restructuringNeed: 'Nye robotceller krever ny kompetanse.',
      trainingPlan: { providerName: 'NTNU Videre' },
    });

    await page.reload();
    await stepHeading(page, 'Steg 1 av 4: Omstilling og opplæring').waitFor();
    expect(await page.getByLabel('Omstillingsbehov').inputValue()).toBe(
      'Nye robotceller krever ny kompetanse.',
    );
    expect(await page.getByLabel('Kursleverandør', { exact: true }).inputValue()).toBe('NTNU Videre');

    // An amount typed on a later step is kept as øre and shown as kroner again.
    await page.getByRole('button', { name: 'Kostnader og finansiering' }).click();
    await page
      .getByRole('group', { name: 'Finansieringsplan' })
      .getByLabel('Omsøkt tilskudd')
      .fill('12 500,5');
    await status.filter({ hasText: SAVED }).waitFor();
    await page.getByRole('link', { name: 'Tilbake til saken' }).click();
    await page.getByRole('link', { name: `Fortsett på søknad ${reference}` }).click();
    await page.getByRole('button', { name: 'Kostnader og finansiering' }).click();
    expect(
      await page.getByRole('group', { name: 'Finansieringsplan' }).getByLabel('Omsøkt tilskudd').inputValue(),
    ).toBe('12 500,50');
    const [saved] = await b.t.dataSource.query(`SELECT content FROM application WHERE id = $1`, [id]);
    expect(saved.content.financingPlan).toEqual({ requestedGrantOre: 1_250_050 });
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);

  it('explains an edit made elsewhere, and keeps the typed input until the applicant chooses', async () => {
    const { id, reference } = await draft(b.t, { content: {} });
    const editElsewhere = async (restructuringNeed: string) => {
      const [row] = await b.t.dataSource.query(`SELECT content_version FROM application WHERE id = $1`, [id]);
      const res = await b.t
        .http()
        .patch(`/api/v1/applications/${id}`)
        .set('authorization', await b.t.bearer(KARI))
        .send({ version: row.content_version, content: { restructuringNeed } });
      expect(res.status).toBe(200);
    };
    await page.goto('/logg-inn');
    await signIn(page, KARI);
    await page.getByRole('heading', { level: 1, name: 'Mine søknader' }).waitFor();
    await page.goto(`/soknader/${reference}/skjema`);
    const need = page.getByLabel('Omstillingsbehov');
    await need.fill('Min første tekst.');
    await page.getByRole('status').filter({ hasText: SAVED }).waitFor();

    // Another tab saves; this one goes on typing, and its save is refused as stale.
    await editElsewhere('Skrevet i en annen fane.');
    await need.fill('Min første tekst, og mer.');
    const conflict = page.getByRole('heading', { level: 2, name: 'Søknaden er endret et annet sted' });
    await conflict.waitFor();
    expect(await page.getByRole('status').textContent()).toBe('Søknaden er endret et annet sted');
    expect(await need.inputValue()).toBe('Min første tekst, og mer.');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Keeping one's own changes overwrites the other version, knowingly.
    await page.getByRole('button', { name: 'Behold mine endringer (overskriv den andre versjonen)' }).click();
    await page.getByRole('status').filter({ hasText: SAVED }).waitFor();
    await conflict.waitFor({ state: 'detached' });
    let [row] = await b.t.dataSource.query(`SELECT content FROM application WHERE id = $1`, [id]);
    expect(row.content).toEqual({ restructuringNeed: 'Min første tekst, og mer.' });

    // Or the newest version is loaded instead, replacing what was typed here.
    await editElsewhere('Den nyeste versjonen.');
    await need.fill('Dette forkastes.');
    await conflict.waitFor();
    await page.getByRole('button', { name: 'Hent den nyeste versjonen (forkast endringene mine)' }).click();
    await conflict.waitFor({ state: 'detached' });
    await page.getByLabel('Omstillingsbehov').filter({ hasText: 'Den nyeste versjonen.' }).waitFor();
    [row] = await b.t.dataSource.query(`SELECT content FROM application WHERE id = $1`, [id]);
    expect(row.content).toEqual({ restructuringNeed: 'Den nyeste versjonen.' });
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);

  it('shows every refusal on its field and in a focused summary whose links lead to the field', async () => {
    const { reference } = await draft(b.t, { content: {} });
    await page.goto('/logg-inn');
    await signIn(page, KARI);
    await page.getByRole('heading', { level: 1, name: 'Mine søknader' }).waitFor();
    await page.goto(`/soknader/${reference}/skjema`);
    await page.getByRole('button', { name: 'Erklæringer' }).click();
    await page.getByRole('button', { name: 'Send inn søknaden' }).click();

    const summary = page.getByRole('group', { name: 'For å gå videre må du rette opp dette:' });
    await summary.waitFor();
    expect(await isFocused(summary)).toBe(true);
    const links = await summary.getByRole('link').allTextContents();
    expect(links).toEqual(
      expect.arrayContaining([
        'Fyll ut Omstillingsbehov.',
        'Fyll ut Innhold og organisering.',
        'Velg Type kursleverandør.',
        'Fyll ut Startdato.',
        'Fyll ut Antall ansatte som deltar.',
        'Kostnadsplan: legg til minst 1 kostnad.',
        'Fyll ut Omsøkt tilskudd.',
        'Svar på: Bedriften er ikke et foretak i økonomiske vanskeligheter.',
      ]),
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    // The step on screen shows its fields' messages; a link switches step and focuses the field.
    const question = page.getByRole('group', {
      name: 'Bedriften er ikke et foretak i økonomiske vanskeligheter',
    });
    expect(await question.innerText()).toContain(
      'Svar på: Bedriften er ikke et foretak i økonomiske vanskeligheter.',
    );
    await summary.getByRole('link', { name: 'Fyll ut Omstillingsbehov.' }).click();
    const need = page.getByLabel('Omstillingsbehov');
    await stepHeading(page, 'Steg 1 av 4: Omstilling og opplæring').waitFor();
    expect(await isFocused(need)).toBe(true);
    expect(await need.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(need)).toContain('Fyll ut Omstillingsbehov.');
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);

  it("shows the call's rules the server refused, on their fields, in bokmål", async () => {
    const content = bioContent();
    (content.financingPlan as Record<string, number>).requestedGrantOre = 90_000_000;
    const { reference } = await draft(b.t, { content });
    await page.goto('/logg-inn');
    await signIn(page, KARI);
    await page.getByRole('heading', { level: 1, name: 'Mine søknader' }).waitFor();
    await page.goto(`/soknader/${reference}/skjema`);
    await page.getByRole('button', { name: 'Erklæringer' }).click();
    await page.getByRole('button', { name: 'Send inn søknaden' }).click();

    const summary = page.getByRole('group', { name: 'For å gå videre må du rette opp dette:' });
    await summary.waitFor();
    expect(await isFocused(summary)).toBe(true);
    const link = summary.getByRole('link', {
      name: /^Omsøkt tilskudd: Omsøkt beløp på 900 000 kr er mer enn /,
    });
    await link.first().waitFor();
    expect(await summary.innerText()).not.toMatch(/exceeds|NOK/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await link.first().click();
    const requested = page.getByRole('group', { name: 'Finansieringsplan' }).getByLabel('Omsøkt tilskudd');
    await stepHeading(page, 'Steg 3 av 4: Kostnader og finansiering').waitFor();
    expect(await isFocused(requested)).toBe(true);
    expect(await descriptionOf(requested)).toMatch(/Omsøkt tilskudd: Omsøkt beløp på 900 000 kr er mer enn /);
    const [row] = await b.t.dataSource.query(`SELECT status FROM application WHERE reference = $1`, [
      reference,
    ]);
    expect(row.status).toBe('draft');
  }, 120_000);
});
