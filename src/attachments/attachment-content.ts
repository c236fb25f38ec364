import { fromBuffer } from 'file-type';
import type { Readable } from 'node:stream';

/** The file types an attachment may be, by media type, with the extension a download is named with. */
export const ALLOWED_ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/** How much of the start of a file is read to tell its type: Office files name their parts early in the zip. */
export const SNIFF_BYTES = 4 * 1024 * 1024;

/**
 * The media type of the bytes, read from their content (magic numbers, and for Office files the
 * parts inside the zip), never from the name or the type the browser sent; null when it is none
 * that is recognised. Reads the start of the file as one buffer: file-type's stream reader fails
 * on files shorter than what a detector looks past (a small PDF).
 */
export async function detectMediaType(content: Readable): Promise<string | null> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of content) {
      chunks.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= SNIFF_BYTES) break;
    }
  } finally {
    content.destroy();
  }
  return (await fromBuffer(Buffer.concat(chunks).subarray(0, SNIFF_BYTES)))?.mime ?? null;
}
