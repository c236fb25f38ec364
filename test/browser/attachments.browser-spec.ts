import type { Page } from 'playwright-core';
import { accessibilityViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';
import { draft, KARI, newClock } from '../support/bio';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/** The applicant uploads a training plan on the application form and sees it listed. */
describe('attachments on the application form', () => {
  let b: BrowserApp;
  let page: Page;
  let reference: string;

  beforeAll(async () => {
    b = await startBrowserApp({ clock: newClock() });
    reference = (await draft(b.t)).reference;
    page = await b.newPage();
  }, 120_000);

  afterAll(async () => {
    await page?.close();
    await b?.close();
  });

  it('uploads a PDF as the training plan, lists it with its size, and passes axe', async () => {
    await page.goto(`/soknader/${reference}/skjema`);
    await signIn(page, KARI);
    const section = page.getByRole('region', { name: 'Vedlegg' });
    await section.getByText('Ingen vedlegg er lastet opp.').waitFor();
    await section.getByLabel('Type vedlegg').selectOption({ label: 'Opplæringsplan' });
    await section
      .getByLabel('Fil')
      .setInputFiles({ name: 'opplæringsplan.pdf', mimeType: 'application/pdf', buffer: PDF });
    await section.getByRole('button', { name: 'Last opp vedlegg' }).click();
    const link = section.getByRole('link', { name: 'opplæringsplan.pdf' });
    await link.waitFor();
    expect(await section.getByRole('listitem').textContent()).toContain('Opplæringsplan, 1 kB');
    await section.getByRole('button', { name: 'Slett opplæringsplan.pdf' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
