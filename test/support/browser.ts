import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/seed/demo-data';
import { startTestApp, type TestApp, type TestAppOptions } from './test-app';

/** Debian's Chromium (`apt-get install chromium`); Playwright downloads no browser here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserApp {
  t: TestApp;
  /** http://127.0.0.1:<port> of the running app (web app at /, API under /api). */
  baseUrl: string;
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** The whole service on a random port, and headless Chromium with a fresh profile pointed at it. */
export async function startBrowserApp(options: TestAppOptions = {}): Promise<BrowserApp> {
  const t = await startTestApp(options);
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    baseURL: baseUrl,
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    // Dialogs and disclosures open without their fade and slide (Designsystemet honours the
    // setting), so a walk waits for no animation before reading or checking a page.
    reducedMotion: 'reduce',
  });
  // A step that cannot happen fails within the test's own 30 s, with Playwright's reason.
  context.setDefaultTimeout(10_000);
  return {
    t,
    baseUrl,
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      await t.close();
    },
  };
}

/** Text as the web app prints numbers and dates: its spaces are no-break spaces. */
export const nbsp = (text: string) => text.replace(/ /g, '\u00a0');

/** Kroner as the web app prints them: `kr('12 345,67')` is "kr 12 345,67" with no-break spaces. */
export const kr = (amount: string) => `kr\u00a0${nbsp(amount)}`;

/** Axe with the WCAG 2.1 A and AA rules: the violations, for `expect(…).toEqual([])`. */
export async function accessibilityViolations(page: Page) {
  // A dialog or panel fading in has a contrast it never keeps: check what the user ends up seeing
  // (spinners, which never end, are not waited for).
  await page.evaluate(
    `Promise.all(document.getAnimations()
       .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
       .map((a) => a.finished.catch(() => undefined))).then(() => undefined)`,
  );
  // Only violations are read: axe then skips collecting every passing node, and the legacy run
  // (`axe.run` in the page, our pages have no frames) needs no blank page to merge frame results in.
  // Together they halve the time of a check, which is most of a browser walk's time. `options`
  // replaces the whole option object, so it comes before `withTags`.
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode(true)
    .analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/**
 * Signs in on the sign-in page the browser is on (sent there by a guarded page, or opened with
 * `page.goto('/logg-inn')`), as a demo user with the demo password.
 */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
}
