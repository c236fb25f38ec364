import type { Page } from 'playwright-core';
import { accessibilityViolations, type BrowserApp, kr, signIn, startBrowserApp } from '../support/browser';
import {
  act,
  APPROVER,
  ADMIN,
  bioCallWithAdvance,
  draft,
  expectOk,
  FINANCE,
  KARI,
  newClock,
  OFFICER,
} from '../support/bio';
import { adminCreatesPreviewsAndPublishesCall, createFrame } from '../support/call-admin';

/**
 * One BIO case through the county's hands, each person in their own session: the case officer takes
 * it from the queue, asks for information and recommends; another person, the approver, decides with
 * the grounds prefilled; finance sees the commitment in the frame and books the advance the plan
 * allows; an administrator creates, previews and publishes next year's call.
 */
describe("the county's workspace, one case from queue to payment, and next year's call", () => {
  let b: BrowserApp;
  let page: Page;
  let id: string;
  let reference: string;
  let callTitle: string;

  beforeAll(async () => {
    b = await startBrowserApp({ clock: newClock() });
    // A call whose payment plan pays 40 % once the grant is accepted.
    const callId = await bioCallWithAdvance(b.t, 4_000);
    callTitle = 'BIO 2026 med forskudd 40 %';
    const created = await draft(b.t, { callId });
    id = created.id;
    reference = created.reference;
    await expectOk(act(b.t, KARI, id, 'submit'));
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

  const main = () => page.locator('main');
  const caseHeading = () => page.getByRole('heading', { level: 1, name: `${callTitle} – sak ${reference}` });

  it('lets the case officer take the new case from the queue, ask for information and recommend', async () => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Logg inn' }).first().click();
    await signIn(page, OFFICER);
    await page.getByRole('heading', { level: 1, name: 'Arbeidsliste' }).waitFor();
    await page.getByLabel('Tildeling').selectOption({ label: 'Ikke tildelt' });
    const row = page.getByRole('row').filter({ hasText: reference });
    await row.waitFor();
    const rowText = await row.innerText();
    expect(rowText).toContain('Sendt inn');
    expect(rowText).toMatch(/Org\.nr\. \d{3} \d{3} \d{3}/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await row.getByRole('link', { name: reference }).click();
    await caseHeading().waitFor();

    await page.getByRole('button', { name: 'Tildel saken til meg' }).click();
    await page.getByText('Under behandling', { exact: true }).waitFor();
    const request = page.getByRole('region', { name: 'Be søkeren om mer informasjon' });
    await request.getByLabel('Hva trenger du fra søkeren?').fill('Send oss opplæringsplanen fra NTNU.');
    // The answer date is prefilled in the call's business days; the officer keeps it.
    expect(await request.getByLabel('Svarfrist').inputValue()).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    await request.getByRole('button', { name: 'Send forespørselen' }).click();
    await page.getByText('Venter på svar fra søkeren', { exact: true }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Kari answers from her side; the case is back with the officer.
    await expectOk(act(b.t, KARI, id, 'answer-information', { message: 'Planen er lagt ved.' }));
    await page.reload();
    await page.getByText('Under behandling', { exact: true }).waitFor();
    const recommend = page.getByRole('region', { name: 'Innstill på tilskudd' });
    await recommend.getByLabel('Beløp', { exact: true }).fill('250 000');
    await recommend
      .getByLabel('Begrunnelse', { exact: true })
      .fill('Tydelig omstillingsbehov og en god plan.');
    await page.getByRole('button', { name: 'Send innstillingen' }).click();
    await page.getByText('Innstilt, venter på vedtak', { exact: true }).waitFor();
    expect(await main().innerText()).toContain(`Tilskudd på ${kr('250 000')}.`);
  });

  it('lets another person, the approver, decide with the grounds prefilled', async () => {
    await page.goto('/logg-inn');
    await signIn(page, APPROVER);
    await page.getByRole('heading', { level: 1, name: 'Arbeidsliste' }).waitFor();
    await page.getByLabel('Venter på min beslutning').check();
    const row = page.getByRole('row').filter({ hasText: reference });
    await row.getByRole('link', { name: reference }).click();
    await caseHeading().waitFor();
    const grounds = page.getByLabel('Begrunnelse for vedtaket');
    expect(await grounds.inputValue()).toBe('Tydelig omstillingsbehov og en god plan.');
    await page.getByRole('button', { name: 'Fatt vedtak om tilskudd' }).click();
    await page.getByText('Innvilget, venter på aksept', { exact: true }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // Kari accepts the grant.
    await expectOk(act(b.t, KARI, id, 'accept'));
  });

  it('lets finance see the commitment in the frame and its chart, and book the advance the plan allows', async () => {
    await page.goto('/logg-inn');
    await signIn(page, FINANCE);
    await page.getByRole('heading', { level: 1, name: 'Rammer' }).waitFor();
    const bio = page.getByRole('row').filter({ hasText: 'BIO 2026' });
    expect(await bio.getByRole('cell').nth(3).innerText()).toBe(kr('250 000'));
    await bio.getByRole('link', { name: 'BIO 2026' }).click();
    await page.getByRole('heading', { level: 1, name: 'BIO 2026: Bedriftsintern opplæring (BIO)' }).waitFor();
    const burnDown = page.getByRole('region', { name: 'Forbruk måned for måned' });
    await burnDown
      .getByRole('img', { name: /^Linjediagram: kr\s250\s000 av kr\s23\s300\s000 brukt/ })
      .waitFor();
    await burnDown.getByText('Vis tallene som tabell').click();
    const lastRow = burnDown.getByRole('table').getByRole('row').last();
    await lastRow.getByRole('cell').first().waitFor();
    expect((await lastRow.getByRole('cell').allInnerTexts())[0]).toBe(kr('250 000'));
    expect(await accessibilityViolations(page)).toEqual([]);

    await page
      .getByRole('navigation', { name: 'Mer om rammen' })
      .getByRole('link', { name: 'Til utbetaling' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Til utbetaling' }).waitFor();
    const due = page.getByRole('row').filter({ hasText: reference });
    expect(await due.innerText()).toContain('Forskudd – når tilskuddet er akseptert');
    await due.getByRole('button', { name: /^Utbetal/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Bekreft utbetaling' });
    await dialog.getByRole('button', { name: `Utbetal ${kr('100 000')}` }).click();
    await page
      .getByRole('status')
      .getByText(`${kr('100 000')} er utbetalt for ${reference} (Forskudd).`)
      .waitFor();
    await due.waitFor({ state: 'detached' });
    expect(await accessibilityViolations(page)).toEqual([]);

    // The applicant sees the payment on the case.
    const detail = await b.t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set('authorization', await b.t.bearer(KARI));
    expect(detail.body.paidAmount).toBe(10_000_000);
  });

  it("lets an administrator create, preview and publish next year's call", async () => {
    await createFrame(b.t, { schemeId: 'bio', year: 2027, name: 'BIO 2027', kroner: 20_000_000 });
    await page.goto('/logg-inn');
    await signIn(page, ADMIN);
    await page.getByRole('heading', { level: 1, name: 'Utlysninger' }).waitFor();
    await adminCreatesPreviewsAndPublishesCall(page, {
      scheme: 'Bedriftsintern opplæring (BIO)',
      title: 'Bedriftsintern opplæring (BIO) 2027 – Trøndelag',
      frame: 'BIO 2027 (kr 20 000 000)',
      opensOn: '04.01.2027',
      closesOn: '30.11.2027',
    });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Forvalte utlysninger' })
      .click();
    const listed = page
      .getByRole('row')
      .filter({ hasText: 'Bedriftsintern opplæring (BIO) 2027 – Trøndelag' });
    await listed.getByText('Publisert').waitFor();
  });
});
