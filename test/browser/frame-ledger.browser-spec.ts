import type { Locator, Page } from 'playwright-core';
import { accessibilityViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';
import { act, APPROVER, expectOk, FINANCE, newClock, recommended } from '../support/bio';

const isFocused = (locator: Locator) =>
  locator.evaluate((element) => element === element.ownerDocument.activeElement);
const hasFocusWithin = (locator: Locator) =>
  locator.evaluate((element) => element.contains(element.ownerDocument.activeElement));
const spaced = (n: string) => `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
/** Intl's nb-NO groups digits with a no-break space; read texts with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('finance changes a frame and reads its ledger in the browser', () => {
  let b: BrowserApp;
  let page: Page;
  let frameId: string;
  const granted = {} as { reference: string; name: string; organisationNumber: string };

  beforeAll(async () => {
    b = await startBrowserApp({ clock: newClock() });
    [{ frame_id: frameId }] = await b.t.dataSource.query(
      `SELECT frame_id FROM funding_call WHERE scheme_id = 'bio'`,
    );
    const id = await recommended(b.t, 25_000_000);
    await expectOk(act(b.t, APPROVER, id, 'decide-grant'));
    const [row] = await b.t.dataSource.query(
      `SELECT a.reference, o.name, o.organisation_number FROM application a
         JOIN organisation o ON o.id = a.organisation_id WHERE a.id = $1`,
      [id],
    );
    Object.assign(granted, {
      reference: row.reference,
      name: row.name,
      organisationNumber: row.organisation_number,
    });
    page = await b.newPage();
  });
  afterAll(() => b.close());

  const region = (name: string) => page.getByRole('region', { name, exact: true });
  const row = (text: string) => page.getByRole('row').filter({ hasText: text });

  it('tops up the frame only with a political case reference, once for a double click', async () => {
    await page.goto(`/okonomi/rammer/${frameId}/endringer`);
    await signIn(page, FINANCE);
    await page.getByRole('heading', { level: 1, name: 'Endre rammen – BIO 2026' }).waitFor();
    await page.getByRole('option', { name: /Jobbsjansen del B 2026/ }).waitFor({ state: 'attached' });
    expect(await accessibilityViolations(page)).toEqual([]);

    const topUp = region('Tilleggsbevilgning');
    await topUp.getByLabel('Beløp').fill('250 000');
    await topUp.getByLabel('Begrunnelse').fill('Økt ramme etter revidert budsjett');
    await topUp.getByRole('button', { name: 'Før tilleggsbevilgning' }).click();
    const summary = topUp.getByRole('link', { name: /Skriv inn den politiske saksreferansen/ });
    await summary.waitFor();
    // The summary takes focus, and its link moves focus to the field.
    expect(await hasFocusWithin(topUp.locator('ds-error-summary'))).toBe(true);
    await summary.click();
    expect(await isFocused(topUp.getByLabel('Politisk saksreferanse'))).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    await topUp.getByLabel('Politisk saksreferanse').fill('FT-sak 45/26');
    await topUp.getByRole('button', { name: 'Før tilleggsbevilgning' }).dblclick();
    const done = topUp.getByText(/Tilleggsbevilgningen på kr\s250\s000 \(FT-sak 45\/26\) er ført/);
    await done.waitFor();
    expect(plain(await done.innerText())).toContain('Tilgjengelig i rammen nå: kr 23 300 000');
    expect(plain(await region('Rammen nå').innerText())).toMatch(/Bevilget\s+kr 23 550 000/);
    const [{ n }] = await b.t.dataSource.query(
      `SELECT count(*)::int AS n FROM ledger_entry WHERE frame_id = $1 AND case_reference = 'FT-sak 45/26'`,
      [frameId],
    );
    expect(n).toBe(1);
  });

  it('reallocates to another frame chosen by name, and says what is available when the frame cannot cover it', async () => {
    const reallocation = region('Omdisponering');
    const target = reallocation.getByLabel('Til ramme');
    const value = await target.locator('option', { hasText: 'Jobbsjansen del B 2026' }).getAttribute('value');
    await target.selectOption(value);
    await reallocation.getByLabel('Beløp').fill('99 000 000');
    await reallocation.getByLabel('Politisk saksreferanse').fill('FT-sak 46/26');
    await reallocation.getByLabel('Begrunnelse').fill('Flere deltakere i Jobbsjansen');
    await reallocation.getByRole('button', { name: 'Før omdisponering' }).click();
    const refusal = reallocation.getByText(/Rammen har ikke nok midler/);
    await refusal.waitFor();
    expect(plain(await refusal.innerText())).toBe(
      'Rammen har ikke nok midler: tilgjengelig er kr 23 300 000, men du ba om kr 99 000 000.',
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    await reallocation.getByLabel('Beløp').fill('150 000');
    await reallocation.getByRole('button', { name: 'Før omdisponering' }).click();
    const done = reallocation.getByText(
      /kr\s150\s000 er omdisponert til Jobbsjansen del B 2026 \(FT-sak 46\/26\)/,
    );
    await done.waitFor();
    expect(plain(await done.innerText())).toContain('Tilgjengelig i denne rammen nå: kr 23 150 000');
    expect(plain(await region('Rammen nå').innerText())).toMatch(/Tilgjengelig\s+kr 23 150 000/);

    // A direct allocation names the organisation by its number: a wrong check digit is caught first.
    const direct = region('Direkte tildeling');
    await direct.getByLabel('Mottakerens navn').fill('Karrieresenteret i Trøndelag');
    await direct.getByLabel('Organisasjonsnummer').fill('987 654 321');
    await direct.getByLabel('Beløp').fill('50 000,50');
    await direct.getByLabel('Politisk saksreferanse').fill('FT-sak 47/26');
    await direct.getByLabel('Begrunnelse').fill('Karriererettleiing');
    await direct.getByRole('button', { name: 'Før direkte tildeling' }).click();
    await direct
      .getByRole('link', { name: /Organisasjonsnummeret må ha ni siffer og være gyldig/ })
      .waitFor();
    await direct.getByLabel('Organisasjonsnummer').fill('987 654 325');
    await direct.getByRole('button', { name: 'Før direkte tildeling' }).click();
    await direct.getByText(/er tildelt Karrieresenteret i Trøndelag \(FT-sak 47\/26\)/).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows both changes and a granted application’s recipient in the ledger, filters it, and downloads the CSV', async () => {
    await page.getByRole('link', { name: 'Se posteringene' }).click();
    await page.getByRole('heading', { level: 1, name: 'Posteringer – BIO 2026' }).waitFor();
    // Finance may change the frame from here; the link back to the frame is there for everyone.
    await page.getByRole('link', { name: 'Endre rammen' }).waitFor();
    expect(await page.getByRole('link', { name: 'Tilbake til BIO 2026' }).getAttribute('href')).toBe(
      `/okonomi/rammer/${frameId}`,
    );
    const topUp = row('FT-sak 45/26');
    await topUp.waitFor();
    expect(plain(await topUp.innerText())).toMatch(/Tilleggsbevilgning\s+kr 250 000\s+FT-sak 45\/26/);
    expect(plain(await row('FT-sak 46/26').innerText())).toMatch(
      /Omdisponering ut\s+kr 150 000\s+FT-sak 46\/26/,
    );
    const grant = row(granted.reference);
    expect(plain(await grant.innerText())).toContain(
      `Tilsagn\t${granted.reference}\t${granted.name}\t${spaced(granted.organisationNumber)}\tkr 250 000`,
    );
    expect(plain(await row('FT-sak 47/26').innerText())).toMatch(
      /Tilsagn\s+Direkte tildeling\s+Karrieresenteret i Trøndelag\s+987 654 325\s+kr 50 000,50\s+FT-sak 47\/26/,
    );
    expect(await grant.getByRole('link', { name: granted.reference }).getAttribute('href')).toBe(
      `/saksbehandling/saker/${granted.reference}`,
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    // By organisation number, typed with spaces: only the grant's entries; the filter stays in the address.
    await page.getByLabel('Saksreferanse eller organisasjonsnummer').fill(spaced(granted.organisationNumber));
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    await page.waitForURL(/search=/);
    await row('FT-sak 45/26').waitFor({ state: 'detached' });
    await row(granted.reference).waitFor();
    expect(await page.getByRole('row').count()).toBe(2);

    // A day typed the Norwegian way, wrong first: the summary says so.
    await page.getByRole('button', { name: 'Fjern filtre' }).click();
    await page.getByLabel('Type').selectOption({ label: 'Tilleggsbevilgning' });
    await page.getByLabel('Fra dato').fill('31.02.2026');
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    await page.getByRole('link', { name: 'Fra dato må være en dato som dd.mm.åååå' }).waitFor();
    await page.getByLabel('Fra dato').fill('01.01.2026');
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    await page.waitForURL(/kind=top_up/);
    await row(granted.reference).waitFor({ state: 'detached' });
    await row('FT-sak 45/26').waitFor();
    expect(await row('FT-sak 45/26').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('from')).toBe('2026-01-01');

    // The page, loaded again from its address, keeps the filters.
    await page.reload();
    await row('FT-sak 45/26').waitFor();
    expect(await page.getByLabel('Fra dato').inputValue()).toBe('01.01.2026');
    expect(await accessibilityViolations(page)).toEqual([]);

    const csvLink = page.getByRole('link', { name: 'Last ned posteringene som CSV' });
    const href = (await csvLink.getAttribute('href'))!;
    expect(href).toContain('kind=top_up');
    const csv = await page.request.get(href);
    expect(csv.status()).toBe(200);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Postering;Dato;Type;Beløp (kr);Valuta;Saksnummer;Mottaker;Organisasjonsnummer;Politisk saksreferanse;Begrunnelse',
    );
    expect(lines.slice(1).map((l) => l.split(';').slice(2, 5))).toContainEqual([
      'Tilleggsbevilgning',
      '250000,00',
      'NOK',
    ]);
    expect(lines.slice(1).every((l) => l.split(';')[2] === 'Tilleggsbevilgning')).toBe(true);
  });
});
