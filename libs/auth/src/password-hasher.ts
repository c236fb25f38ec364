import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the library's defaults (19 MiB, 2 passes, 1 lane): OWASP's recommended minimum.
 * Verification also runs for unknown users (against a fixed hash) so that timing does not reveal
 * which e-mail addresses exist.
 */
export class PasswordHasher {
  private static readonly decoy = hash('decoy-password-for-constant-time-login');

  hash(password: string): Promise<string> {
    return hash(password);
  }

  async verify(passwordHash: string | null | undefined, password: string): Promise<boolean> {
    if (!passwordHash) {
      await verify(await PasswordHasher.decoy, password).catch(() => false);
      return false;
    }
    return verify(passwordHash, password).catch(() => false);
  }
}
