import type { Page } from 'playwright-core';
import { accessibilityViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';
import { act, APPROVER, draft, expectOk, KARI, newClock, OFFICER, recommended } from '../support/bio';

const BIO_CALL = 'Bedriftsintern opplæring (BIO) 2026 – Trøndelag';

/** The text of the element that has focus. */
const focused = async (page: Page) =>
  String(await page.evaluate(`document.activeElement?.textContent ?? ''`));
const focusedId = async (page: Page) => String(await page.evaluate(`document.activeElement?.id ?? ''`));

/** Due dates typed as dd.mm.åååå on the county's case page, and a returned report's earlier version. */
describe("the county's case page: due dates and report versions", () => {
  let b: BrowserApp;
  let page: Page;
  const clock = newClock(); // Monday 2 February 2026

  beforeAll(async () => {
    b = await startBrowserApp({ clock });
  }, 120_000);

  afterAll(async () => {
    await b?.close();
  });

  beforeEach(async () => {
    clock.set('2026-02-02T09:00:00+01:00');
    await b.context.clearCookies();
    page = await b.newPage();
  });

  afterEach(async () => {
    await page.close();
  });

  const heading = (ref: string) => page.getByRole('heading', { level: 1, name: `${BIO_CALL} – sak ${ref}` });
  const main = () => page.locator('main');

  it('prefills the answer date ten business days ahead as dd.mm.åååå, skipping Easter, and refuses bad dates', async () => {
    const { id, reference } = await draft(b.t);
    await expectOk(act(b.t, KARI, id, 'submit'));
    await expectOk(act(b.t, OFFICER, id, 'assign'));
    // Wednesday 1 April 2026, the day before skjærtorsdag: ten business days skip skjærtorsdag,
    // langfredag, 2. påskedag and the weekends, so the date is Monday 20 April.
    clock.set('2026-04-01T10:00:00+02:00');

    await page.goto(`/saksbehandling/saker/${reference}`);
    await signIn(page, OFFICER);
    await heading(reference).waitFor();
    const request = page.getByRole('region', { name: 'Be søkeren om mer informasjon' });
    const due = request.getByLabel('Svarfrist');
    await due.waitFor();
    expect(await due.inputValue()).toBe('20.04.2026');
    expect(await due.getAttribute('type')).not.toBe('date');
    const help = await request.innerText();
    expect(help).toContain('Foreslått frist er 10 virkedager fra i dag, uten helger og helligdager.');
    expect(help).toContain('Skriv datoen som dd.mm.åååå.');
    expect(await accessibilityViolations(page)).toEqual([]);

    // No such day: the summary says so, takes focus, and its link leads to the field.
    await request.getByLabel('Hva trenger du fra søkeren?').fill('Send oss opplæringsplanen fra NTNU.');
    await due.fill('31.04.2026');
    await request.getByRole('button', { name: 'Send forespørselen' }).click();
    await page.getByRole('link', { name: /Svarfristen må være en dato som dd\.mm\.åååå/ }).waitFor();
    expect(await focused(page)).toContain(
      'Svarfristen må være en dato som dd.mm.åååå, for eksempel 16.02.2026',
    );
    expect(await due.getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: /Svarfristen må være en dato/ }).click();
    expect(await focusedId(page)).toBe('request-info-due');

    // Yesterday, by the service's date, not the browser's: refused before anything is sent.
    await due.fill('31.03.2026');
    await request.getByRole('button', { name: 'Send forespørselen' }).click();
    await page.getByRole('link', { name: 'Svarfristen kan ikke være før i dag' }).waitFor();
    expect(await focused(page)).toContain('Svarfristen kan ikke være før i dag');
    expect(await accessibilityViolations(page)).toEqual([]);
    const [{ state }] = await b.t.dataSource.query(`SELECT state FROM application WHERE id = $1`, [id]);
    expect(state).toBe('assessment.in_review');

    // Typed the short way; sent as the end of that day in Norway.
    await due.fill('21.4.2026');
    await request.getByRole('button', { name: 'Send forespørselen' }).click();
    await page.getByText('Venter på svar fra søkeren', { exact: true }).waitFor();
    expect(await main().innerText()).toContain('Svarfrist 21. april 2026');
    expect(await accessibilityViolations(page)).toEqual([]);
    const detail = await b.t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set('authorization', await b.t.bearer(KARI));
    expect(detail.body.case.informationRequest.dueAt).toBe('2026-04-21T21:59:00.000Z');
  }, 90_000);

  it('shows a returned and resent report’s earlier version, with the reason and what changed', async () => {
    const caseId = await recommended(b.t);
    const caseRef = (await expectOk(act(b.t, APPROVER, caseId, 'decide-grant'))).reference as string;
    await expectOk(act(b.t, KARI, caseId, 'accept'));
    const first = {
      summary: 'Three of four operators completed the robot programming modules',
      participantsCompleted: 3,
      actualCosts: [
        { category: 'participant_wages', amountOre: 36_000_000 },
        { category: 'provider_fees', amountOre: 24_000_000 },
      ],
    };
    await expectOk(act(b.t, KARI, caseId, 'report', { report: first }));

    // The officer sends it back, first with a date already past.
    await page.goto(`/saksbehandling/saker/${caseRef}`);
    await signIn(page, OFFICER);
    await heading(caseRef).waitFor();
    await page.getByText('Sluttrapport til gjennomgang', { exact: true }).waitFor();
    const returnForm = page.getByRole('region', { name: 'Send rapporten tilbake' });
    const newDue = returnForm.getByLabel('Ny frist for sluttrapporten');
    expect(await newDue.inputValue()).toBe('');
    await returnForm
      .getByLabel('Hva må søkeren rette i rapporten?')
      .fill('Alle fire deltakerne må være med, og reisekostnadene mangler.');
    await newDue.fill('30.01.2026');
    await returnForm.getByRole('button', { name: 'Send rapporten tilbake' }).click();
    await page.getByRole('link', { name: 'Den nye fristen kan ikke være før i dag' }).waitFor();
    expect(await focused(page)).toContain('Den nye fristen kan ikke være før i dag');
    expect(await accessibilityViolations(page)).toEqual([]);
    await newDue.fill('02.03.2026');
    await returnForm.getByRole('button', { name: 'Send rapporten tilbake' }).click();
    await page.getByText('Innvilget og akseptert', { exact: true }).waitFor();

    // Kari corrects the report and sends it again.
    const second = {
      summary: 'All four operators completed the robot programming modules',
      participantsCompleted: 4,
      actualCosts: [...first.actualCosts, { category: 'travel_subsistence', amountOre: 2_000_000 }],
    };
    await expectOk(act(b.t, KARI, caseId, 'report', { report: second }));
    await page.reload();
    await page.getByText('Sluttrapport til gjennomgang', { exact: true }).waitFor();
    const report = page.getByRole('region', { name: 'Sluttrapporten', exact: true });
    await report.getByText('All four operators completed the robot programming modules').waitFor();
    const earlier = report.getByRole('region', { name: 'Tidligere versjoner' });
    await earlier.waitFor();
    const text = await earlier.innerText();
    expect(text).toMatch(/Sendt tilbake\s+2\. februar 2026 av Siri Saksbehandler/);
    expect(text).toMatch(
      /Hva søkeren måtte rette\s+Alle fire deltakerne må være med, og reisekostnadene mangler\./,
    );
    expect(text).toMatch(
      /Endret i neste versjon\s+Sammendrag, Antall deltakere som fullførte, Faktiske kostnader/,
    );
    expect(text).not.toContain('Ingen felt ble endret');
    // The earlier version itself, read-only, on request.
    expect(await earlier.getByText('Three of four operators').isVisible()).toBe(false);
    await earlier.getByText(/Vis versjonen sendt inn/).click();
    await earlier.getByText('Three of four operators completed the robot programming modules').waitFor();
    expect(await earlier.getByText('Three of four operators').isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  }, 90_000);
});
