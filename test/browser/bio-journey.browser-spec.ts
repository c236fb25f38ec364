import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/seed/demo-data';
import { accessibilityViolations, startBrowserApp, type BrowserApp } from '../support/browser';
import { act, APPROVER, bookPaymentsDue, expectOk, KARI, newClock, OFFICER } from '../support/bio';

const BIO_CALL = 'Bedriftsintern opplæring (BIO) 2026 – Trøndelag';
const GROUNDS = 'Opplæringen svarer på omstillingsbehovet, og kostnadene følger utlysningen.';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/**
 * The applicant's whole journey in the browser, from the open call to a closed case: every step the
 * applicant takes happens on the pages; the county's steps (assessment, request, decision, payment,
 * report approval) go through the API, as the county's own screens would send them.
 */
describe('a BIO application from the open call to a closed case', () => {
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
  const timeline = () => page.getByRole('region', { name: 'Hva har skjedd i saken' });
  const caseHeading = (reference: string) =>
    page.getByRole('heading', { level: 1, name: `${BIO_CALL} – sak ${reference}` });
  const step = (name: string) => page.getByRole('heading', { level: 2, name });
  const county = async (reference: string, email: string, action: string, body: object = {}) =>
    expectOk(act(b.t, email, reference, action, body));

  it('walks call, eligibility, form, request, decision, acceptance, payment, report and closure', async () => {
    // 1. The open call, read without signing in; applying asks to sign in and comes back.
    await page.goto('/');
    const call = page.getByRole('article').filter({ hasText: BIO_CALL });
    await call.getByRole('link', { name: 'Søk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await axe();
    await page.getByLabel('E-postadresse').fill(KARI);
    await page.getByLabel('Passord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();

    // 2. The call's own rules checked against the organisation before any form.
    await page.getByRole('heading', { level: 2, name: /kan søke/ }).waitFor();
    await axe();
    await page.getByRole('button', { name: 'Start søknaden' }).click();

    // 3. The form, step by step.
    const h1 = page.getByRole('heading', { level: 1, name: /^Søknad BIO-2026-\d+$/ });
    await h1.waitFor();
    const reference = ((await h1.textContent()) ?? '').replace('Søknad ', '');
    await step('Steg 1 av 4: Omstilling og opplæring').waitFor();
    await page.getByLabel('Omstillingsbehov').fill('Vi går fra manuell sveising til robotceller.');
    await page.getByLabel('Innhold og organisering').fill('Seks moduler om robotprogrammering.');
    await page.getByLabel('Kursleverandør', { exact: true }).fill('NTNU Videre');
    await page.getByLabel('Type kursleverandør').selectOption({ label: 'Universitet' });
    await page.getByRole('button', { name: 'Neste' }).click();
    await step('Steg 2 av 4: Tid og deltakere').waitFor();
    await page.getByLabel('Startdato').fill('02.03.2026');
    await page.getByLabel('Sluttdato').fill('26.02.2027');
    await page.getByLabel('Antall ansatte som deltar').fill('4');
    await page.getByLabel('Uker opplæring per deltaker').fill('20');
    await page.getByRole('button', { name: 'Neste' }).click();
    await step('Steg 3 av 4: Kostnader og finansiering').waitFor();
    const costs = page.getByRole('group', { name: 'Kostnadsplan' });
    if ((await costs.getByRole('listitem').count()) === 0)
      await costs.getByRole('button', { name: 'Legg til kostnad' }).click();
    await costs
      .getByRole('listitem')
      .nth(0)
      .getByLabel('Kategori')
      .selectOption({ label: 'Kursavgift og tilbyder' });
    await costs.getByRole('listitem').nth(0).getByLabel('Beløp').fill('600 000');
    const financing = page.getByRole('group', { name: 'Finansieringsplan' });
    await financing.getByLabel('Egenandel').fill('300 000');
    await financing.getByLabel('Annen offentlig støtte').fill('0');
    await financing.getByLabel('Omsøkt tilskudd').fill('300 000');
    await axe();
    await page.getByRole('button', { name: 'Neste' }).click();
    await step('Steg 4 av 4: Erklæringer').waitFor();
    const otherSupport = page.getByRole('group', {
      name: 'Bedriften har fått annen offentlig støtte til de samme kostnadene',
    });
    await otherSupport.getByRole('radio', { name: 'Nei' }).check();
    await page.getByLabel('Beløp annen offentlig støtte').fill('0');
    await page
      .getByRole('group', { name: 'Bedriften er ikke et foretak i økonomiske vanskeligheter' })
      .getByRole('radio', { name: 'Ja' })
      .check();
    await axe();
    await page.getByRole('button', { name: 'Send inn søknaden' }).click();
    await caseHeading(reference).waitFor();
    await timeline().getByText('Søknaden ble sendt inn').waitFor();
    await axe();

    // 4. The county asks for more; the applicant answers on the case page.
    await county(reference, OFFICER, 'assign');
    await county(reference, OFFICER, 'request-information', {
      message: 'Legg ved opplæringsplanen fra leverandøren.',
      dueAt: '2026-02-16T12:00:00+01:00',
    });
    await page.reload();
    const request = page.getByRole('region', { name: 'Fylkeskommunen ber om mer informasjon' });
    await request.getByText('Legg ved opplæringsplanen fra leverandøren.').waitFor();
    await axe();
    await request.getByRole('textbox', { name: 'Svaret ditt' }).fill('Planen er sendt saksbehandleren.');
    await request.getByRole('button', { name: 'Send svaret' }).click();
    await timeline().getByText('Søkeren svarte på spørsmålene').waitFor();

    // 5. Recommended by the officer, decided by another person (four eyes), with grounds.
    await county(reference, OFFICER, 'recommend-grant', { amount: 30_000_000, notes: GROUNDS });
    await county(reference, APPROVER, 'decide-grant', {
      grounds: GROUNDS,
      conditions: ['Sluttrapport med regnskap sendes innen fristen'],
    });
    await page.reload();
    const decision = page.getByRole('region', { name: 'Vedtak', exact: true });
    await decision.getByText(GROUNDS).waitFor();
    expect(await decision.innerText()).toContain('Sluttrapport med regnskap sendes innen fristen');
    await axe();

    // 6. The applicant accepts within the deadline.
    const acceptance = page.getByRole('region', { name: 'Takk ja eller nei til tilskuddet' });
    await acceptance.getByRole('button', { name: 'Takk ja til tilskuddet' }).click();
    await timeline().getByText('Tilskuddet ble akseptert').waitFor();
    await axe();

    // 7. The final report, on its own page from the case page.
    await page.getByRole('link', { name: `Skriv sluttrapport for ${reference}` }).click();
    await page.getByRole('heading', { level: 1, name: `Sluttrapport ${reference}` }).waitFor();
    await page.getByLabel('Sammendrag').fill('Alle fire operatørene fullførte modulene.');
    await page.getByLabel('Antall deltakere som fullførte').fill('4');
    await axe();
    await page.getByRole('button', { name: 'Neste' }).click();
    const actual = page.getByRole('group', { name: 'Faktiske kostnader' });
    await actual.getByRole('button', { name: 'Legg til kostnad' }).click();
    await actual.getByLabel('Kategori').selectOption({ label: 'Kursavgift og tilbyder' });
    await actual.getByLabel('Beløp').fill('560 000');
    await axe();
    await page.getByRole('button', { name: 'Send inn sluttrapporten' }).click();
    await caseHeading(reference).waitFor();
    await timeline().getByText('Sluttrapporten ble sendt inn').waitFor();

    // 8. The county approves the report and pays the final payment; the case is then closed, with
    // the payment shown.
    await county(reference, OFFICER, 'approve-report');
    expect(await bookPaymentsDue(b.t, reference)).toBe(28_000_000);

    await page.reload();
    await timeline().getByText('Sluttrapporten ble godkjent').waitFor();
    await timeline().getByText('Sluttoppgjøret er ferdig, og saken er avsluttet').waitFor();
    // The payments come with the case's detail, read after the page's first data.
    await page.getByText(/kr\s280\s000 utbetalt/).waitFor();
    const main = await page.locator('main').innerText();
    expect(main).toContain('Avsluttet');
    expect(main).not.toMatch(UUID);
    await axe();

    await page.getByRole('link', { name: 'Mine søknader' }).first().click();
    const listed = page.getByRole('article').filter({ hasText: reference });
    await listed.waitFor();
    expect(await listed.innerText()).toContain('Avsluttet');
    await axe();
  }, 240_000);
});
