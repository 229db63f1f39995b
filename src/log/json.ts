/**
 * NDJSON (one JSON object per line) and JSON-array message logs, streamed, with the same field mapping,
 * validation and accounting as the CSV reader.
 *
 * Object keys are matched to message fields like CSV headers (`from`/`sender`/`author`, `to`/`recipients`,
 * ...); `columns` maps them explicitly. Values may be strings, numbers or arrays (for list fields).
 * JSON arrays are parsed incrementally with `@streamparser/json`, so a multi-GB array is never held;
 * `path` selects where the messages are (default `$.*`: the items of a top-level array; e.g.
 * `$.messages.*` for `{ "messages": [...] }`).
 *
 * @module
 */

import { createInterface } from 'node:readline';
import { JSONParser } from '@streamparser/json';
import { FormatError } from '../errors.js';
import { type ColumnMapping, isProblem, RecordConverter, type RecordOptions, resolveColumns } from './fields.js';
import type { Message, MessageField } from './message.js';
import { isReiterable, MessageLog, type ReadContext, type ReaderOptions } from './message-log.js';
import { type LogSource, openSource, sourceName } from './source.js';

/** Options of {@link readNdjson} and {@link readJson}. */
export interface JsonReadOptions extends ReaderOptions, RecordOptions {
  /** Field → key. Unmapped fields are matched by common key names. */
  columns?: ColumnMapping;
}

/** Options of {@link readJson}. */
export interface JsonArrayReadOptions extends JsonReadOptions {
  /** JSONPath of the message items (as understood by @streamparser/json). Default `'$.*'`. */
  path?: string;
}

/** Maps keys of JSON records to fields, caching per key set (records of one log share their keys). */
class KeyMapper {
  private cache = new Map<string, Map<MessageField, string>>();
  constructor(
    private readonly columns: ColumnMapping | undefined,
    private readonly module: string,
    private readonly ctx: ReadContext,
  ) {}

  map(record: Record<string, unknown>): Map<MessageField, string> {
    const keys = Object.keys(record);
    const signature = keys.join('\u0000');
    let mapping = this.cache.get(signature);
    if (!mapping) {
      const named: ColumnMapping = {};
      for (const [field, col] of Object.entries(this.columns ?? {})) {
        named[field as MessageField] = typeof col === 'number' ? String(col) : col;
      }
      // an explicitly mapped key absent from this record simply yields no value for the field
      const present = Object.fromEntries(Object.entries(named).filter(([, key]) => keys.includes(key as string)));
      const { columns, unmapped } = resolveColumns(keys, present, this.module);
      mapping = new Map([...columns].map(([field, i]) => [field, keys[i] as string]));
      if (unmapped.length > 0) this.ctx.note(`keys not used: ${unmapped.join(', ')}`);
      if (this.cache.size > 1000) this.cache.clear();
      this.cache.set(signature, mapping);
    }
    return mapping;
  }
}

function convertRecord(
  value: unknown,
  row: number,
  name: string,
  mapper: KeyMapper,
  converter: RecordConverter,
  ctx: ReadContext,
  raw: string | undefined,
): Message | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.reject(row, 'INVALID_INPUT', 'the record is not a JSON object', raw ?? JSON.stringify(value));
    return undefined;
  }
  const record = value as Record<string, unknown>;
  const mapping = mapper.map(record);
  const get = (field: MessageField) => {
    const key = mapping.get(field);
    return key === undefined ? undefined : (record[key] as never);
  };
  const result = converter.convert(get, `${name}#${row}`);
  if (isProblem(result)) {
    ctx.reject(row, result.code, result.reason, raw ?? JSON.stringify(record), result.field);
    return undefined;
  }
  ctx.accept();
  ctx.emit();
  return result;
}

/**
 * Reads NDJSON (JSON Lines): one message object per line; blank lines are ignored.
 *
 * @throws FormatError (`FILE_NOT_FOUND`, `MALFORMED_INPUT`) at iteration; InputError in strict mode
 */
