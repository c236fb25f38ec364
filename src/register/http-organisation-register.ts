import {
  RegisterUnavailableError,
  unitFromRegister,
  type OrganisationRegister,
  type RegisterLookup,
} from './register-unit';

/**
 * The register's open API over HTTP: `GET {baseUrl}/enheter/{orgnr}` with `Accept: application/json`.
 * No answer within `timeoutMs`, a network error or an unexpected answer is `RegisterUnavailableError`.
 */
export class HttpOrganisationRegister implements OrganisationRegister {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 5_000,
  ) {}

  async lookup(organisationNumber: string): Promise<RegisterLookup> {
    const url = `${this.baseUrl.replace(/\/+$/, '')}/enheter/${encodeURIComponent(organisationNumber)}`;
    let status: number;
    let body: unknown = null;
    try {
      const response = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      if (status === 200) body = await response.json();
      else await response.body?.cancel();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new RegisterUnavailableError(`The register did not answer for ${organisationNumber}: ${reason}`);
    }
    return unitFromRegister(status, body);
  }
}
