import { createServer, type Server, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { ClamdScanner, parseClamdReply } from './virus-scanner';

/** A stand-in for clamd: reads one INSTREAM session and answers by what it received. */
function fakeClamd(
  answer: (command: string, body: Buffer) => string,
): Promise<{ server: Server; port: number }> {
  const server = createServer((socket: Socket) => {
    let received = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const command = 'zINSTREAM\0';
      if (received.length < command.length) return;
      // Chunks: 4-byte big-endian length, then the bytes; a zero length ends the stream.
      const parts: Buffer[] = [];
      let at = command.length;
      while (at + 4 <= received.length) {
        const length = received.readUInt32BE(at);
        if (length === 0) {
          socket.end(`${answer(received.subarray(0, command.length).toString(), Buffer.concat(parts))}\0`);
          return;
        }
        if (at + 4 + length > received.length) return;
        parts.push(received.subarray(at + 4, at + 4 + length));
        at += 4 + length;
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    }),
  );
}

describe('ClamdScanner (INSTREAM over TCP)', () => {
  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((s) => new Promise((done) => s.close(done)))));

  const scanner = async (answer: (command: string, body: Buffer) => string) => {
    const { server, port } = await fakeClamd(answer);
    servers.push(server);
    return new ClamdScanner({ host: '127.0.0.1', port }, 2000);
  };

  it('sends the command and the bytes in length-prefixed chunks, and reads OK as clean', async () => {
    let seen: { command: string; body: string } | null = null;
    const clamd = await scanner((command, body) => {
      seen = { command, body: body.toString() };
      return 'stream: OK';
    });
    const content = Readable.from([Buffer.from('første del, '), Buffer.from('andre del')]);
    await expect(clamd.scan(content)).resolves.toEqual({ clean: true });
    expect(seen).toEqual({ command: 'zINSTREAM\0', body: 'første del, andre del' });
  });

  it('reads FOUND as infected, with the signature', async () => {
    const clamd = await scanner(() => 'stream: Eicar-Test-Signature FOUND');
    await expect(clamd.scan(Readable.from([Buffer.from('X5O!P%@AP')]))).resolves.toEqual({
      clean: false,
      signature: 'Eicar-Test-Signature',
    });
  });

  it('fails on an error answer, and when nothing listens', async () => {
    const clamd = await scanner(() => 'INSTREAM size limit exceeded. ERROR');
    await expect(clamd.scan(Readable.from([Buffer.from('x')]))).rejects.toThrow(/could not scan/);
    const nobody = new ClamdScanner({ host: '127.0.0.1', port: 1 }, 2000);
    await expect(nobody.scan(Readable.from([Buffer.from('x')]))).rejects.toThrow();
  });

  it('parses replies with and without their NUL', () => {
    expect(parseClamdReply('stream: OK\0')).toEqual({ clean: true });
    expect(parseClamdReply('stream: Win.Test FOUND')).toEqual({ clean: false, signature: 'Win.Test' });
    expect(() => parseClamdReply('')).toThrow(/no answer/);
  });
});
