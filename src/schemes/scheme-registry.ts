import { DomainError, notFound } from '@lib/common';
import { validateSchemes, type SchemeDefinition } from '@lib/engine';
import { bioPlugin } from './bio';
import { jobbsjansenPlugin } from './jobbsjansen';
import { mentorPlugin } from './mentor';
import { coronaPlugin } from './corona';
import { etablererPlugin } from './etablerer';
import type { SchemePlugin } from './scheme-plugin';

/** Every funding scheme of the installation: a new scheme is one folder and one line here. */
export const PLUGINS: readonly SchemePlugin[] = [
  bioPlugin,
  jobbsjansenPlugin,
  mentorPlugin,
  coronaPlugin,
  etablererPlugin,
];

export const SCHEMES: readonly SchemeDefinition[] = PLUGINS.map((p) => p.scheme);

/** Looks schemes up by id; the composed set is checked when the registry is built (at start-up). */
export class SchemeRegistry {
  private readonly byId: ReadonlyMap<string, SchemeDefinition>;

  constructor(schemes: readonly SchemeDefinition[] = SCHEMES) {
    const problems = validateSchemes(schemes);
    if (problems.length) throw new Error(`The scheme registry is invalid:\n- ${problems.join('\n- ')}`);
    this.byId = new Map(schemes.map((s) => [s.id, s]));
  }

  all(): SchemeDefinition[] {
    return [...this.byId.values()];
  }

  get(id: string): SchemeDefinition {
    const scheme = this.byId.get(id);
    if (!scheme) throw notFound(`Scheme "${id}"`);
    return scheme;
  }

  /** For stored rows: a scheme that disappeared from the code is a deployment fault, not a 404. */
  forStored(id: string): SchemeDefinition {
    const scheme = this.byId.get(id);
    if (!scheme)
      throw new DomainError('conflict', 'scheme_unavailable', `Scheme "${id}" is not installed here`);
    return scheme;
  }
}
