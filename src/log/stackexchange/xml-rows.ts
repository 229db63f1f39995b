/**
 * Streaming rows of a Stack Exchange dump table (`<posts><row Id=".." .../>...</posts>`), parsed with
 * saxes (a conformant, well-kept streaming XML parser): attribute values come out entity-decoded, and a
 * file of any size is read in constant memory.
 *
 * @module
 */

import { SaxesParser } from 'saxes';
import { FormatError } from '../../errors.js';
import { type LogSource, openSource } from '../source.js';

/** Rows of a table in batches, with the 1-based line of the first row of each batch for messages. */
export interface XmlRowBatch {
  rows: { attributes: Record<string, string>; line: number }[];
}

/**
 * Yields the attributes of every `<row>` of a dump table in batches.
 *
 * @param root - expected root element (`posts`, `comments`, `users`); another root is a FormatError
 * @throws FormatError `MALFORMED_INPUT` (broken XML, truncated file), `UNKNOWN_FORMAT` (wrong table),
 *   `EMPTY_INPUT`
 */
export async function* xmlRows(
  source: LogSource,
  name: string,
  root: string,
  module: string,
): AsyncGenerator<XmlRowBatch> {
  const { stream } = openSource(source, module);
  const parser = new SaxesParser({ position: true });
  let batch: XmlRowBatch['rows'] = [];
  let seenRoot: string | undefined;
  let depth = 0;
  let wrongRoot: string | undefined;
  parser.on('opentag', (tag) => {
    depth++;
    if (depth === 1) {
      seenRoot = tag.name;
      if (tag.name.toLowerCase() !== root) wrongRoot = tag.name;
      return;
    }
    if (depth === 2 && tag.name === 'row') {
      batch.push({ attributes: tag.attributes as Record<string, string>, line: parser.line });
    }
  });
  parser.on('closetag', () => {
    depth--;
  });
  const fail = (cause: unknown) => {
    const detail = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    return new FormatError('MALFORMED_INPUT', `the XML cannot be parsed (${detail})`, {
      module,
      location: { file: name, row: parser.line },
      hint: 'the file is probably truncated or not a Stack Exchange dump table; check it with `xmllint --noout`',
      cause,
    });
  };
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      parser.write(decoder.decode(chunk, { stream: true }));
      if (wrongRoot !== undefined) break;
      if (batch.length > 0) {
        yield { rows: batch };
        batch = [];
      }
    }
    if (wrongRoot === undefined) {
      const tail = decoder.decode();
      if (tail) parser.write(tail);
      if (bytes > 0) parser.close();
    }
  } catch (cause) {
    if (cause instanceof FormatError) throw cause;
    throw fail(cause);
  }
  if (bytes === 0 || (seenRoot === undefined && wrongRoot === undefined)) {
    throw new FormatError('EMPTY_INPUT', 'the input holds no XML element', { module, location: { file: name } });
  }
  if (wrongRoot !== undefined) {
    throw new FormatError('UNKNOWN_FORMAT', `expected a <${root}> table, found <${wrongRoot}>`, {
      module,
      location: { file: name },
      hint: `pass the ${root[0]?.toUpperCase()}${root.slice(1)}.xml file of the dump (or its folder)`,
    });
  }
  if (batch.length > 0) yield { rows: batch };
}
