import type { Locator, Page } from 'playwright-core';
import { accessibilityViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';

const ADMIN = 'admin@trondelag.example';
const NINA = 'nina.ny@trondelag.example';
const NINA_PASSWORD = 'Nina-sitt-eget-passord-2026';

const isFocused = (locator: Locator) =>
  locator.evaluate((element) => element === element.ownerDocument.activeElement);

describe('administrators manage their staff in the browser', () => {
  let b: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    b = await startBrowserApp();
    page = await b.newPage();
  });
  afterAll(() => b.close());

  const heading = (name: string) => page.getByRole('heading', { level: 1, name });
  const staffRow = (name: string) => page.getByRole('row').filter({ hasText: name });

  async function signOut() {
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page
      .getByRole('button', { name: 'Logg inn' })
      .or(page.getByRole('link', { name: 'Logg inn' }))
      .first()
      .waitFor();
  }

  async function signInAs(email: string, password: string) {
    await page.goto('/logg-inn');
    await heading('Logg inn').waitFor();
    await page.getByLabel('E-postadresse').fill(email);
    await page.getByLabel('Passord').fill(password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
  }

  /** The link in the newest invitation e-mail to this address, as the outbox holds it. */
  async function invitationPath(email: string): Promise<string> {
    const rows: Array<{ body: string }> = await b.t.owner.query(
      `SELECT body FROM notification WHERE recipient_email = $1 AND template = 'staff_invitation' ORDER BY created_at DESC LIMIT 1`,
      [email],
    );
    const link = /https?:\/\/\S+(\/invitasjon\/[\w-]+)/.exec(rows[0]?.body ?? '');
    if (!link) throw new Error(`no invitation e-mail to ${email}`);
    return link[1];
  }

  it('lists the staff and sums up what the invitation form is missing', async () => {
    await page.goto('/logg-inn');
    await signIn(page, ADMIN);
    await heading('Utlysninger').waitFor();
    await page.getByRole('link', { name: 'Ansatte' }).click();
    await heading('Ansatte').waitFor();
    await staffRow('Arne Admin').waitFor();
    expect(await staffRow('Siri Saksbehandler').innerText()).toContain('Saksbehandler');
    expect(await staffRow('Arne Admin').innerText()).toContain('Aktiv');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Nothing filled in: the summary says what is missing and takes focus.
    await page.getByRole('button', { name: 'Send invitasjon' }).click();
    const summary = page.getByText('For å gå videre må du rette opp dette:');
    await summary.waitFor();
    expect(await page.getByRole('link', { name: 'Velg minst én rolle' }).count()).toBe(1);
    // The summary has focus, so it is read out at once.
    expect(await isFocused(page.locator('ds-error-summary'))).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Velg minst én rolle' }).click();
    expect(await isFocused(page.getByRole('checkbox', { name: 'Saksbehandler' }))).toBe(true);
  });

  it('invites a new case officer by e-mail', async () => {
    await page.getByLabel('Fullt navn').fill('Nina Ny');
    await page.getByLabel('E-postadresse').fill(NINA);
    await page.getByRole('checkbox', { name: 'Saksbehandler' }).check();
    await page.getByRole('button', { name: 'Send invitasjon' }).click();
    await page.getByText(`Invitasjonen er sendt til ${NINA}.`).waitFor();
    await staffRow('Nina Ny').waitFor();
    const row = await staffRow('Nina Ny').innerText();
    expect(row).toContain('Invitert');
    expect(row).toContain('Saksbehandler');
    expect(row).toContain('av Arne Admin');
    expect(await accessibilityViolations(page)).toEqual([]);
    await signOut();
  });

  it("lets her choose a password with the e-mail's link and reach the work queue", async () => {
    await page.goto(await invitationPath(NINA));
    await heading('Velg passord').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Nytt passord').fill(NINA_PASSWORD);
    await page.getByLabel('Gjenta passordet').fill('noe annet');
    await page.getByRole('button', { name: 'Lagre passord og logg inn' }).click();
    await page.getByRole('link', { name: 'Passordene er ikke like' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Gjenta passordet').fill(NINA_PASSWORD);
    await page.getByRole('button', { name: 'Lagre passord og logg inn' }).click();
    await heading('Arbeidsliste').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await signOut();
  });

  it('lets the link work once', async () => {
    await page.goto(await invitationPath(NINA));
    await page.getByLabel('Nytt passord').fill(NINA_PASSWORD);
    await page.getByLabel('Gjenta passordet').fill(NINA_PASSWORD);
    await page.getByRole('button', { name: 'Lagre passord og logg inn' }).click();
    await page.getByText('Lenken er allerede brukt. Logg inn med passordet du valgte.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('adds the approver role', async () => {
    await page.goto('/logg-inn');
    await signIn(page, ADMIN);
    await heading('Utlysninger').waitFor();
    await page.goto('/admin/ansatte');
    await staffRow('Nina Ny').getByRole('link', { name: 'Nina Ny' }).click();
    await heading('Nina Ny').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('checkbox', { name: 'Godkjenner' }).check();
    await page.getByRole('button', { name: 'Lagre roller' }).click();
    await page.getByText('Rollene er lagret.').waitFor();
    await page.locator('.facts').getByText('Saksbehandler, Godkjenner').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('deactivates her after a confirmation', async () => {
    await page.getByRole('button', { name: 'Deaktiver' }).click();
    const confirm = page.getByRole('heading', { name: 'Vil du deaktivere Nina Ny?' });
    await confirm.waitFor();
    expect(await isFocused(confirm)).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ja, deaktiver' }).click();
    await page.getByText('Nina Ny er deaktivert og kan ikke logge inn.').first().waitFor();
    await page.getByRole('button', { name: 'Aktiver igjen' }).waitFor();
    expect(await page.locator('.facts').innerText()).toContain('Deaktivert');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Tilbake til ansatte' }).click();
    await heading('Ansatte').waitFor();
    await staffRow('Nina Ny').filter({ hasText: 'Deaktivert' }).waitFor();
    await signOut();
  });

  it('no longer lets her sign in', async () => {
    await signInAs(NINA, NINA_PASSWORD);
    await page.getByRole('link', { name: 'E-postadressen eller passordet er feil' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('opens the queue dashboard for an administrator', async () => {
    // A fresh tab, with nothing left of the refused sign-in before.
    await page.close();
    page = await b.newPage();
    await page.goto('/logg-inn');
    await signIn(page, ADMIN);
    await heading('Utlysninger').waitFor();
    await page.goto('/admin/ansatte');
    await heading('Ansatte').waitFor();
    await page.getByRole('button', { name: 'Åpne køoversikten' }).click();
    await page.waitForURL('**/api/v1/admin/queues/**');
    const response = await page.reload();
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain('Grant engine queues');
  });

  it('sends a new invitation to someone who has not chosen a password', async () => {
    await page.goto('/admin/ansatte');
    await heading('Ansatte').waitFor();
    await page.getByLabel('Fullt navn').fill('Per Purring');
    await page.getByLabel('E-postadresse').fill('per.purring@trondelag.example');
    await page.getByRole('checkbox', { name: 'Økonomi' }).check();
    await page.getByRole('button', { name: 'Send invitasjon' }).click();
    await page.getByText('Invitasjonen er sendt til per.purring@trondelag.example.').waitFor();
    const first = await invitationPath('per.purring@trondelag.example');
    await staffRow('Per Purring').getByRole('link', { name: 'Per Purring' }).click();
    await heading('Per Purring').waitFor();
    await page.getByText('Per Purring har ikke valgt passord ennå.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Send ny invitasjon' }).click();
    await page
      .getByText('En ny invitasjon er sendt til per.purring@trondelag.example.', { exact: false })
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await invitationPath('per.purring@trondelag.example')).not.toBe(first);
  });
});
