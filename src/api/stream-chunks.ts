/** Writes a generator of text chunks to an HTTP response with back-pressure, in writes of about 64 kB. */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';

const BATCH_CHARS = 64 * 1024;

/** Streams `chunks` to `res` (headers must be set) and ends it; stops early when the client goes away. */
export async function streamChunks(res: Response, chunks: Iterable<string> | AsyncIterable<string>): Promise<void> {
  await pipeline(Readable.from(batch(chunks), { objectMode: false }), res);
}

async function* batch(chunks: Iterable<string> | AsyncIterable<string>): AsyncGenerator<string> {
  // Joining small chunks keeps a million-unit export from making a million socket writes.
  let buffer: string[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    buffer.push(chunk);
    size += chunk.length;
    if (size >= BATCH_CHARS) {
      yield buffer.join('');
      buffer = [];
      size = 0;
    }
  }
  if (size > 0) yield buffer.join('');
}
