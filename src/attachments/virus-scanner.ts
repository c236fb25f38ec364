import { connect } from 'node:net';
import type { Readable } from 'node:stream';

/** A scan's verdict: clean, or infected with the signature the scanner named. */
export type ScanVerdict = { readonly clean: true } | { readonly clean: false; readonly signature: string };

/** Scans an attachment's bytes before it is kept. */
export interface VirusScanner {
  scan(content: Readable): Promise<ScanVerdict>;
}

/** Provider token of the service's `VirusScanner`. */
export const VIRUS_SCANNER = Symbol('VirusScanner');

/** No scanner configured: every file passes. */
export class NoVirusScanner implements VirusScanner {
  scan(content: Readable): Promise<ScanVerdict> {
    content.resume();
    return Promise.resolve({ clean: true });
  }
}

/**
 * ClamAV's daemon (clamd) over TCP with `zINSTREAM`: the bytes in chunks, each after its length as a
 * 4-byte big-endian number, then a zero length; clamd answers `stream: OK` or
 * `stream: <signature> FOUND`, ended by a NUL. Anything else (an error, a closed socket, a timeout)
 * is thrown: a file that could not be scanned is not kept.
 */
export class ClamdScanner implements VirusScanner {
  constructor(
    private readonly address: { host: string; port: number },
    private readonly timeoutMs = 30_000,
  ) {}

  scan(content: Readable): Promise<ScanVerdict> {
    return new Promise((resolve, reject) => {
      const socket = connect(this.address);
      const replies: Buffer[] = [];
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        socket.destroy();
        content.destroy();
        reject(error);
      };
      socket.setTimeout(this.timeoutMs, () => fail(new Error('clamd did not answer in time')));
      socket.on('error', fail);
      socket.on('data', (chunk: Buffer) => replies.push(chunk));
      socket.on('close', () => {
        if (settled) return;
        settled = true;
        try {
          resolve(parseClamdReply(Buffer.concat(replies).toString('utf8')));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      socket.on('connect', () => {
        socket.write('zINSTREAM\0');
        content.on('data', (chunk: Buffer) => {
          const length = Buffer.alloc(4);
          length.writeUInt32BE(chunk.length);
          if (!socket.write(Buffer.concat([length, chunk]))) {
            content.pause();
            socket.once('drain', () => content.resume());
          }
        });
        content.on('end', () => socket.end(Buffer.alloc(4)));
        content.on('error', fail);
      });
    });
  }
}

/** clamd's answer to INSTREAM, as a verdict; an error answer is thrown. */
export function parseClamdReply(reply: string): ScanVerdict {
  const text = reply.replace(/\0+$/, '').trim();
  if (text === 'stream: OK') return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found) return { clean: false, signature: found[1] };
  throw new Error(`clamd could not scan the file: ${text || 'no answer'}`);
}
