import { ManualClock, nok } from '@lib/common';
import type { Page } from 'playwright-core';
import { newJobbsjansenApplication } from '../../src/schemes/jobbsjansen/jobbsjansen-testing';
import { DEMO_ORGANISATIONS, DEMO_STAFF } from '../../src/seed/demo-data';
import { act, expectOk } from '../support/bio';
import { accessibilityViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';

const TOVE = DEMO_ORGANISATIONS[2].user.email; // Trondheim kommune
const [OFFICER, APPROVER] = DEMO_STAFF.map((s) => s.email);

/**
 * A Jobbsjansen yearly report (årsrapport) in the browser: the applicant sees that the second
 * instalment waits for it, fills it in on the case page and sends it; the case officer reads it on
 * the county's case page and approves it.
 */
describe('interim reports in the browser', () => {
  let b: BrowserApp;
  let page: Page;
  let reference: string;

  beforeAll(async () => {
    b = await startBrowserApp({ clock: new ManualClock(new Date('2026-08-03T09:00:00+02:00')) });
    const [row] = await b.t.dataSource.query<Array<{ call_id: string; organisation_id: string }>>(
      `SELECT c.id AS call_id, o.id AS organisation_id FROM funding_call c, organisation o
        WHERE c.scheme_id = 'jobbsjansen' AND o.organisation_number = $1
          AND c.county_id = (SELECT id FROM county WHERE code = '50')`,
      [DEMO_ORGANISATIONS[2].organisationNumber],
    );
    const created = await b.t
      .http()
      .post('/api/v1/applications')
      .set('authorization', await b.t.bearer(TOVE))
      .send({
        callId: row.call_id,
        organisationId: row.organisation_id,
        content: JSON.parse(JSON.stringify(newJobbsjansenApplication())) as object,
      });
    if (created.status !== 201) throw new Error(`draft: ${created.text}`);
    const id = (created.body as { id: string }).id;
    reference = (created.body as { reference: string }).reference;
    for (const [as, step, body] of [
      [TOVE, 'submit', {}],
      [OFFICER, 'assign', {}],
      [OFFICER, 'recommend-grant', { amount: nok(400_000), notes: 'God plan' }],
      [APPROVER, 'decide-grant', {}],
      [TOVE, 'accept', {}],
    ] as const) {
      await expectOk(act(b.t, as, id, step, body));
    }
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

  it('lets the applicant send the yearly report, and the case officer approve it', async () => {
    await page.goto('/logg-inn');
    await signIn(page, TOVE);
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Logg inn' }).waitFor();
    await page.goto(`/soknader/${reference}`);
    const section = page.getByRole('region', { name: 'Årsrapport', exact: true });
    await section.getByText('Ikke påbegynt.', { exact: false }).waitFor();
    await page.getByText('Venter på godkjent årsrapport', { exact: false }).waitFor();
    await axe();

    await section.getByLabel('Aktiviteter i året').fill('To klasser fra august; leksehjelp to dager i uka.');
    await section.getByLabel('Timer med opplæring').fill('1140');
    await section.getByLabel('Framdrift').fill('Etter planen.');
    await section.getByLabel('Antall deltakere').fill('18');
    await section.getByLabel('Antall som har fullført').fill('4');
    await section.getByLabel('Antall som har avbrutt').fill('2');
    await section.getByRole('button', { name: 'Send årsrapport' }).click();
    await section.getByText('Rapporten er sendt.', { exact: false }).waitFor();
    await section.getByText('Sendt, venter på saksbehandleren.', { exact: false }).waitFor();
    await axe();

    await b.context.clearCookies();
    await page.goto('/logg-inn');
    await signIn(page, OFFICER);
    await page.getByRole('heading', { level: 1, name: 'Arbeidsliste' }).waitFor();
    await page.goto(`/saksbehandling/saker/${reference}`);
    const review = page.getByRole('region', { name: 'Årsrapport', exact: true });
    await review.getByText('To klasser fra august', { exact: false }).waitFor();
    await axe();
    await review.getByRole('button', { name: 'Godkjenn årsrapport' }).click();
    await review.getByText('Rapporten er godkjent.').waitFor();
    await review.getByText(/^Frist: 13\. februar 2027\. Godkjent\./).waitFor();
    await axe();
  });
});
