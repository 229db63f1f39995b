/**
 * Opening log inputs: a path, a URL, a Node stream, any async iterable of bytes, or `{ text }`.
 * Gzip is detected by its magic bytes (not the file name) and decompressed on the fly, everywhere.
 *
 * @module
 */

import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { FormatError } from '../errors.js';

/** Where a log comes from. A plain string is a file path; use `{ text }` for content held in memory. */
export type LogSource =
  | string
  | URL
  | NodeJS.ReadableStream
  | AsyncIterable<Uint8Array | string>
  | { text: string; name?: string };

/** An opened source: a display name for messages and a readable byte stream (already decompressed). */
export interface OpenedSource {
  name: string;
  stream: Readable;
}

function isTextSource(source: LogSource): source is { text: string; name?: string } {
  return typeof source === 'object' && source !== null && 'text' in source && typeof source.text === 'string';
}

/** A display name for a source, used in errors and stats. */
export function sourceName(source: LogSource): string {
  if (typeof source === 'string') return source;
  if (source instanceof URL) return source.protocol === 'file:' ? fileURLToPath(source) : source.href;
  if (isTextSource(source)) return source.name ?? '<text>';
  return '<stream>';
}

/** Throws a clear error when a path does not exist or is not a file; returns its size in bytes. */
export function checkFile(path: string, module: string): number {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch (cause) {
    throw new FormatError('FILE_NOT_FOUND', 'cannot open input file', {
      module,
      location: { file: path },
      hint: 'check the path and that the file is readable',
      cause,
    });
  }
  if (!stat.isFile()) {
    throw new FormatError('INVALID_INPUT', 'input is not a regular file', {
      module,
      location: { file: path },
      hint: 'pass a file, or use the reader for folder layouts',
    });
  }
  return stat.size;
}

async function* gunzipIfNeeded(chunks: AsyncIterable<Uint8Array | string> | Iterable<string>): AsyncGenerator<Buffer> {
  const iterator =
    Symbol.asyncIterator in chunks
      ? (chunks as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]()
      : (chunks as Iterable<string>)[Symbol.iterator]();
  let first = await iterator.next();
  while (!first.done && first.value.length === 0) first = await iterator.next();
  if (first.done) return;
  const head = typeof first.value === 'string' ? Buffer.from(first.value) : Buffer.from(first.value);
  const rest: AsyncIterable<Buffer> = {
    async *[Symbol.asyncIterator]() {
      yield head;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield typeof next.value === 'string' ? Buffer.from(next.value) : Buffer.from(next.value);
      }
    },
  };
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    const gunzip = createGunzip();
    const input = Readable.from(rest);
    input.on('error', (err) => gunzip.destroy(err));
    yield* input.pipe(gunzip) as AsyncIterable<Buffer>;
  } else {
    yield* rest;
  }
}

/**
 * Opens a source as a byte stream, decompressing gzip transparently.
 *
 * @throws FormatError `FILE_NOT_FOUND` when a path does not exist.
 */
export function openSource(source: LogSource, module: string): OpenedSource {
  const name = sourceName(source);
  let chunks: AsyncIterable<Uint8Array | string> | Iterable<string>;
  if (typeof source === 'string' || source instanceof URL) {
    const path = typeof source === 'string' ? source : fileURLToPath(source);
    checkFile(path, module);
    chunks = createReadStream(path, { highWaterMark: 1 << 20 });
  } else if (isTextSource(source)) {
    chunks = [source.text];
  } else {
    chunks = source as AsyncIterable<Uint8Array | string>;
  }
  return { name, stream: Readable.from(gunzipIfNeeded(chunks), { objectMode: false }) };
}
