import type { Page } from 'playwright-core';
import { accessibilityViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';
import { acceptedGrant, APPROVER, KARI, newClock, OFFICER } from '../support/bio';

const GROUNDS = 'Prosjektet ble ikke startet, og opplæringen blir ikke gjennomført.';

/**
 * Heving and utsatt frist in the browser: the case officer proposes to cancel an accepted grant with grounds, an
 * approver decides it after confirming, and the applicant reads the grounds on the case page.
 */
describe('cancelling a grant (heving) in the browser', () => {
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
  const signOut = async () => {
    await b.context.clearCookies();
    if (page.url().startsWith(b.baseUrl)) await page.evaluate('localStorage.clear()');
  };

  it('is proposed by the officer, decided by the approver and read by the applicant', async () => {
    const { id, reference } = await acceptedGrant(b.t, { amount: 20_000_000 });

    await page.goto(`/saksbehandling/saker/${reference}`);
    await signIn(page, OFFICER);
    const propose = page.getByRole('region', { name: 'Hev tilsagn' });
    await propose.waitFor();
    await axe();
    await propose.getByLabel('Begrunnelse', { exact: true }).fill(GROUNDS);
    await propose.getByRole('button', { name: 'Foreslå å heve tilsagnet' }).click();
    await page.getByText('Det er foreslått å heve tilsagnet.', { exact: false }).waitFor();
    await axe();
    await signOut();

    await page.goto(`/saksbehandling/saker/${reference}`);
    await signIn(page, APPROVER);
    const decide = page.getByRole('region', { name: 'Vedtak om å heve tilsagnet' });
    await decide.getByText(GROUNDS).waitFor();
    await axe();
    await decide.getByRole('button', { name: 'Hev tilsagnet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Vil du heve tilsagnet?' });
    await dialog.waitFor();
    await axe();
    await dialog.getByRole('button', { name: 'Ja, hev tilsagnet' }).click();
    await page.getByRole('region', { name: 'Tilsagnet er hevet' }).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await axe();
    await signOut();

    await page.goto(`/soknader/${reference}`);
    await signIn(page, KARI);
    const cancelled = page.getByRole('region', { name: 'Tilsagnet er hevet' });
    await cancelled.getByText(GROUNDS).waitFor();
    expect(await cancelled.innerText()).toContain('Dere må ikke betale tilbake noe.');
    await axe();

    const detail = await b.t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set('authorization', await b.t.bearer(OFFICER));
    expect(detail.body).toMatchObject({ status: 'cancelled', state: 'cancelled.closed' });
  });

  it('extends the project period the applicant asks for, and the report deadline with it', async () => {
    const { id, reference } = await acceptedGrant(b.t, { amount: 20_000_000 });

    await signOut();
    await page.goto(`/soknader/${reference}`);
    await signIn(page, KARI);
    const ask = page.getByRole('region', { name: 'Utsatt frist for sluttrapport' });
    await ask.getByRole('button', { name: 'Be om utsatt frist' }).click();
    // Neither a project end nor a deadline: the summary names what is missing and takes the focus.
    const missing = page.getByRole('link', { name: /Skriv ny sluttdato for prosjektet, ny frist/ });
    await missing.waitFor();
    await missing.click();
    await ask.getByLabel('Ny sluttdato for prosjektet (valgfritt)').fill('30.04.2027');
    await ask.getByLabel('Begrunnelse').fill('Siste kursuke er flyttet');
    await axe();
    await ask.getByRole('button', { name: 'Be om utsatt frist' }).click();
    await ask.getByText('Dere har bedt om utsatt frist', { exact: false }).waitFor();
    await signOut();

    await page.goto(`/saksbehandling/saker/${reference}`);
    await signIn(page, OFFICER);
    const review = page.getByRole('region', { name: 'Søknad om utsatt frist for sluttrapport' });
    await review.getByText('Ønsket ny sluttdato for prosjektet').waitFor();
    expect(await review.getByLabel('Ny sluttdato for prosjektet').inputValue()).toBe('30.04.2027');
    await axe();
    await review.getByRole('button', { name: 'Gi utsatt frist' }).click();
    await review.waitFor({ state: 'hidden' });
    await signOut();

    await page.goto(`/soknader/${reference}`);
    await signIn(page, KARI);
    await page.getByText('Prosjektperioden er forlenget til', { exact: false }).waitFor();
    const detail = await b.t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set('authorization', await b.t.bearer(KARI));
    expect(detail.body.case.projectEndsAt).toBe('2027-04-30T12:00:00.000Z');
  });
});