export function readNdjson(source: LogSource, options: JsonReadOptions = {}): MessageLog {
  const module = 'log/ndjson';
  const name = sourceName(source);
  async function* produce(ctx: ReadContext): AsyncGenerator<Message[]> {
    const { stream } = openSource(source, module);
    const converter = new RecordConverter(options);
    const mapper = new KeyMapper(options.columns, module, ctx);
    const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
    let row = 0;
    try {
      for await (const rawLine of lines) {
        const line = row === 0 ? rawLine.replace(/^\uFEFF/, '') : rawLine;
        if (line.trim() === '') continue;
        row++;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          ctx.reject(row, 'MALFORMED_INPUT', 'the line is not valid JSON', line);
          continue;
        }
        const message = convertRecord(value, row, name, mapper, converter, ctx, line);
        if (message) yield [message];
      }
    } catch (cause) {
      if (cause instanceof Error && 'code' in cause && typeof (cause as { module?: unknown }).module === 'string')
        throw cause;
      throw new FormatError('MALFORMED_INPUT', 'the input cannot be read', {
        module,
        location: { file: name, row: row + 1 },
        hint: 'check for a truncated or corrupt (gzip) file',
        cause,
      });
    }
  }
  return new MessageLog(module, 'ndjson', name, options, produce, isReiterable(source));
}

/**
 * Reads a JSON array of message objects (or the array at `path`), streaming.
 *
 * @throws FormatError `MALFORMED_INPUT` on broken JSON (with the position), `EMPTY_INPUT` on an empty file
 */
export function readJson(source: LogSource, options: JsonArrayReadOptions = {}): MessageLog {
  const module = 'log/json';
  const name = sourceName(source);
  const path = options.path ?? '$.*';
  async function* produce(ctx: ReadContext): AsyncGenerator<Message[]> {
    const { stream } = openSource(source, module);
    const converter = new RecordConverter(options);
    const mapper = new KeyMapper(options.columns, module, ctx);
    const parser = new JSONParser({ paths: [path], keepStack: false });
    const queue: unknown[] = [];
    let failure: unknown;
    parser.onValue = ({ value }) => {
      queue.push(value);
    };
    parser.onError = (err) => {
      failure ??= err;
    };
    let row = 0;
    let bytes = 0;
    const fail = (cause: unknown) =>
      new FormatError('MALFORMED_INPUT', `the JSON cannot be parsed (${(cause as Error)?.message ?? cause})`, {
        module,
        location: { file: name, row: row + 1 },
        hint: `check the file near item ${row + 1}; a JSON log must be an array of message objects (or use \`path\`)`,
        cause,
      });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        try {
          parser.write(bytes === chunk.length ? chunk.toString('utf8').replace(/^\uFEFF/, '') : chunk);
        } catch (cause) {
          failure ??= cause;
        }
        if (failure) throw fail(failure);
        const batch: Message[] = [];
        for (const value of queue.splice(0)) {
          row++;
          const message = convertRecord(value, row, name, mapper, converter, ctx, undefined);
          if (message) batch.push(message);
        }
        if (batch.length > 0) yield batch;
      }
    } catch (cause) {
      if (cause instanceof FormatError) throw cause;
      throw fail(cause);
    }
    if (bytes === 0) {
      throw new FormatError('EMPTY_INPUT', 'the input is empty', { module, location: { file: name } });
    }
    try {
      if (!parser.isEnded) parser.end();
    } catch (cause) {
      failure ??= cause;
    }
    if (failure) throw fail(failure);
    const batch: Message[] = [];
    for (const value of queue.splice(0)) {
      row++;
      const message = convertRecord(value, row, name, mapper, converter, ctx, undefined);
      if (message) batch.push(message);
    }
    if (batch.length > 0) yield batch;
  }
  return new MessageLog(module, 'json', name, options, produce, isReiterable(source));
}
