import type { Page } from 'playwright-core';
import { accessibilityViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';
import { acceptedGrant, bioCallWithAdvance, FINANCE, KARI, newClock, OFFICER } from '../support/bio';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** nb-NO groups digits with a no-break space. */
const NBSP = '\u00a0';

/**
 * Finance pays an accepted BIO grant's advance from the list of payments due: the row says what is
 * due and since when; "Utbetal" asks to confirm the amount; a double click on the confirmation pays
 * once; the row goes, and the frame has paid out exactly one advance more. The frame's entries give
 * the payment's reason, and both case pages' histories tell of it with its amount.
 */
describe('payments due in the browser', () => {
  let b: BrowserApp;
  let page: Page;
  /** The case booked by the first walk, which the second follows to the screens that show it. */
  let booked: { reference: string; frameId: string } | undefined;

  beforeAll(async () => {
    b = await startBrowserApp({ clock: newClock() });
    page = await b.newPage();
  }, 120_000);
  afterAll(async () => {
    await b?.close();
  });

  const axe = async () => expect(await accessibilityViolations(page)).toEqual([]);
  const row = (reference: string) => page.getByRole('row').filter({ hasText: reference });
  const asFinance = async (path: string) =>
    b.t
      .http()
      .get(`/api/v1${path}`)
      .set('authorization', await b.t.bearer(FINANCE));

  it("books an accepted BIO grant's advance once, with a double click", async () => {
    // A call whose plan pays 40 % on acceptance: 100 000 kr of a 250 000 kr grant.
    const callId = await bioCallWithAdvance(b.t, 4_000);
    const { id, reference } = await acceptedGrant(b.t, { callId, amount: 25_000_000 });
    const detail = (await asFinance(`/applications/${id}`)).body as {
      names: { organisation: { name: string; organisationNumber: string } };
    };
    const [{ frame_id: frameId }] = await b.t.dataSource.query<Array<{ frame_id: string }>>(
      `SELECT frame_id FROM funding_call WHERE id = $1`,
      [callId],
    );
    const disbursedBefore = ((await asFinance(`/frames/${frameId}`)).body as { disbursed: number }).disbursed;

    await page.goto('/okonomi/utbetalinger');
    await signIn(page, FINANCE);
    await page.getByRole('heading', { level: 1, name: 'Til utbetaling' }).waitFor();
    await row(reference).waitFor();
    const text = await row(reference).innerText();
    expect(text).toContain(detail.names.organisation.name);
    const n = detail.names.organisation.organisationNumber;
    expect(text).toContain(`Org.nr. ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`);
    expect(text).toContain('Bedriftsintern opplæring (BIO)');
    expect(text).toContain('Forskudd – når tilskuddet er akseptert');
    expect(text).toContain(`kr${NBSP}100${NBSP}000`);
    expect(text).toContain('2. februar 2026');
    expect(await row(reference).getByRole('link', { name: reference }).getAttribute('href')).toBe(
      `/saksbehandling/saker/${reference}`,
    );
    expect(await page.getByText(/^Til sammen kr/).innerText()).toMatch(/^Til sammen kr\s[\d\s]+ i /);
    expect(await page.locator('main').innerText()).not.toMatch(UUID);
    await axe();

    await row(reference)
      .getByRole('button', { name: /^Utbetal/ })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Bekreft utbetaling' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(
      `Utbetal kr${NBSP}100${NBSP}000 til ${detail.names.organisation.name}`,
    );
    await axe();
    const keys: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/payments/due/${reference}/book`)) {
        keys.push(request.headers()['idempotency-key'] ?? '');
      }
    });
    await dialog.getByRole('button', { name: `Utbetal kr${NBSP}100${NBSP}000` }).dblclick();

    await page
      .getByRole('status')
      .getByText(`kr${NBSP}100${NBSP}000 er utbetalt for ${reference} (Forskudd).`)
      .waitFor();
    await row(reference).waitFor({ state: 'detached' });
    await dialog.waitFor({ state: 'hidden' });
    await axe();
    // However many requests the double click sent, they carried one key: one intent to pay.
    expect(keys.length).toBeGreaterThanOrEqual(1);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[\w.:-]{8,200}$/);

    // Exactly one payment: the frame paid out one advance more, in one ledger entry.
    const disbursedAfter = ((await asFinance(`/frames/${frameId}`)).body as { disbursed: number }).disbursed;
    expect(disbursedAfter - disbursedBefore).toBe(10_000_000);
    const entries = (await asFinance(`/frames/${frameId}/entries?kind=disbursement&limit=500`)).body as {
      items: Array<{ applicationId: string | null; amount: number }>;
    };
    expect(entries.items.filter((e) => e.applicationId === id)).toEqual([
      expect.objectContaining({ amount: 10_000_000 }),
    ]);
    // The list as the API gives it has nothing left for the case.
    const due = (await asFinance('/payments/due')).body as { items: Array<{ caseReference: string }> };
    expect(due.items.map((d) => d.caseReference)).not.toContain(reference);

    booked = { reference, frameId };
  });

  it("shows the payment on the frame's entries and in both case pages' histories", async () => {
    if (!booked) throw new Error('needs the booking above');
    const { reference, frameId } = booked;
    // The frame's entries show the system's reason in bokmål, as stored.
    await page.goto(`/okonomi/rammer/${frameId}/posteringer`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const ledgerRow = page.getByRole('row').filter({ hasText: `Utbetaling: Forskudd (${reference})` });
    await ledgerRow.waitFor();
    expect(await ledgerRow.innerText()).toContain(`kr${NBSP}100${NBSP}000`);
    await axe();

    // The case officer's page tells of the commitment and the payment: who, and how much.
    await b.context.clearCookies();
    await page.goto(`/saksbehandling/saker/${reference}`);
    await signIn(page, OFFICER);
    const history = page.getByRole('region', { name: 'Hva har skjedd i saken' });
    const paid = history.getByRole('listitem').filter({ hasText: 'Utbetaling bokført' });
    await paid.waitFor();
    expect(await paid.innerText()).toContain(`Beløp: kr${NBSP}100${NBSP}000`);
    expect(await paid.innerText()).toContain('Åse Økonomi, økonomi');
    const committed = history.getByRole('listitem').filter({ hasText: 'Tilsagn satt av i rammen' });
    expect(await committed.innerText()).toContain(`Beløp: kr${NBSP}250${NBSP}000`);
    expect(await page.locator('main').innerText()).not.toMatch(UUID);
    await axe();

    // The applicant's case page tells them too, in their words.
    await b.context.clearCookies();
    await page.goto(`/soknader/${reference}`);
    await signIn(page, KARI);
    const timeline = page.getByRole('region', { name: 'Hva har skjedd i saken' });
    const payment = timeline.getByRole('listitem').filter({ hasText: 'Tilskudd ble utbetalt' });
    await payment.waitFor();
    expect(await payment.innerText()).toContain(`Beløp: kr${NBSP}100${NBSP}000`);
    await axe();
  });
});
