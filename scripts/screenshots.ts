// `npm run screenshots`: the README's pictures of the portal (applicants' and county staff's pages), taken in headless Chromium
// against the whole service on a fresh database with the demo data, at a fixed date inside the seeded
// Trøndelag BIO 2026 call so that the pictures come out the same each time.
import 'tsconfig-paths/register';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/seed/demo-data';
import {
  acceptedGrant,
  act,
  ADMIN,
  APPROVER,
  bioCallWithAdvance,
  bioContent,
  bookPaymentsDue,
  draft,
  expectOk,
  FINANCE,
  ids,
  KARI,
  newClock,
  OFFICER,
  OLA,
} from '../test/support/bio';
import { startBrowserApp } from '../test/support/browser';
import browserGlobalSetup from '../test/support/browser-global-setup';
import globalTeardown from '../test/support/global-teardown';

const OUT = join(__dirname, '..', 'docs', 'screenshots');

async function shoot(page: Page, name: string): Promise<void> {
  // Wait for fonts and the last request, so a picture never shows a loading state.
  await page.waitForLoadState('networkidle');
  await page.evaluate('document.fonts.ready');
  const file = join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  process.stdout.write(`  ${file}\n`);
}

async function signIn(page: Page, email: string, landing: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto('/logg-inn');
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByRole('heading', { level: 1, name: landing }).waitFor();
}

/** One API call as a demo user, for the cases the pictures show. */
async function api(
  b: Awaited<ReturnType<typeof startBrowserApp>>,
  email: string,
  method: 'post' | 'put',
  path: string,
  body: object = {},
) {
  const http = b.t.http();
  const req = method === 'post' ? http.post(`/api/v1${path}`) : http.put(`/api/v1${path}`);
  return req.set('authorization', await b.t.bearer(email)).send(body);
}

