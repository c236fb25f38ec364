import type { Page } from 'playwright-core';
import { nok } from '@lib/common';
import type { TestApp } from './test-app';

/** Trøndelag's finance officer, who creates frames. */
const FINANCE = 'okonomi@trondelag.example';

/** A frame for a scheme and year with money allocated, made over the API as finance would. */
export async function createFrame(
  t: TestApp,
  { schemeId, year, name, kroner }: { schemeId: string; year: number; name: string; kroner: number },
): Promise<string> {
  const auth = await t.bearer(FINANCE);
  const frame = await t
    .http()
    .post('/api/v1/frames')
    .set('authorization', auth)
    .send({ schemeId, year, name });
  if (frame.status !== 201)
    throw new Error(`frame not created: ${frame.status} ${JSON.stringify(frame.body)}`);
  const id = (frame.body as { id: string }).id;
  const allocation = await t
    .http()
    .post(`/api/v1/frames/${id}/allocations`)
    .set('authorization', auth)
    .send({ kind: 'allocation', amount: nok(kroner), reason: `Budsjett ${year}` });
  if (allocation.status >= 300) throw new Error(`no allocation: ${allocation.status}`);
  return id;
}

export interface NewCallFields {
  /** The scheme as named in the list, e.g. "Bedriftsintern opplæring (BIO)". */
  readonly scheme: string;
  readonly title: string;
  /** The frame as offered, e.g. "BIO 2027 (kr 20 000 000)". */
  readonly frame: string;
  /** dd.mm.åååå */
  readonly opensOn: string;
  /** dd.mm.åååå */
  readonly closesOn: string;
}

/** The step buttons of the call form ask for a step by its title. */
export const goToStep = (page: Page, title: string) =>
  page.getByRole('navigation', { name: 'Steg i skjemaet' }).getByRole('button', { name: title }).click();

/** The step of the call form that asks the application period and who may apply. */
export const PERIOD_STEP = 'Søknadsperiode og målgruppe';

/**
 * On the admin's list of calls (signed in): opens "Ny utlysning", chooses the scheme and fills in
 * the call's own fields and its dates (a rolling window, as the county's latest call has it; the
 * other rules stay as filled in from that call). Leaves the form on the period's step, unsaved.
 */
export async function fillNewCall(page: Page, fields: NewCallFields): Promise<void> {
  await page.getByRole('link', { name: 'Ny utlysning' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ny utlysning' }).waitFor();
  await page.getByLabel('Ordning', { exact: true }).selectOption({ label: fields.scheme });
  await page.getByLabel('Navn på utlysningen').fill(fields.title);
  await page.getByLabel(/^Ramme/).selectOption({ label: fields.frame });
  await goToStep(page, PERIOD_STEP);
  await page.getByLabel('Åpner', { exact: true }).fill(fields.opensOn);
  await page.getByLabel(/^Søknadsfrist/).fill(fields.closesOn);
}

/** Saves the call form from its last step ("Saksgang og oppfølging"). */
export async function saveCallForm(page: Page, button: 'Lagre utkast' | 'Lagre endringer'): Promise<void> {
  await goToStep(page, 'Saksgang og oppfølging');
  await page.getByRole('button', { name: button }).click();
}

/** On a draft call's page: shows the preview and waits for the call's card in it. */
export async function previewCall(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  const preview = page.getByRole('region', { name: 'Forhåndsvisning' });
  await preview.getByRole('article', { name: title }).waitFor();
}

/** On a draft call's page: publishes it, confirming, and waits until it says so. */
export async function publishCall(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publiser utlysningen' }).click();
  await page.getByRole('button', { name: 'Ja, publiser' }).click();
  await page.getByRole('status').filter({ hasText: 'Utlysningen er publisert.' }).waitFor();
}

/**
 * The whole walk for a later journey: the admin (signed in, on /admin/utlysninger) creates next
 * year's call from the form, previews it and publishes it. Returns the call's id (from the URL).
 */
export async function adminCreatesPreviewsAndPublishesCall(
  page: Page,
  fields: NewCallFields,
): Promise<string> {
  await fillNewCall(page, fields);
  await saveCallForm(page, 'Lagre utkast');
  await page.getByRole('heading', { level: 1, name: fields.title }).waitFor();
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';
  await previewCall(page, fields.title);
  await publishCall(page);
  return id;
}
