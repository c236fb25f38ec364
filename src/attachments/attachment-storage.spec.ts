import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { LocalDiskStorage } from './attachment-storage';

describe('LocalDiskStorage', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'attachment-storage-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('keeps a stream under a generated key with its SHA-256 and size, and gives it back', async () => {
    const storage = new LocalDiskStorage(directory);
    const stored = await storage.put(Readable.from([Buffer.from('hei '), Buffer.from('verden')]));
    expect(stored).toEqual({
      key: expect.stringMatching(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/) as string,
      sha256: createHash('sha256').update('hei verden').digest('hex'),
      size: 10,
    });
    expect(await text(await storage.get(stored.key))).toBe('hei verden');
    await storage.delete(stored.key);
    await expect(storage.get(stored.key)).rejects.toThrow();
  });

  it('leaves nothing behind when the stream fails part-way', async () => {
    const storage = new LocalDiskStorage(directory);
    const failing = new Readable({
      read() {
        this.push(Buffer.from('litt'));
        this.destroy(new Error('cut off'));
      },
    });
    await expect(storage.put(failing)).rejects.toThrow('cut off');
    const dirs = await readdir(directory);
    const files = (await Promise.all(dirs.map((d) => readdir(join(directory, d))))).flat();
    expect(files).toEqual([]);
  });

  it('refuses a key it did not make', async () => {
    const storage = new LocalDiskStorage(directory);
    await expect(storage.get('../../etc/passwd')).rejects.toThrow(/not an attachment storage key/);
  });
});
