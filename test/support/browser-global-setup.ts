import { join } from 'node:path';
import { TEMPLATE_ENV } from '../../libs/testing/src';
import { buildTargetIfChanged, WEB } from '../../scripts/build-if-changed';
import globalSetup from './global-setup';

/**
 * The e2e set-up (a migrated template database, shared with the e2e project when both run), after building the web app into dist/web when it
 * is missing or older than its sources; when nothing changed this is a fingerprint and no build.
 */
export default async function browserGlobalSetup(): Promise<void> {
  await buildTargetIfChanged(join(__dirname, '..', '..'), WEB, () => undefined);
  if (!process.env[TEMPLATE_ENV]) await globalSetup();
}
