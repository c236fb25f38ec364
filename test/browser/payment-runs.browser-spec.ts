import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { convert } from 'xmlbuilder2';
import { accessibilityViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';
import { acceptedGrant, bioCallWithAdvance, FINANCE, KARI, newClock } from '../support/bio';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** nb-NO groups digits with a no-break space. */
const NBSP = '\u00a0';

/**
 * An applicant registers the account grants are paid to; finance ticks two due payments, makes a
 * payment run for a business day, approves and books it, and downloads its pain.001 file.
 */
describe('payment runs in the browser', () => {
  let b: BrowserApp;
  let page: Page;
  let callId: string;

  beforeAll(async () => {
    b = await startBrowserApp({ clock: newClock() });
    page = await b.newPage();
    // A call whose plan pays half on acceptance.
    callId = await bioCallWithAdvance(b.t, 5_000);
  }, 120_000);
  afterAll(async () => {
    await b?.close();
  });

  const axe = async () => expect(await accessibilityViolations(page)).toEqual([]);
  const organisationOf = async (applicationId: string) =>
    (
      await b.t.dataSource.query<Array<{ id: string; name: string }>>(
        `SELECT o.id, o.name FROM organisation o JOIN application a ON a.organisation_id = o.id WHERE a.id = $1`,
        [applicationId],
      )
    )[0];

  it("lets the organisation's user set its payout account, checking the number", async () => {
    const { id } = await acceptedGrant(b.t, { callId, amount: 20_000_000 });
    const organisation = await organisationOf(id);
    await page.goto('/organisasjon');
    await signIn(page, KARI);
    await page.getByRole('heading', { level: 1, name: 'Organisasjon og kontonummer' }).waitFor();
    const section = page.getByRole('region', { name: organisation.name });
    await section.getByText('Ingen konto er registrert.', { exact: false }).waitFor();
    await axe();

    await section.getByLabel('Kontonummer for utbetaling').fill('8601 11 17949');
    await section.getByRole('button', { name: 'Lagre kontonummer' }).click();
    await section.getByText('Kontonummeret er ikke gyldig', { exact: false }).first().waitFor();
    await axe();

    await section.getByLabel('Kontonummer for utbetaling').fill('8601 11 17947');
    await section.getByRole('button', { name: 'Lagre kontonummer' }).click();
    await section.getByText('Kontonummeret 8601 11 17947 er lagret.').waitFor();
    await section.getByText('Registrert kontonummer: 8601 11 17947.').waitFor();
    await axe();
    await b.context.clearCookies();
  });

  it('makes a run of two due payments, approves and books it, and downloads its pain.001 file', async () => {
    const grants = [
      await acceptedGrant(b.t, { callId, amount: 2_469_134 }), // advance 12 345,67 kr
      await acceptedGrant(b.t, { callId, amount: 20_000_000 }), // advance 100 000 kr
    ];
    const kari = await b.t.bearer(KARI);
    for (const grant of grants) {
      const organisation = await organisationOf(grant.id);
      const res = await b.t
        .http()
        .put(`/api/v1/organisations/${organisation.id}/payout-account`)
        .set('authorization', kari)
        .send({ accountNumber: '86011117947' });
      expect(res.status).toBe(200);
    }
    const [a, c] = grants.map((g) => g.reference);

    await page.goto('/okonomi/utbetalinger');
    await signIn(page, FINANCE);
    await page.getByRole('heading', { level: 1, name: 'Til utbetaling' }).waitFor();
    await page.getByRole('checkbox', { name: `Velg ${a}, kr${NBSP}12${NBSP}345,67` }).check();
    await page.getByRole('checkbox', { name: `Velg ${c}, kr${NBSP}100${NBSP}000` }).check();
    await page.getByText(`Valgt: 2 utbetalinger, til sammen kr${NBSP}112${NBSP}345,67.`).waitFor();
    await axe();
    // A Saturday is refused in words next to the button; nothing is made.
    await page.getByLabel('Ønsket betalingsdato').fill('07.02.2026');
    await page.getByRole('button', { name: 'Lag utbetalingsliste' }).click();
    await page.getByText('Betalingsdatoen er ikke en virkedag. Velg en annen dato.').waitFor();
    await axe();

    await page.getByLabel('Ønsket betalingsdato').fill('04.02.2026');
    await page.getByRole('button', { name: 'Lag utbetalingsliste' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^Utbetalingsliste \d+$/ });
    await heading.waitFor();
    expect(page.url()).toMatch(/\/okonomi\/utbetalinger\/kjoringer\//);
    const main = page.locator('main');
    await page.getByText('Kladd: ingenting er bokført ennå.').waitFor();
    const text = await main.innerText();
    expect(text).toContain('8601 11 17947');
    // Each item by its case number, with the reference under it.
    for (const grant of grants) {
      const [{ case_number: caseNumber }] = await b.t.dataSource.query<Array<{ case_number: string }>>(
        `SELECT case_number FROM application WHERE id = $1`,
        [grant.id],
      );
      expect(text).toMatch(new RegExp(`${caseNumber}\\s+${grant.reference}`));
    }
    // Each item's kind in words.
    expect(text).toContain('Avdrag i betalingsplanen');
    expect(text).toContain(`kr${NBSP}12${NBSP}345,67`);
    expect(text).toContain(`Til sammen kr${NBSP}112${NBSP}345,67 i 2 utbetalinger.`);
    expect(text).toContain('Ønsket betalingsdato: 4. februar 2026.');
    expect(text).not.toMatch(UUID);
    await axe();

    await page.getByRole('button', { name: 'Godkjenn og bokfør' }).click();
    const dialog = page.getByRole('dialog', { name: 'Godkjenne og bokføre utbetalingslisten?' });
    await dialog.waitFor();
    await axe();
    await dialog.getByRole('button', { name: `Godkjenn og bokfør kr${NBSP}112${NBSP}345,67` }).click();
    await page.getByText('Utbetalingslisten er godkjent og bokført.').waitFor();
    await page.getByText(/Godkjent og bokført av Åse Økonomi/).waitFor();
    await axe();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned betalingsfil (ISO 20022 pain.001, XML)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^utbetalingsliste-\d+-2026-02-04\.xml$/);
    const xml = readFileSync(await download.path(), 'utf8');
    type Node = Record<string, unknown>;
    const doc = convert(xml, { format: 'object' }) as unknown as Node;
    const init = (doc.Document as Node).CstmrCdtTrfInitn as Node;
    expect((init.GrpHdr as Node).NbOfTxs).toBe('2');
    expect((init.GrpHdr as Node).CtrlSum).toBe('112345.67');
    expect((init.PmtInf as Node).CdtTrfTxInf).toHaveLength(2);

    // Back on the list: both are booked, so neither is due; the run is listed as approved.
    await page.getByRole('link', { name: 'Tilbake til utbetalinger' }).click();
    await page.getByRole('heading', { level: 1, name: 'Til utbetaling' }).waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: 'Godkjent' })
      .filter({ hasText: '4. februar 2026' })
      .first()
      .waitFor();
    // The due list is read again after the approval; neither payment stays on it.
    await page.getByRole('checkbox', { name: new RegExp(`^Velg ${a},`) }).waitFor({ state: 'detached' });
    expect(await page.getByRole('checkbox', { name: new RegExp(`^Velg (${a}|${c}),`) }).count()).toBe(0);
    await axe();
  });
});
