import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** What `put` kept: where, the SHA-256 of the bytes (hex) and how many there were. */
export interface StoredObject {
  readonly key: string;
  readonly sha256: string;
  readonly size: number;
}

/**
 * Where attachments' bytes are kept, outside the database: the row holds the key, the hash and the
 * size. Local disk by default; an S3-compatible store fits the same three calls (put with a
 * generated key and a hashing pass, get as a stream, delete by key).
 */
export interface AttachmentStorage {
  /** Stores the stream under a new key, hashing and counting as it goes. */
  put(content: Readable): Promise<StoredObject>;
  /** The stored bytes; fails if the key is unknown. */
  get(key: string): Promise<Readable>;
  /** Forgets the bytes; an unknown key is no error. */
  delete(key: string): Promise<void>;
}

/** Provider token of the service's `AttachmentStorage`. */
export const ATTACHMENT_STORAGE = Symbol('AttachmentStorage');

/** Counts and hashes what passes through. */
export class Digest extends Transform {
  private readonly hash = createHash('sha256');
  size = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    done(null, chunk);
  }

  hex(): string {
    return this.hash.digest('hex');
  }
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;

/**
 * Attachments as files under one directory: written to a temporary name and renamed once complete,
 * so a file under its key is always whole. Keys are generated here, never taken from a file name.
 */
export class LocalDiskStorage implements AttachmentStorage {
  private readonly root: string;

  constructor(directory: string) {
    this.root = resolve(directory);
  }

  async put(content: Readable): Promise<StoredObject> {
    const id = randomUUID();
    const key = `${id.slice(0, 2)}/${id}`;
    const target = this.path(key);
    const partial = `${target}.partial`;
    await mkdir(join(this.root, id.slice(0, 2)), { recursive: true });
    const digest = new Digest();
    try {
      await pipeline(content, digest, createWriteStream(partial, { flags: 'wx', mode: 0o640 }));
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { key, sha256: digest.hex(), size: digest.size };
  }

  async get(key: string): Promise<Readable> {
    const path = this.path(key);
    await stat(path);
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  private path(key: string): string {
    if (!KEY.test(key)) throw new Error(`not an attachment storage key: ${key}`);
    return join(this.root, key);
  }
}
