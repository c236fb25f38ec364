import type { Page } from 'playwright-core';
import { accessibilityViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';
import { act, APPROVER, draft, expectOk, KARI, newClock, OFFICER } from '../support/bio';

const GROUNDS = 'Opplæringen er påkrevd etter nye sertifiseringskrav.';

/**
 * Klage in the browser: the applicant appeals a rejection from the case page (an empty appeal is
 * stopped with a summary), the case officer proposes to send it to the appeals board, and the
 * approver sees the proposal to decide.
 */
describe('appealing a decision (klage) in the browser', () => {
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
    await page.evaluate('localStorage.clear()');
  };

  it('is lodged by the applicant and prepared by the county', async () => {
    const { id, reference } = await draft(b.t);
    await expectOk(act(b.t, KARI, id, 'submit'));
    await expectOk(act(b.t, OFFICER, id, 'assign'));
    await expectOk(act(b.t, OFFICER, id, 'recommend-rejection', { grounds: 'Ordinær opplæring.' }));
    await expectOk(act(b.t, APPROVER, id, 'decide-rejection', { grounds: 'Ordinær opplæring.' }));

    await page.goto(`/soknader/${reference}`);
    await signIn(page, KARI);
    const panel = page.getByRole('region', { name: 'Klage på vedtaket' });
    await panel.getByRole('button', { name: 'Klag på vedtaket' }).click();
    await panel.getByRole('button', { name: 'Send klagen' }).click();
    // The summary names what is wrong and takes focus, so it is read out at once.
    const summary = panel.getByRole('group', { name: 'Klagen ble ikke sendt' });
    await summary.waitFor();
    expect(await summary.evaluate((element) => element.contains(element.ownerDocument.activeElement))).toBe(
      true,
    );
    await axe();
    await panel.getByLabel('Hva ønsker dere endret, og hvorfor?').fill(GROUNDS);
    await panel.getByRole('button', { name: 'Send klagen' }).click();
    await panel.getByText('Vi mottok klagen', { exact: false }).waitFor();
    await axe();
    await signOut();

    await page.goto(`/saksbehandling/saker/${reference}`);
    await signIn(page, OFFICER);
    const appeal = page.getByRole('region', { name: 'Klage', exact: true });
    await appeal.getByText(GROUNDS).waitFor();
    await axe();
    await appeal
      .getByLabel('Fylkeskommunens vurdering til klagenemnda')
      .fill('Klagen bringer ikke fram noe nytt.');
    await appeal.getByRole('button', { name: 'Foreslå oversendelse' }).click();
    await appeal.getByText('Et forslag i klagesaken venter på en godkjenner.').waitFor();
    await signOut();

    await page.goto(`/saksbehandling/saker/${reference}`);
    await signIn(page, APPROVER);
    await page.getByRole('button', { name: 'Send klagen til klagenemnda' }).waitFor();
    await axe();
  });
});
