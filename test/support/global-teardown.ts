import { dropTemplateAndCopies, TEMPLATE_ENV } from '../../libs/testing/src';

export default async function globalTeardown(): Promise<void> {
  const template = process.env[TEMPLATE_ENV];
  if (template) await dropTemplateAndCopies(template);
}
