import { Busboy, type BusboyInstance } from '@fastify/busboy';
import { DomainError } from '@lib/common';
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import type { IncomingFile } from './attachments.service';

/** One file read from a multipart body, and a promise settled once the whole body has been read. */
export interface MultipartFile {
  readonly file: IncomingFile;
  /** Resolves when the request body has been read to its end (whatever became of the file). */
  readonly finished: Promise<void>;
  /** Drops what is left of the file unread, so that the body can be read to its end. */
  discard(): void;
}

const tooLarge = (maxBytes: number) =>
  new DomainError(
    'payload_too_large',
    'attachment_too_large',
    `The file is larger than the ${size(maxBytes)} an attachment may be`,
    { maxBytes },
  );

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MB` : `${Math.floor(bytes / 1024)} kB`;

/**
 * The file in field `file` of a `multipart/form-data` request, as a stream: never held in memory
 * whole nor written anywhere by the parser. Past `maxBytes` the stream fails with a 413 and the
 * rest of the body is read and dropped, so the refusal can be answered on a whole request. Other
 * fields and further files are ignored.
 */
export function readMultipartFile(request: IncomingMessage, maxBytes: number): Promise<MultipartFile> {
  const contentType = request.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\b/i.test(contentType)) {
    throw new DomainError(
      'unsupported_media_type',
      'unsupported_media_type',
      'An attachment is sent as multipart/form-data with the file in the field "file"',
    );
  }
  return new Promise((resolve, reject) => {
    let parser: BusboyInstance;
    try {
      parser = new Busboy({
        headers: { ...request.headers, 'content-type': contentType },
        limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 20 },
      });
    } catch {
      reject(new DomainError('bad_request', 'malformed_multipart', 'The multipart body could not be read'));
      return;
    }
    let found = false;
    let discard = () => undefined as void;
    const finished = new Promise<void>((done) => {
      parser.on('finish', () => done());
      parser.on('error', () => done());
      request.on('aborted', () => done());
    });
    parser.on('file', (field, stream, fileName) => {
      if (field !== 'file' || found) {
        stream.resume();
        return;
      }
      found = true;
      const content = new PassThrough();
      // The limit may be passed before anyone reads: whoever pipes it later finds the error on it.
      content.on('error', () => undefined);
      // Copied by hand rather than piped: once the copy is abandoned (too large, or refused), the
      // part must keep flowing to nowhere so that the parser reads the request to its end.
      const abandon = (error?: Error) => {
        if (!content.destroyed) content.destroy(error);
        stream.resume();
      };
      stream.on('data', (chunk: Buffer) => {
        if (content.destroyed) return;
        if (!content.write(chunk)) {
          stream.pause();
          content.once('drain', () => stream.resume());
        }
      });
      stream.on('end', () => {
        if (!content.destroyed) content.end();
      });
      stream.on('limit', () => abandon(tooLarge(maxBytes)));
      stream.on('error', (error: Error) => abandon(error));
      content.on('close', () => stream.resume());
      discard = () => abandon();
      resolve({ file: { fileName: safeFileName(fileName), content }, finished, discard: () => discard() });
    });
    parser.on('finish', () => {
      if (!found)
        reject(
          new DomainError('bad_request', 'attachment_missing', 'The body holds no file in the field "file"', {
            errors: [{ field: 'file', pointer: '/file', messages: ['file is required'] }],
          }),
        );
    });
    parser.on('error', () =>
      reject(new DomainError('bad_request', 'malformed_multipart', 'The multipart body could not be read')),
    );
    request.pipe(parser);
  });
}

/** The name as given, without any path and control characters, at most 200 characters; "vedlegg" when none is left. */
export function safeFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const controls = /[\u0000-\u001f\u007f]/g;
  const clean = base.replace(controls, '').trim().slice(0, 200);
  return clean || 'vedlegg';
}
