import { ManualClock } from '@lib/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildTargetIfChanged, WEB } from '../../scripts/build-if-changed';
import { newBioApplication } from '../../src/schemes/bio/bio-testing';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_STAFF, seedDemoDataIfEmpty } from '../../src/seed/demo-data';
import { startBenchApp } from '../lib/app';
import type { SuiteContext } from '../lib/context';
import { HttpClient } from '../lib/http-client';
import { below } from '../lib/report';
import { summarise } from '../lib/stats';

const SECTION = '6';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Inside the seeded Trøndelag BIO 2026 call, as the browser tests use it. */
const NOW = new Date('2026-02-02T09:00:00+01:00');

/**
 * 6. Pages in the browser: the applicant's case page on the seeded demo data, in headless Chromium
 * against the whole service on a port, from navigation until the page shows its last piece (the
 * timeline's newest event and the payment plan). The baseline, measured in the same run and browser, is the sign-in page:
 * the same app shell and bundle with no data to fetch, so the difference is the case's own data.
 */
export async function runPages(ctx: SuiteContext): Promise<void> {
  const { scale, report, env, log } = ctx;
  await buildTargetIfChanged(join(__dirname, '..', '..'), WEB, log);
  const bench = await startBenchApp(env, {
    role: 'api',
    poolSize: 4,
    clock: new ManualClock(NOW),
    listen: true,
    env: { JWT_TTL_SECONDS: '7200' },
  });
  const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  let context: BrowserContext | null = null;
  try {
    await seedDemoDataIfEmpty(bench.dataSource.manager);
    const reference = await grantedCase(bench.baseUrl!, bench.dataSource);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      baseURL: bench.baseUrl!,
      locale: 'nb-NO',
      timezoneId: 'Europe/Oslo',
    });
    const page = await context.newPage();
    await signIn(page);

    const casePage = async () => {
      await page.goto(`/soknader/${reference}`);
      await page.getByText('Det ble fattet vedtak om tilskudd').waitFor();
      // The decision and the payment plan come with the case's detail, a request of their own.
      await page.getByRole('table', { name: 'Utbetaling av tilskuddet' }).waitFor();
    };
    const signInPage = async () => {
      await page.goto('/logg-inn');
      await page.getByRole('heading', { level: 1 }).waitFor();
    };
    // One untimed visit each warms the server's and the browser's caches, as a returning user has them.
    await casePage();
    await signInPage();
    const samples = { case: [] as number[], shell: [] as number[] };
    for (let i = 0; i < scale.pages.samples; i++) {
      samples.case.push(await timed(casePage));
      samples.shell.push(await timed(signInPage));
    }
    const measured = { case: summarise(samples.case), shell: summarise(samples.shell) };
    report.detail('pages.caseLatency', measured);
    log(`case page ${JSON.stringify(measured.case)}, sign-in page ${JSON.stringify(measured.shell)}`);
    report.add(
      SECTION,
      `case page rendered (facts, timeline, decision, payment plan), p50, ${scale.pages.samples} visits`,
      {
        ours: measured.case.p50,
        baseline: measured.shell.p50,
        unit: 'ms',
      },
    );
    report.add(
      SECTION,
      `case page rendered (facts, timeline, decision, payment plan), p95, ${scale.pages.samples} visits`,
      {
        ours: measured.case.p95,
        baseline: measured.shell.p95,
        unit: 'ms',
        note: 'baseline: the sign-in page (same app shell, no data)',
      },
      below(1000, 'ms'),
    );
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    await bench.close();
  }
}

async function timed(visit: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await visit();
  return performance.now() - start;
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/logg-inn');
  await page.getByLabel('E-postadresse').fill(DEMO_ORGANISATIONS[0].user.email);
  await page.getByLabel('Passord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mine søknader' }).waitFor();
}

/**
 * A BIO case of the demo applicant with a history of six steps by four roles (created, submitted,
 * assigned, recommended, decided, accepted), through the API as the people would do it.
 */
async function grantedCase(
  baseUrl: string,
  dataSource: { query: (sql: string) => Promise<Array<Record<string, string>>> },
): Promise<string> {
  const http = new HttpClient(baseUrl, 2);
  try {
    const [applicant, officer, approver] = [
      DEMO_ORGANISATIONS[0].user.email,
      DEMO_STAFF[0].email,
      DEMO_STAFF[1].email,
    ];
    const token = async (email: string) => ({ authorization: await http.login(email, DEMO_PASSWORD) });
    const [call] = await dataSource.query(
      `SELECT id FROM funding_call WHERE scheme_id = 'bio' AND year = 2026 ORDER BY created_at LIMIT 1`,
    );
    const [organisation] = await dataSource.query(
      `SELECT id FROM organisation WHERE organisation_number = '${DEMO_ORGANISATIONS[0].organisationNumber}'`,
    );
    const created = await http.send(
      'POST',
      '/api/v1/applications',
      { callId: call.id, organisationId: organisation.id, content: newBioApplication() },
      await token(applicant),
    );
    if (created.status !== 201) throw new Error(`draft: ${created.status} ${JSON.stringify(created.body)}`);
    const { id, reference } = created.body as { id: string; reference: string };
    const steps: Array<[string, string, object]> = [
      [applicant, 'submit', {}],
      [officer, 'assign', {}],
      [
        officer,
        'recommend-grant',
        { amount: 25_000_000, notes: 'Tiltaket oppfyller vilkårene i utlysningen.' },
      ],
      [approver, 'decide-grant', {}],
      [applicant, 'accept', {}],
    ];
    for (const [email, action, body] of steps) {
      const res = await http.send('POST', `/api/v1/applications/${id}/${action}`, body, await token(email));
      if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return reference;
  } finally {
    http.close();
  }
}
