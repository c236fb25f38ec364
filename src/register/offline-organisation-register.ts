import sample from './offline-register.json';
import { unitFromRegister, type OrganisationRegister, type RegisterLookup } from './register-unit';

/**
 * The register without the network (`REGISTER_MODE=offline`, for development, tests and the demo):
 * units from a bundled sample in the register's own JSON shape, read through the same mapping as
 * the HTTP answers. A number not in the sample is unknown; a record with only a number and
 * `slettedato` and no name is a unit removed for legal reasons (410 in the register).
 */
export class OfflineOrganisationRegister implements OrganisationRegister {
  private readonly records = new Map<string, unknown>();

  constructor(records: readonly unknown[] = sample) {
    for (const record of records) this.add(record);
  }

  /** Adds or replaces a unit, given in the register's JSON shape. */
  add(record: unknown): void {
    const number = (record as { organisasjonsnummer?: unknown }).organisasjonsnummer;
    if (typeof number !== 'string') throw new Error('A register record needs its organisasjonsnummer');
    this.records.set(number, record);
  }

  lookup(organisationNumber: string): Promise<RegisterLookup> {
    const record = this.records.get(organisationNumber) as Record<string, unknown> | undefined;
    if (!record) return Promise.resolve(unitFromRegister(404, null));
    if (record.navn === undefined && record.slettedato) return Promise.resolve(unitFromRegister(410, record));
    return Promise.resolve(unitFromRegister(200, record));
  }
}
