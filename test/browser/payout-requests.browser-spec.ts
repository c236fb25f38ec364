import { nok } from '@lib/common';
import type { Page } from 'playwright-core';
import { accessibilityViolations, type BrowserApp, kr, signIn, startBrowserApp } from '../support/browser';
import { acceptedGrant, bioCallWithAdvance, bookPaymentsDue, KARI, newClock, OFFICER } from '../support/bio';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/**
 * A part payment in the browser: the applicant asks for one on an accepted BIO grant with its
 * advance paid (typing a wrong account number first, told so on the field and in the summary, and
 * attaching the receipts to the saved draft), then the case officer reviews it against the cost plan
 * and its attachments and approves less than asked.
 */
describe('payout requests in the browser', () => {
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

  it('lets the applicant ask for a part payment, after correcting the account number', async () => {
    await page.goto('/logg-inn');
    await signIn(page, KARI);
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Logg inn' }).waitFor();
    await page.goto(`/soknader/${reference}`);
    const section = page.getByRole('region', { name: 'Utbetalinger du har bedt om' });
    await section.waitFor();
    expect(await section.innerText()).toContain(`inntil ${kr('100 000')} nå`);
    await axe();

    await page.getByRole('button', { name: 'Be om utbetaling' }).click();
    await page.getByLabel('Beløp du ber om').fill('40 000');
    await page.getByLabel('Kontonummer').fill('8601 11 17949');
    await page.getByLabel('Hva er gjort så langt').fill('Fire av seks moduler er holdt.');
    const wages = page.getByLabel(/^Lønn til deltakerne i opplæringstiden/);
    await wages.fill('180 000');
    expect(await section.innerText()).toContain(`Godkjent i kostnadsplanen: ${kr('400 000')}`);
    await page.getByLabel('Bekreftet av daglig leder').fill('Kari Nordmann');
    // 40 000 kr: the accountant's confirmation may be given, not required.
    await page.getByRole('group', { name: 'Bekreftelse fra regnskapsfører eller revisor' }).waitFor();
    await page.getByRole('button', { name: 'Send anmodningen' }).click();

    const summaryLink = page.getByRole('link', { name: /Kontonummeret er ikke gyldig: kontrollsifferet/ });
    await summaryLink.waitFor();
    expect(await page.getByLabel('Kontonummer').getAttribute('aria-invalid')).toBe('true');
    await axe();
    await summaryLink.click();
    expect(
      await page
        .getByLabel('Kontonummer')
        .evaluate((element) => element === element.ownerDocument.activeElement),
    ).toBe(true);
    await page.getByLabel('Kontonummer').fill('8601 11 17947');

    // Saved as a draft first, the request takes the receipts as an attachment.
    await page.getByRole('button', { name: 'Lagre utkast' }).click();
    await page.getByText('Utkastet er lagret. Du kan legge ved filer nedenfor.').waitFor();
    const files = page.getByRole('region', { name: 'Vedlegg til anmodningen' });
    await files.getByText('Ingen vedlegg er lastet opp.').waitFor();
    await files.getByLabel('Type vedlegg').selectOption({ label: 'Kvitteringer og bilag' });
    await files
      .getByLabel('Fil')
      .setInputFiles({ name: 'kvitteringer.pdf', mimeType: 'application/pdf', buffer: PDF });
    await files.getByRole('button', { name: 'Last opp vedlegg' }).click();
    await files.getByRole('link', { name: 'kvitteringer.pdf' }).waitFor();
    expect(await files.getByRole('listitem').textContent()).toContain('Kvitteringer og bilag, 1 kB');
    await axe();
    await page.getByRole('button', { name: 'Send anmodningen' }).click();

    await page.getByText('Anmodningen om utbetaling er sendt. Saksbehandleren får beskjed.').waitFor();
    const row = section.getByRole('row').filter({ hasText: 'Sendt, til behandling' });
    await row.waitFor();
    expect(await row.innerText()).toContain(kr('40 000'));
    await axe();

    const stored = (
      await b.t
        .http()
        .get(`/api/v1/applications/${id}/payout-requests`)
        .set('authorization', await b.t.bearer(KARI))
    ).body as {
      items: Array<{ status: string; amount: number; accountNumber: string; costs: unknown[] }>;
    };
    expect(stored.items).toMatchObject([
      {
        status: 'sent',
        amount: nok(40_000),
        accountNumber: '86011117947',
        costs: [{ line: '0', accumulatedOre: nok(180_000) }],
      },
    ]);
  });

  it('lets the case officer review the request against the cost plan and approve less', async () => {
    await page.goto('/logg-inn');
    await signIn(page, OFFICER);
    await page.getByRole('heading', { level: 1, name: 'Arbeidsliste' }).waitFor();
    await page.goto(`/saksbehandling/saker/${reference}`);
    const section = page.getByRole('region', { name: 'Anmodninger om utbetaling' });
    await section.getByRole('heading', { name: 'Anmodning 1 venter på behandling' }).waitFor();
    const text = await section.innerText();
    expect(text).toContain('8601 11 17947');
    const files = section.getByRole('region', { name: 'Vedlegg til anmodningen' });
    const receipts = files.getByRole('link', { name: 'kvitteringer.pdf' });
    await receipts.waitFor();
    expect(await receipts.getAttribute('href')).toMatch(
      new RegExp(`^/api/v1/applications/${id}/attachments/[0-9a-f-]{36}$`),
    );
    expect(text).toContain('Kari Nordmann (daglig leder)');
    const wages = section.getByRole('row').filter({ hasText: 'Lønn til deltakerne' });
    expect(await wages.innerText()).toContain(kr('180 000'));
    expect(await wages.innerText()).toContain(kr('400 000'));
    await axe();

    await page.getByLabel('Beløp som godkjennes').fill('35 000');
    await page.getByRole('button', { name: 'Godkjenn utbetaling' }).click();
    await page.getByText('Utbetalingen er godkjent', { exact: false }).waitFor();
    await section.getByRole('row').filter({ hasText: 'Godkjent, venter på utbetaling' }).waitFor();
    await axe();

    const due = (
      await b.t
        .http()
        .get('/api/v1/payments/due?limit=500')
        .set('authorization', await b.t.bearer('okonomi@trondelag.example'))
    ).body as {
      items: Array<{ caseReference: string; kind: string; amount: number }>;
    };
    expect(due.items.filter((d) => d.caseReference === reference)).toMatchObject([
      { kind: 'payout_request', amount: nok(35_000) },
    ]);
  });
});
