import { nok } from '@lib/common';
import type { Page } from 'playwright-core';
import { accessibilityViolations, type BrowserApp, kr, signIn, startBrowserApp } from '../support/browser';
import { acceptedGrant, bioCallWithAdvance, bookPaymentsDue, KARI, newClock, OFFICER } from '../support/bio';

/**
 * The final payout request in the browser: on an accepted BIO grant with its advance paid, the
 * applicant fills in the final report and then the request for the final payment on the case page
 * and sends both; the case officer reads it beside the approved plan and approves it.
 */
describe('final payout request in the browser', () => {
  let b: BrowserApp;
  let page: Page;
  let id: string;
  let reference: string;

  beforeAll(async () => {
    b = await startBrowserApp({ clock: newClock() });
    const callId = await bioCallWithAdvance(b.t, 5_000, {
      payoutAttestation: {
        managerSignatureBelowOre: nok(20_000),
        accountantConfirmationFromOre: nok(50_000),
      },
    });
    ({ id, reference } = await acceptedGrant(b.t, { callId, amount: nok(250_000) }));
    await bookPaymentsDue(b.t, reference);
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

  const axe = async () => expect(await accessibilityViolations(page)).toEqual([]);

  it('lets the applicant send the final report with the request for the final payment', async () => {
    await page.goto('/logg-inn');
    await signIn(page, KARI);
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Logg inn' }).waitFor();
    await page.goto(`/soknader/${reference}`);
    const section = page.getByRole('region', { name: 'Utbetalinger du har bedt om' });
    await section.getByRole('button', { name: 'Send sluttrapport og be om sluttutbetaling' }).click();

    // First the scheme's final report …
    await section.getByLabel('Sammendrag').fill('Alle fire operatørene fullførte modulene.');
    await section.getByLabel('Antall deltakere som fullførte').fill('4');
    await axe();
    await section.getByRole('button', { name: 'Neste' }).click();
    const actual = section.getByRole('group', { name: 'Faktiske kostnader' });
    await actual.getByRole('button', { name: 'Legg til kostnad' }).click();
    await actual.getByLabel('Kategori').selectOption({ label: 'Kursavgift og tilbyder' });
    await actual.getByLabel('Beløp').fill('560 000');
    await section.getByRole('button', { name: 'Gå videre til sluttutbetalingen' }).click();

    // … then the request's own fields, the approved plan beside each cost line.
    await section.getByRole('heading', { name: 'Anmodning om sluttutbetaling' }).waitFor();
    expect(await section.innerText()).toContain(`Høyst ${kr('125 000')}`);
    await section.getByLabel('Beløp du ber om').fill('40 000');
    await section.getByLabel('Kontonummer').fill('1503 12 34562');
    await section.getByLabel('Hva er gjort så langt').fill('Prosjektet er gjennomført.');
    await section.getByLabel(/^Kursavgift og tilbyder/).fill('560 000');
    expect(await section.innerText()).toContain(`Godkjent i kostnadsplanen: ${kr('250 000')}`);
    await section.getByLabel('Bekreftet av daglig leder').fill('Kari Nordmann');
    await axe();
    await section.getByRole('button', { name: 'Send sluttrapport og anmodning' }).click();

    await page
      .getByText('Sluttrapporten og anmodningen om sluttutbetaling er sendt.', { exact: false })
      .waitFor();
    await section
      .getByRole('row')
      .filter({ hasText: 'Sluttutbetaling' })
      .filter({ hasText: 'Sendt' })
      .waitFor();
    await axe();

    const [row] = await b.t.dataSource.query<Array<{ state: string }>>(
      `SELECT state FROM application WHERE id = $1`,
      [id],
    );
    expect(row?.state).toBe('reported.report_review');
  });

  it('lets the case officer approve the final request and with it the final report', async () => {
    await page.goto('/logg-inn');
    await signIn(page, OFFICER);
    await page.getByRole('heading', { level: 1, name: 'Arbeidsliste' }).waitFor();
    await page.goto(`/saksbehandling/saker/${reference}`);
    const section = page.getByRole('region', { name: 'Anmodninger om utbetaling' });
    await section
      .getByRole('heading', { name: 'Anmodning 1 om sluttutbetaling, med sluttrapporten' })
      .waitFor();
    expect(await section.innerText()).toContain('1503 12 34562');
    const fees = section.getByRole('row').filter({ hasText: 'Kursavgift og tilbyder' });
    expect(await fees.innerText()).toContain(kr('250 000'));
    expect(await fees.innerText()).toContain(kr('560 000'));
    // The report's own approval gives way to the request's.
    await page
      .getByText('Sluttrapporten ble sendt med en anmodning om sluttutbetaling.', { exact: false })
      .waitFor();
    await axe();

    await section.getByRole('button', { name: 'Godkjenn sluttrapport og sluttutbetaling' }).click();
    await page.getByText('Sluttrapporten og sluttutbetalingen er godkjent.', { exact: false }).waitFor();
    await axe();

    const due = (
      await b.t
        .http()
        .get('/api/v1/payments/due?limit=500')
        .set('authorization', await b.t.bearer('okonomi@trondelag.example'))
    ).body as {
      items: Array<{ caseReference: string; amount: number; payoutRequest: { kind: string } | null }>;
    };
    expect(due.items.filter((d) => d.caseReference === reference)).toMatchObject([
      { amount: nok(40_000), payoutRequest: { kind: 'final', accountNumber: '15031234562' } },
    ]);
  });
});
