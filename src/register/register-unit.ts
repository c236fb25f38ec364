/**
 * A unit of the Brønnøysund register (Enhetsregisteret) as the service uses it, and how the
 * register's JSON (`GET /enhetsregisteret/api/enheter/{orgnr}`) maps to it.
 */
export interface RegisterUnit {
  readonly organisationNumber: string;
  readonly name: string;
  /** organisasjonsform.kode, e.g. `AS`, `KOMM`. */
  readonly form: string;
  /** antallAnsatte; null when the register publishes none (never taken as 0). */
  readonly employeeCount: number | null;
  /** forretningsadresse.kommunenummer (postadresse when there is no business address). */
  readonly municipalityNumber: string | null;
  /** naeringskode1.kode, e.g. `25.110`. */
  readonly industryCode: string | null;
  /** konkurs */
  readonly bankrupt: boolean;
  /** underAvvikling */
  readonly underLiquidation: boolean;
  /** underTvangsavviklingEllerTvangsopplosning */
  readonly underForcedDissolution: boolean;
  /** slettedato (YYYY-MM-DD): the unit is deleted from the register. */
  readonly deletedOn: string | null;
}

/** A lookup's answer: the unit, no such number (404), or removed for legal reasons (410 Gone). */
export type RegisterLookup = RegisterUnit | 'unknown' | 'removed';

/** Looks organisations up in the Brønnøysund register. */
export interface OrganisationRegister {
  lookup(organisationNumber: string, options?: LookupOptions): Promise<RegisterLookup>;
}

export interface LookupOptions {
  /** Ask the register itself, not a kept answer. */
  readonly fresh?: boolean;
}

/** Provider token of the service's `OrganisationRegister`. */
export const ORGANISATION_REGISTER = Symbol('OrganisationRegister');

/** The register did not answer (in time, or sensibly): refused as 503 `register_unavailable`. */
export class RegisterUnavailableError extends Error {
  override readonly name = 'RegisterUnavailableError';
}

type Json = Record<string, unknown>;

const object = (value: unknown): Json | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * The register's answer for one number, by status and body. A deleted unit is 200 with `slettedato`
 * and a reduced body; 410 is a unit removed for legal reasons; 404 an unknown number. Anything else
 * (a 5xx, a body without the unit's number) is the register being unavailable.
 */
export function unitFromRegister(status: number, body: unknown): RegisterLookup {
  if (status === 404) return 'unknown';
  if (status === 410) return 'removed';
  const unit = object(body);
  const organisationNumber = text(unit?.organisasjonsnummer);
  if (status !== 200 || !unit || !organisationNumber) {
    throw new RegisterUnavailableError(`The register answered ${status} without a unit`);
  }
  const address = object(unit.forretningsadresse) ?? object(unit.postadresse);
  const employees = unit.antallAnsatte;
  return {
    organisationNumber,
    name: text(unit.navn) ?? organisationNumber,
    form: text(object(unit.organisasjonsform)?.kode) ?? '',
    employeeCount:
      typeof employees === 'number' && Number.isInteger(employees) && employees >= 0 ? employees : null,
    municipalityNumber: text(address?.kommunenummer),
    industryCode: text(object(unit.naeringskode1)?.kode),
    bankrupt: unit.konkurs === true,
    underLiquidation: unit.underAvvikling === true,
    underForcedDissolution: unit.underTvangsavviklingEllerTvangsopplosning === true,
    deletedOn: text(unit.slettedato),
  };
}
