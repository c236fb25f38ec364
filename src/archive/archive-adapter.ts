import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import type { Noark5Record } from './noark5-record';

/** What the archive answered: its own reference for the entry, when it gave one. */
export interface ArchiveReceipt {
  /** `delivered` by an archive, or only `logged` (no archive configured). */
  readonly outcome: 'delivered' | 'logged';
  readonly reference: string | null;
}

/**
 * Where journal entries go. `deliver` may be called again for an entry already delivered (a crash
 * after the archive answered): the key, the entry's id, lets the archive answer as before.
 */
export interface ArchiveAdapter {
  deliver(key: string, record: Noark5Record): Promise<ArchiveReceipt>;
}

/** No archive: the entry is logged (without its files) and recorded as `logged`. */
export class LogArchiveAdapter implements ArchiveAdapter {
  private readonly logger = new Logger('Archive');

  deliver(key: string, record: Noark5Record): Promise<ArchiveReceipt> {
    const r = record.mappe.registrering;
    this.logger.log(
      {
        journalEntryId: key,
        case: record.mappe.mappeID,
        journalpost: `${r.journalaar}/${r.journalsekvensnummer}`,
        type: r.journalposttype.kode,
        documents: r.dokumentbeskrivelse.length,
      },
      'Journal entry not delivered: no archive configured (ARCHIVE_ADAPTER=none)',
    );
    return Promise.resolve({ outcome: 'logged', reference: null });
  }
}

/**
 * An archive over HTTP: POSTs the record as JSON to `ARCHIVE_URL` with `Idempotency-Key` set to the
 * entry's id (and a bearer token when configured). A 2xx answer is delivery; its `Location` header or a
 * `systemID` in a JSON body is kept as the archive's reference. Anything else is thrown, to be retried.
 */
export class HttpArchiveAdapter implements ArchiveAdapter {
  constructor(private readonly options: { url: string; token: string | null; timeoutMs: number }) {}

  async deliver(key: string, record: Noark5Record): Promise<ArchiveReceipt> {
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key': key,
        ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
      },
      body: JSON.stringify(record),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`The archive answered ${response.status}: ${text.slice(0, 200)}`);
    return { outcome: 'delivered', reference: response.headers.get('location') ?? systemIdOf(text) };
  }
}

function systemIdOf(text: string): string | null {
  try {
    const body = JSON.parse(text) as { systemID?: unknown };
    return typeof body.systemID === 'string' ? body.systemID : null;
  } catch {
    return null;
  }
}

/** Provider token of the configured `ArchiveAdapter`. */
export const ARCHIVE_ADAPTER = Symbol('ArchiveAdapter');

export function archiveAdapterFor(config: AppConfig['archive']): ArchiveAdapter {
  return config.adapter === 'http' && config.url
    ? new HttpArchiveAdapter({ url: config.url, token: config.token, timeoutMs: config.timeoutMs })
    : new LogArchiveAdapter();
}