/** The body of a 2xx answer; anything else stops the run with the answer's text. */
async function done(response: ReturnType<typeof api>): Promise<Record<string, unknown>> {
  const res = await response;
  if (res.status >= 300) throw new Error(`expected 2xx, got ${res.status}: ${res.text}`);
  return res.body as Record<string, unknown>;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await browserGlobalSetup();
  const b = await startBrowserApp({ clock: newClock() });
  try {
    // A case with a history: Fjordverk applied, a case officer recommended, the approver granted.
    const { callId, fjordverk, innherred } = await ids(b.t);
    const granted = await draft(b.t, { organisationId: fjordverk });
    await expectOk(act(b.t, KARI, granted.id, 'submit'));
    await expectOk(act(b.t, OFFICER, granted.id, 'assign'));
    await expectOk(
      act(b.t, OFFICER, granted.id, 'recommend-grant', {
        amount: 25_000_000,
        notes: 'Opplæringen svarer på omstillingsbehovet, og kostnadene er i tråd med utlysningen.',
      }),
    );
    await expectOk(
      act(b.t, APPROVER, granted.id, 'decide-grant', {
        grounds: 'Opplæringen svarer på omstillingsbehovet, og kostnadene er i tråd med utlysningen.',
        conditions: ['Sluttrapport med regnskap sendes innen to måneder etter prosjektslutt.'],
      }),
    );
    // A draft half filled in by Innherred, and a case waiting in the county's queue.
    const { restructuringNeed, trainingPlan } = bioContent();
    const halfDone = await draft(b.t, {
      email: OLA,
      organisationId: innherred,
      content: { restructuringNeed, trainingPlan },
    });
    const waiting = await draft(b.t, { email: OLA, organisationId: innherred });
    await expectOk(act(b.t, OLA, waiting.id, 'submit'));
    // An accepted grant under a call that pays 40 % on acceptance: its advance is due.
    const advanceCall = await bioCallWithAdvance(b.t, 4_000);
    await acceptedGrant(b.t, { callId: advanceCall, amount: 30_000_000 });
    // A grant whose advance is paid, with a part payout request waiting for the case officer.
    const requesting = await acceptedGrant(b.t, { callId: advanceCall, amount: 25_000_000 });
    await bookPaymentsDue(b.t, requesting.reference);
    await done(
      api(b, KARI, 'post', `/applications/${requesting.id}/payout-requests`, {
        amount: 4_000_000,
        accountNumber: '8601 11 17947',
        statusReport: 'Fire av seks moduler er holdt, med ti deltakere.',
        costs: [{ line: '0', accumulatedOre: 18_000_000 }],
        managerName: 'Kari Nordmann',
        accountant: null,
      }),
    );
    await done(api(b, KARI, 'post', `/applications/${requesting.id}/payout-requests/1/send`));
    // An overpaid grant: the advance exceeded the final costs, so a repayment claim is open.
    const overpaid = await acceptedGrant(b.t, { callId: advanceCall, amount: 25_000_000 });
    await bookPaymentsDue(b.t, overpaid.reference);
    await expectOk(
      act(b.t, KARI, overpaid.id, 'report', {
        report: {
          summary: 'Kurset ble kortere enn planlagt.',
          participantsCompleted: 4,
          actualCosts: [{ category: 'provider_fees', amountOre: 16_000_000 }],
        },
      }),
    );
    await expectOk(act(b.t, OFFICER, overpaid.id, 'approve-report', { finalPayableAmount: 8_000_000 }));
    // Two advances in an approved payment run.
    const runGrants = [
      await acceptedGrant(b.t, { callId: advanceCall, amount: 12_345_675 }),
      await acceptedGrant(b.t, { callId: advanceCall, amount: 20_000_000 }),
    ];
    for (const grant of runGrants) {
      const rows = await b.t.dataSource.query<Array<{ id: string }>>(
        `SELECT organisation_id AS id FROM application WHERE id = $1`,
        [grant.id],
      );
      await done(
        api(b, KARI, 'put', `/organisations/${rows[0]?.id}/payout-account`, {
          accountNumber: '86011117947',
        }),
      );
    }
    const run = (await done(
      api(b, FINANCE, 'post', '/payments/runs', {
        requestedExecutionDate: '2026-02-10',
        items: runGrants.map((g, i) => ({
          caseReference: g.reference,
          instalment: 1,
          amount: i === 0 ? 4_938_270 : 8_000_000,
        })),
      }),
    )) as { id: string };
    await done(api(b, FINANCE, 'post', `/payments/runs/${run.id}/approve`));

    const page = await b.newPage();
    await page.setViewportSize({ width: 1200, height: 800 });
    // Charts drawn at once, not caught halfway through their animation.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await shoot(page, 'open-calls');
    await page.goto('/offentlig-journal');
    await page.getByRole('heading', { level: 1, name: 'Offentlig journal' }).waitFor();
    await shoot(page, 'public-journal');

    await signIn(page, KARI, 'Mine søknader');
    await shoot(page, 'my-applications');

    await page.goto(`/utlysninger/${callId}/sok`);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await shoot(page, 'eligibility-check');

    await page.goto(`/soknader/${granted.reference}`);
    await page.getByText('Det ble fattet vedtak om tilskudd').waitFor();
    await shoot(page, 'case-page');

    await page.goto('/organisasjon');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await shoot(page, 'organisation');

    await signIn(page, OLA, 'Mine søknader');
    await page.goto(`/soknader/${halfDone.reference}/skjema`);
    await page.getByRole('heading', { level: 2, name: /^Steg 1 av/ }).waitFor();
    await shoot(page, 'application-form');

    // The county's side: the case officer's work queue and a case as the approver sees it.
    await signIn(page, OFFICER, 'Arbeidsliste');
    await page.getByRole('link', { name: waiting.reference }).waitFor();
    await shoot(page, 'work-queue');
    await page.goto(`/saksbehandling/saker/${granted.reference}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('Vedtak om tilskudd', { exact: true }).first().waitFor();
    await shoot(page, 'staff-case-page');
    await page.goto(`/saksbehandling/saker/${requesting.reference}`);
    await page.getByRole('region', { name: 'Anmodninger om utbetaling' }).getByLabel('Beløp som godkjennes').waitFor();
    await shoot(page, 'payout-review');
    await page.goto('/journal');
    await page.getByRole('heading', { level: 1, name: 'Journal' }).waitFor();
    await page.getByRole('table').or(page.getByText('Ingen journalposter i dette utvalget.')).waitFor();
    await shoot(page, 'journal');

    // Finance: the frames, one frame with its charts, its ledger and what is due for payment.
    await signIn(page, FINANCE, 'Rammer');
    await page.getByRole('heading', { level: 2, name: 'Rammer 2026' }).waitFor();
    await shoot(page, 'finance-frames');
    await page.getByRole('row').filter({ hasText: 'BIO 2026' }).getByRole('link', { name: 'BIO 2026' }).click();
    await page.getByRole('img', { name: /^Linjediagram/ }).locator('svg').first().waitFor();
    await page.getByRole('img', { name: /^Stolpediagram/ }).locator('svg').first().waitFor();
    await shoot(page, 'frame-page');
    await page.getByRole('navigation', { name: 'Mer om rammen' }).getByRole('link', { name: 'Posteringer' }).click();
    await page.getByRole('table').waitFor();
    await shoot(page, 'frame-ledger');
    await page.goto('/okonomi/utbetalinger');
    await page.getByRole('button', { name: /^Utbetal/ }).first().waitFor();
    await shoot(page, 'payments-due');
    await page.goto(`/okonomi/utbetalinger/kjoringer/${run.id}`);
    await page.getByRole('table').waitFor();
    await shoot(page, 'payment-run');
    await page.goto('/okonomi/krav');
    await page.getByRole('table').waitFor();
    await shoot(page, 'repayment-claims');

    // Administrators: the calls, and a new call's form.
    await signIn(page, ADMIN, 'Utlysninger');
    await page.getByRole('table').waitFor();
    await shoot(page, 'admin-calls');
    await page.goto('/admin/ansatte');
    await page.getByRole('table').waitFor();
    await shoot(page, 'admin-staff');
  } finally {
    await b.close();
    await globalTeardown();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`screenshots failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
