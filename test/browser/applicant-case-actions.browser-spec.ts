import type { Locator, Page } from 'playwright-core';
import { DAY_MS } from '@lib/common';
import { DEMO_PASSWORD } from '../../src/seed/demo-data';
import { accessibilityViolations, type BrowserApp, nbsp, startBrowserApp } from '../support/browser';
import {
  act,
  APPROVER,
  draft,
  expectOk,
  bioCallWithAdvance,
  bookPaymentsDue,
  KARI,
  newClock,
  OFFICER,
  recommended,
} from '../support/bio';

const BIO_CALL = 'Bedriftsintern opplæring (BIO) 2026 – Trøndelag';
const GROUNDS = 'Opplæringen styrker omstillingen bedriften har startet.';
const CONDITIONS = ['Sluttrapporten sendes innen fristen', 'Kostnadene dokumenteres med faktura'];

/** Each test drives a whole case and runs axe on every state: more than the default on a busy machine. */
const SLOW = 90_000;

const isFocused = (locator: Locator) =>
  locator.evaluate((element) => element === element.ownerDocument.activeElement);
const focusInside = (locator: Locator) =>
  locator.evaluate((element) => element.contains(element.ownerDocument.activeElement));

/** Waits (a bounded while) until the application's outbox messages have gone to the queue. */
async function dispatched(b: BrowserApp, applicationId: string) {
  const pending = async () =>
    (
      await b.t.dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM outbox_message WHERE application_id = $1 AND dispatched_at IS NULL`,
        [applicationId],
      )
    )[0].n;
  for (let i = 0; i < 100 && (await pending()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
  expect(await pending()).toBe(0);
}

/** Presses Tab until the element has focus (at most `limit` times); fails when it never gets it. */
async function tabTo(page: Page, target: Locator, limit = 40) {
  for (let i = 0; i < limit && !(await isFocused(target)); i++) await page.keyboard.press('Tab');
  expect(await isFocused(target)).toBe(true);
}

describe('applicant acts on a case: answers, accepts or declines, and reads the decision', () => {
  let b: BrowserApp;
  let page: Page;
  const clock = newClock();

  beforeAll(async () => {
    // Inside the seeded Trøndelag BIO 2026 call's window; no deadline sweep while the tests move the clock.
    b = await startBrowserApp({ clock, env: { SWEEP_INTERVAL_SECONDS: '86400' } });
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

  /** Signs Kari in and opens the case by its reference; returns the page's main region. */
  async function openCase(reference: string, call = BIO_CALL) {
    await page.goto(`/soknader/${reference}`);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await page.getByLabel('E-postadresse').fill(KARI);
    await page.getByLabel('Passord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: `${call} – sak ${reference}` }).waitFor();
    return page.locator('main');
  }

  /** A grant decided with grounds and conditions, waiting for Kari's answer. */
  async function granted(amount = 25_000_000, callId?: string) {
    const id = await recommended(b.t, amount, { callId });
    const decided = await expectOk(
      act(b.t, APPROVER, id, 'decide-grant', { grounds: GROUNDS, conditions: CONDITIONS }),
    );
    return {
      id,
      reference: decided.reference as string,
      acceptanceDueAt: (decided.case as { acceptanceDueAt: string }).acceptanceDueAt,
    };
  }

  it(
    'answers a request for more information with the keyboard alone',
    async () => {
      const { id, reference } = await draft(b.t);
      await expectOk(act(b.t, KARI, id, 'submit'));
      await expectOk(act(b.t, OFFICER, id, 'assign'));
      await expectOk(
        act(b.t, OFFICER, id, 'request-information', {
          message: 'Legg ved opplæringsplanen fra leverandøren.',
          dueAt: '2026-02-16T12:00:00+01:00',
        }),
      );

      await openCase(reference);
      const request = page.getByRole('region', { name: 'Fylkeskommunen ber om mer informasjon' });
      await request.waitFor();
      const text = await request.innerText();
      expect(text).toContain('Legg ved opplæringsplanen fra leverandøren.');
      expect(text).toMatch(/Svarfrist\s+16\. februar 2026/);
      expect(await accessibilityViolations(page)).toEqual([]);

      // Nothing written: the summary names the field and takes focus; its link leads to the field.
      const answer = request.getByRole('textbox', { name: 'Svaret ditt' });
      const send = request.getByRole('button', { name: 'Send svaret' });
      await tabTo(page, send);
      await page.keyboard.press('Space');
      const summary = request.getByRole('group', { name: 'For å sende svaret må du rette opp dette:' });
      await summary.waitFor();
      expect(await focusInside(summary)).toBe(true);
      expect(await answer.getAttribute('aria-invalid')).toBe('true');
      expect(await accessibilityViolations(page)).toEqual([]);
      await tabTo(page, summary.getByRole('link', { name: 'Skriv svaret ditt før du sender det' }), 3);
      await page.keyboard.press('Enter');
      expect(await isFocused(answer)).toBe(true);

      await page.keyboard.type('Opplæringsplanen er lastet opp som vedlegg 3.');
      await tabTo(page, send, 5);
      await page.keyboard.press('Enter');

      const sent = page.getByText('Svaret ditt er sendt. Fylkeskommunen behandler saken videre.');
      await sent.waitFor();
      expect(await isFocused(sent)).toBe(true);
      await request.waitFor({ state: 'detached' });
      const timeline = page.getByRole('region', { name: 'Hva har skjedd i saken' });
      await timeline.getByText('Søkeren svarte på spørsmålene').waitFor();
      expect(await page.locator('main').innerText()).toContain(
        'Ingenting nå: fylkeskommunen behandler saken',
      );
      expect(await accessibilityViolations(page)).toEqual([]);

      const detail = await b.t
        .http()
        .get(`/api/v1/applications/${id}`)
        .set('authorization', await b.t.bearer(OFFICER));
      expect(detail.body.state).toBe('assessment.in_review');
    },
    SLOW,
  );

  it(
    'accepts a grant, then sees the payment plan with what finance has paid',
    async () => {
      // A call that pays 40 % once the grant is accepted, the rest on the final report.
      const { reference, acceptanceDueAt } = await granted(25_000_000, await bioCallWithAdvance(b.t, 4_000));
      const main = await openCase(reference, 'BIO 2026 med forskudd 40 %');

      const decision = page.getByRole('region', { name: 'Vedtak', exact: true });
      await decision.waitFor();
      const decisionText = await decision.innerText();
      expect(decisionText).toContain('Innvilget 2. februar 2026');
      expect(decisionText).toContain(nbsp('kr 250 000'));
      expect(decisionText).toContain('Begrunnelse for vedtaket');
      expect(decisionText).toContain(GROUNDS);
      expect(await decision.getByRole('listitem').allInnerTexts()).toEqual(CONDITIONS);

      const acceptance = page.getByRole('region', { name: 'Takk ja eller nei til tilskuddet' });
      const acceptanceText = await acceptance.innerText();
      // 21 days from the decision, in Oslo.
      expect(new Date(acceptanceDueAt).toISOString()).toBe('2026-02-23T08:00:00.000Z');
      expect(acceptanceText).toMatch(/Frist for å takke ja\s+23\. februar 2026/);
      expect(acceptanceText).toContain(nbsp('kr 250 000'));
      // The grant letter (tilsagnsbrev) is on the case; its PDF downloads with the session.
      const letters = page.getByRole('region', { name: 'Vedtaksbrev' });
      await letters.waitFor();
      expect(await letters.getByRole('listitem').innerText()).toContain('Tilsagnsbrev, 2. februar 2026');
      const pdf = await page.request.get(
        (await letters.getByRole('link', { name: 'Last ned PDF' }).getAttribute('href')) ?? '',
      );
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect(await accessibilityViolations(page)).toEqual([]);

      // Before accepting, the plan shows nothing paid.
      const payments = page.getByRole('region', { name: 'Utbetaling av tilskuddet' });
      expect(await payments.getByText('Ingenting er utbetalt ennå.').count()).toBe(1);

      await acceptance.getByRole('button', { name: 'Takk ja til tilskuddet' }).click();
      const accepted = page.getByText('Du har takket ja til tilskuddet.', { exact: false });
      await accepted.waitFor();
      expect(await isFocused(accepted)).toBe(true);
      await acceptance.waitFor({ state: 'detached' });
      await page
        .getByRole('region', { name: 'Hva har skjedd i saken' })
        .getByText('Tilskuddet ble akseptert')
        .waitFor();
      expect(await main.innerText()).toContain('Send sluttrapporten');
      expect(await accessibilityViolations(page)).toEqual([]);

      // Finance pays the advance the plan says is due; the applicant sees it against the plan.
      expect(await bookPaymentsDue(b.t, reference)).toBe(10_000_000);

      await page.reload();
      const table = payments.getByRole('table', { name: 'Utbetaling av tilskuddet' });
      await table.waitFor();
      expect(await table.getByRole('columnheader').allInnerTexts()).toEqual([
        'Utbetaling',
        'Beløp',
        'Når',
        'Utbetalt',
      ]);
      const rows = table.getByRole('row');
      expect(await rows.count()).toBe(4); // the header, the advance, the final payment and the sum
      expect(await rows.nth(1).getByRole('cell').allInnerTexts()).toEqual([
        nbsp('kr 100 000'),
        'Når du har takket ja',
        nbsp('kr 100 000'),
      ]);
      expect(await rows.nth(2).getByRole('cell').allInnerTexts()).toEqual([
        nbsp('kr 150 000'),
        'Når sluttrapporten er godkjent',
        nbsp('kr 0'),
      ]);
      expect(await rows.nth(2).getByRole('rowheader').innerText()).toBe('Sluttutbetaling');
      const history = await payments.getByRole('listitem').allInnerTexts();
      expect(history).toHaveLength(1);
      expect(history[0]).toMatch(
        new RegExp(`^${nbsp('kr 100 000')} utbetalt \\d{1,2}\\. \\p{L}+ \\d{4}$`, 'u'),
      );
      const text = await main.innerText();
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(text).not.toMatch(/final_report|acceptance|ACCEPT|T\d{2}:\d{2}/);
      expect(await accessibilityViolations(page)).toEqual([]);
    },
    SLOW,
  );

  it(
    'declines a grant after confirming, with a reason',
    async () => {
      const { id, reference } = await granted(10_000_000);
      await openCase(reference);
      const acceptance = page.getByRole('region', { name: 'Takk ja eller nei til tilskuddet' });
      await acceptance.getByRole('button', { name: 'Takk nei til tilskuddet' }).click();

      // The confirmation step: what it means, an optional reason, and a way back.
      const confirm = acceptance.getByRole('form', { name: 'Vil du takke nei til tilskuddet?' });
      await confirm.waitFor();
      expect(
        await isFocused(confirm.getByRole('heading', { name: 'Vil du takke nei til tilskuddet?' })),
      ).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);
      await confirm.getByRole('button', { name: 'Avbryt' }).click();
      await confirm.waitFor({ state: 'detached' });
      expect(await isFocused(acceptance.getByRole('button', { name: 'Takk nei til tilskuddet' }))).toBe(true);

      await acceptance.getByRole('button', { name: 'Takk nei til tilskuddet' }).click();
      await confirm.getByRole('textbox', { name: 'Hvorfor takker du nei?' }).fill('Prosjektet er utsatt');
      await confirm.getByRole('button', { name: 'Ja, takk nei til tilskuddet' }).click();

      const declined = page.getByText('Du har takket nei til tilskuddet. Saken er avsluttet.');
      await declined.waitFor();
      expect(await isFocused(declined)).toBe(true);
      await acceptance.waitFor({ state: 'detached' });
      expect(await page.locator('main').innerText()).toContain('Trukket');
      // A declined grant is not paid: no payment plan, but the decision is still there to read.
      expect(await page.getByRole('region', { name: 'Utbetaling av tilskuddet' }).count()).toBe(0);
      expect(await page.getByRole('region', { name: 'Vedtak', exact: true }).innerText()).toContain(GROUNDS);
      expect(await accessibilityViolations(page)).toEqual([]);

      const history = await b.t
        .http()
        .get(`/api/v1/applications/${id}/history`)
        .set('authorization', await b.t.bearer(OFFICER));
      // The decline, then the money it released.
      const [decline, release] = (history.body as Array<{ event: string; payload: object }>).slice(-2);
      expect(decline).toMatchObject({ event: 'DECLINE_GRANT', payload: { reason: 'Prosjektet er utsatt' } });
      expect(release).toMatchObject({ event: 'FUNDS_RELEASED' });
    },
    SLOW,
  );

  it(
    'says in words that the case has changed when it was accepted elsewhere meanwhile',
    async () => {
      const { id, reference } = await granted(10_000_000);
      await openCase(reference);
      const acceptance = page.getByRole('region', { name: 'Takk ja eller nei til tilskuddet' });
      const accept = acceptance.getByRole('button', { name: 'Takk ja til tilskuddet' });
      await accept.waitFor();
      // Another tab (here: the API) accepts first; this page still offers the button.
      await expectOk(act(b.t, KARI, id, 'accept'));
      await accept.click();

      const changed = page.getByText('Saken er endret siden du åpnet den', { exact: false });
      await changed.waitFor();
      expect(await isFocused(changed)).toBe(true);
      // The case was read again: nothing left to accept.
      await acceptance.waitFor({ state: 'detached' });
      expect(await page.locator('main').innerText()).toContain('Send sluttrapporten');
      expect(await accessibilityViolations(page)).toEqual([]);
    },
    SLOW,
  );

  it(
    'shows the grounds of a rejection',
    async () => {
      const { id, reference } = await draft(b.t);
      await expectOk(act(b.t, KARI, id, 'submit'));
      await expectOk(act(b.t, OFFICER, id, 'assign'));
      await expectOk(
        act(b.t, OFFICER, id, 'recommend-rejection', { grounds: 'Internt: ikke støtteberettiget' }),
      );
      await expectOk(
        act(b.t, APPROVER, id, 'decide-rejection', {
          grounds: 'Opplæringen er pålagt etter lov og gir ikke rett til tilskudd.',
        }),
      );

      const main = await openCase(reference);
      const decision = page.getByRole('region', { name: 'Vedtak', exact: true });
      await decision.waitFor();
      const text = await decision.innerText();
      expect(text).toContain('Avslått 2. februar 2026');
      expect(text).toMatch(
        /Begrunnelse for avslaget\s+Opplæringen er pålagt etter lov og gir ikke rett til tilskudd\./,
      );
      expect(await main.innerText()).not.toContain('Internt');
      expect(await page.getByRole('region', { name: 'Utbetaling av tilskuddet' }).count()).toBe(0);
      expect(await page.getByRole('button').filter({ hasText: 'Takk ja' }).count()).toBe(0);
      expect(await accessibilityViolations(page)).toEqual([]);

      // The same in English (and back, for the tests after this one).
      await page.getByRole('button', { name: 'Change language to English' }).click();
      const inEnglish = page.getByRole('region', { name: 'Decision', exact: true });
      await inEnglish.waitFor();
      expect(await inEnglish.innerText()).toMatch(
        /Rejected on 2 February 2026[\s\S]*Grounds for the rejection\s+Opplæringen er pålagt etter lov/,
      );
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Bytt språk til norsk' }).click();
      await decision.waitFor();
    },
    SLOW,
  );

  // Last: it moves the clock past the acceptance deadline.
  it(
    'does not offer to accept once the acceptance deadline has passed',
    async () => {
      const { id, reference, acceptanceDueAt } = await granted(10_000_000);
      // The acceptance deadline's timer is set (by the clock of the decision) before the clock moves on:
      // the case stays waiting for an answer it can no longer get, until the deadline sweep lapses it.
      await dispatched(b, id);
      clock.set(new Date(new Date(acceptanceDueAt).getTime() + DAY_MS / 24));

      await openCase(reference);
      const acceptance = page.getByRole('region', { name: 'Takk ja eller nei til tilskuddet' });
      await acceptance
        .getByText('Fristen for å takke ja gikk ut 23. februar 2026.', { exact: false })
        .waitFor();
      expect(await page.getByRole('button', { name: 'Takk ja til tilskuddet' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Takk nei til tilskuddet' }).count()).toBe(0);
      // The decision itself is still there to read.
      expect(await page.getByRole('region', { name: 'Vedtak', exact: true }).innerText()).toContain(GROUNDS);
      expect(await accessibilityViolations(page)).toEqual([]);
    },
    SLOW,
  );
});
