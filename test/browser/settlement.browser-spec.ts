import type { Page } from 'playwright-core';
import { accessibilityViolations, type BrowserApp, kr, signIn, startBrowserApp } from '../support/browser';
import {
  acceptedGrant,
  act,
  bioCallWithAdvance,
  bookPaymentsDue,
  expectOk,
  FINANCE,
  KARI,
  newClock,
  OFFICER,
} from '../support/bio';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** nb-NO groups digits with a no-break space. */

/**
 * An overpaid BIO grant: the applicant reads the payment plan as it stands on the case page (what was
 * paid, released and claimed back); finance registers the repayment on /okonomi/krav, which closes
 * the case.
 */
describe('settlement in the browser', () => {
  let b: BrowserApp;
  let page: Page;
  const clock = newClock();

  beforeAll(async () => {
    b = await startBrowserApp({ clock });
    page = await b.newPage();
  }, 120_000);
  afterAll(async () => {
    await b?.close();
  });

  const axe = async () => expect(await accessibilityViolations(page)).toEqual([]);
  const signOut = async () => {
    await b.context.clearCookies();
    await page.evaluate('localStorage.clear()');
  };

  it('shows the applicant the plan, and lets finance register the repayment of a claim', async () => {
    // 50 % advance of 250 000 kr paid; the final report settles at 100 000 kr: 25 000 kr is claimed back.
    const callId = await bioCallWithAdvance(b.t, 5_000);
    const { id, reference } = await acceptedGrant(b.t, { callId, amount: 25_000_000 });
    expect(await bookPaymentsDue(b.t, reference)).toBe(12_500_000);
    clock.set('2027-03-01T10:00:00+01:00');
    const report = {
      summary: 'Done, far cheaper than planned',
      participantsCompleted: 4,
      actualCosts: [{ category: 'provider_fees', amountOre: 20_000_000 }],
    };
    await expectOk(act(b.t, KARI, id, 'report', { report }));
    await expectOk(act(b.t, OFFICER, id, 'approve-report', { finalPayableAmount: 10_000_000 }));

    // The applicant's case page: the plan as it stands.
    await page.goto(`/soknader/${reference}`);
    await signIn(page, KARI);
    const panel = page.getByRole('region', { name: 'Utbetalingsplan', exact: true });
    await panel.waitFor();
    const table = panel.getByRole('table', { name: 'Utbetalingsplanen slik den står nå' });
    await table.waitFor();
    const rows = table.getByRole('row');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(1).getByRole('cell').allInnerTexts()).toEqual([
      'Forskudd',
      'Når tilsagnet er akseptert',
      kr('100 000'),
      kr('100 000'),
      kr('0'),
      'Utbetalt',
    ]);
    const text = await panel.innerText();
    expect(text).toContain(`Endelig tilskudd etter sluttrapporten: ${kr('100 000')}`);
    expect(text).toContain(`Frigjort og ført tilbake til rammen: ${kr('125 000')}`);
    expect(text).toContain(`Ubetalt krav om tilbakebetaling: ${kr('25 000')}`);
    // The settlement and its claim are letters on the case, under their titles.
    const letters = page.getByRole('region', { name: 'Vedtaksbrev' });
    await letters.waitFor();
    expect(await letters.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringContaining('Tilsagnsbrev'),
      expect.stringContaining('Sluttoppgjør, 1. mars 2027'),
      expect.stringContaining('Tilbakebetalingskrav, 1. mars 2027'),
    ]);
    expect(await page.locator('main').innerText()).not.toMatch(UUID);
    await axe();
    await signOut();

    // Finance's claims: the amount in kroner, the organisation, the case, the due date in words.
    await page.goto('/okonomi/krav');
    await signIn(page, FINANCE);
    await page.getByRole('heading', { level: 1, name: 'Krav om tilbakebetaling' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: reference });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells.slice(0, 5)).toEqual([
      reference,
      expect.stringMatching(/ AS$/),
      kr('25 000'),
      '31. mars 2027',
      'Sendt',
    ]);
    expect(await page.locator('main').innerText()).not.toMatch(UUID);
    await axe();

    await row
      .getByRole('button', { name: `Registrer innbetaling av ${kr('25 000')} for ${reference}` })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Registrere innbetaling?' });
    await dialog.waitFor();
    await axe();
    await dialog.getByRole('button', { name: `Registrer ${kr('25 000')}` }).click();
    await page
      .getByRole('status')
      .getByText(`Innbetalingen av ${kr('25 000')} for ${reference} er registrert, og saken er avsluttet.`)
      .waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('Betalt').waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    await axe();

    const detail = await b.t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set('authorization', await b.t.bearer(FINANCE));
    expect(detail.body).toMatchObject({ status: 'closed' });
  });
});
