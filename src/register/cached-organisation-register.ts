import type { Clock } from '@lib/common';
import type { LookupOptions, OrganisationRegister, RegisterLookup } from './register-unit';

/**
 * Keeps each answer for `ttlMs` in this process, so that a page and its refresh do not ask the
 * register twice; `fresh` (a refresh someone asked for) always asks. Failures are not kept. At most `maxEntries` numbers; the oldest goes first.
 */
export class CachedOrganisationRegister implements OrganisationRegister {
  private readonly entries = new Map<string, { at: number; answer: RegisterLookup }>();

  constructor(
    private readonly inner: OrganisationRegister,
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly maxEntries = 1_000,
  ) {}

  async lookup(organisationNumber: string, options: LookupOptions = {}): Promise<RegisterLookup> {
    const now = this.clock.now().getTime();
    const kept = this.entries.get(organisationNumber);
    if (!options.fresh && kept && now - kept.at < this.ttlMs) return kept.answer;
    const answer = await this.inner.lookup(organisationNumber);
    this.entries.delete(organisationNumber);
    this.entries.set(organisationNumber, { at: now, answer });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return answer;
  }
}
