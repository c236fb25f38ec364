// `npm run screenshots`: the README's pictures of the applicant portal, taken in headless Chromium
// against the whole service on a fresh database with the demo data, at a fixed date inside the seeded
// Trøndelag BIO 2026 call so that the pictures come out the same each time.
import 'tsconfig-paths/register';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/seed/demo-data';
import { act, draft, expectOk, ids, KARI, newClock, OFFICER, APPROVER } from '../test/support/bio';
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

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await browserGlobalSetup();
  const b = await startBrowserApp({ clock: newClock() });
  try {
    // A case with a history: Fjordverk applied, a case officer recommended, the approver granted.
    const { callId, fjordverk } = await ids(b.t);
    const granted = await draft(b.t, { organisationId: fjordverk });
    await expectOk(act(b.t, KARI, granted.id, 'submit'));
    await expectOk(act(b.t, OFFICER, granted.id, 'assign'));
    await expectOk(
      act(b.t, OFFICER, granted.id, 'recommend-grant', {
        amount: 25_000_000,
        notes: 'Opplæringen svarer på omstillingsbehovet, og kostnadene er i tråd med utlysningen.',
      }),
    );
    await expectOk(act(b.t, APPROVER, granted.id, 'decide-grant'));

    const page = await b.newPage();
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await shoot(page, 'open-calls');

    await page.goto('/logg-inn');
    await page.getByLabel('E-postadresse').fill(KARI);
    await page.getByLabel('Passord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine søknader' }).waitFor();
    await shoot(page, 'my-applications');

    await page.goto(`/utlysninger/${callId}/sok`);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await shoot(page, 'eligibility-check');

    await page.goto(`/soknader/${granted.reference}`);
    await page.getByText('Det ble fattet vedtak om tilskudd').waitFor();
    await shoot(page, 'case-page');
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
