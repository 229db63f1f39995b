/**
 * CSV / TSV message logs, streamed with fast-csv.
 *
 * Two layouts:
 * - `'message'`: one row per message; multi-valued cells (recipients, cc, bcc, mentions, tags) are split by
 *   `listSeparator`.
 * - `'recipient'`: one row per (message, recipient), as Enron-style and many e-mail exports write them.
 *   Consecutive rows with the same message id — or, when there is no id column, the same (sender,
 *   timestamp) — form one message; a `recipientType` column (`to`/`cc`/`bcc`) says which list each
 *   recipient goes to. Rows of one message must be adjacent, which every such export guarantees.
 * `'auto'` (default) picks `'recipient'` when a recipient-type column is present, else `'message'`.
 *
 * Headers are matched to message fields by common names (see {@link HEADER_ALIASES}) unless `columns`
 * maps them; headerless files (`headers: false`) are mapped by 0-based column index and default to
 * `sender, recipient[, timestamp]`, the layout of edge-list files such as SNAP's. The delimiter is sniffed
 * from the first line unless given. A UTF-8 BOM, CRLF (and the `\r\r\n` of some copies), quoted newlines
 * and blank lines are handled.
 *
 * Accounting: `read`, `accepted`, `rejected` count rows; `messages` counts messages yielded.
 *
 * @module
 */

import { Readable } from 'node:stream';
import { parse } from 'fast-csv';
import { FormatError, OptionError } from '../errors.js';
import { type ColumnMapping, isProblem, RecordConverter, type RecordOptions, resolveColumns } from './fields.js';
import type { Message, MessageField } from './message.js';
import { isReiterable, MessageLog, type ReadContext, type ReaderOptions } from './message-log.js';
import { type LogSource, openSource, sourceName } from './source.js';

const MODULE = 'log/csv';

/** Options of {@link readCsv}. */
export interface CsvReadOptions extends ReaderOptions, RecordOptions {
  /** Field → column name (or index when `headers: false`). Unmapped fields are auto-detected by name. */
  columns?: ColumnMapping;
  /** Whether the first row is a header. Default `true`. */
  headers?: boolean;
  /** Cell delimiter: `','`, `';'`, `'\t'`, any single character, or `'auto'` (default: sniffed). */
  delimiter?: string;
  /** Row layout; see the module description. Default `'auto'`. */
  layout?: 'auto' | 'message' | 'recipient';
}

/** Defaults of {@link CsvReadOptions}. */
export const CSV_DEFAULTS = Object.freeze({ headers: true, delimiter: 'auto', layout: 'auto' as const });

/** Picks the delimiter that splits the first line into the most cells (outside quotes). */
export function sniffDelimiter(head: string): string {
  const line = head.split(/\r?\n|\r/, 1)[0] ?? '';
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', '\t', ';', '|']) {
    let count = 0;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === candidate) count++;
    }
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  if (bestCount === 0 && /^\S+ \S+/.test(line)) return ' ';
  return best;
}

/**
 * Streams raw CSV rows (arrays of cells) from a source, sniffing the delimiter when asked.
 * Structural errors (an unterminated quote, a broken gzip stream) become a {@link FormatError}.
 */
export async function* csvRows(
  source: LogSource,
  options: { delimiter?: string; module?: string; onDelimiter?: (d: string) => void } = {},
): AsyncGenerator<string[]> {
  const module = options.module ?? MODULE;
  const { name, stream } = openSource(source, module);
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let done = false;
  let size = 0;
  try {
    while (size < 4096) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      chunks.push(next.value);
      size += next.value.length;
    }
  } catch (cause) {
    throw malformed(name, module, cause);
  }
  const head = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (head.trim() === '') {
    throw new FormatError('EMPTY_INPUT', 'the input is empty', {
      module,
      location: { file: name },
      hint: 'check that the export finished writing; an empty log cannot be analysed',
    });
  }
  let delimiter = options.delimiter ?? 'auto';
  if (delimiter === 'auto') delimiter = sniffDelimiter(head);
  else if (delimiter.length !== 1) {
    throw new OptionError('`delimiter` must be one character or "auto"', { module, got: delimiter });
  }
  options.onDelimiter?.(delimiter);
  async function* rest(): AsyncGenerator<Buffer> {
    yield* chunks;
    while (!done) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const input = Readable.from(rest());
  const parser = input.pipe(parse<string[], string[]>({ headers: false, delimiter, ignoreEmpty: true }));
  input.on('error', (err) => parser.destroy(err));
  let rowsSeen = 0;
  try {
    for await (const row of parser as AsyncIterable<string[]>) {
      rowsSeen++;
      yield row;
    }
  } catch (cause) {
    throw malformed(name, module, cause, rowsSeen + 1);
  } finally {
    input.destroy();
    parser.destroy();
  }
}

function malformed(file: string, module: string, cause: unknown, row?: number): FormatError {
  const detail = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
  return new FormatError('MALFORMED_INPUT', `the input cannot be parsed (${detail})`, {
    module,
    location: { file, ...(row !== undefined ? { row } : {}) },
    hint: 'check for an unterminated quote or a truncated/corrupt (gzip) file near that row',
    cause,
  });
}

const HEADERLESS_DEFAULT: ColumnMapping = Object.freeze({ sender: 0, recipients: 1, timestamp: 2 });

/**
 * Reads a CSV/TSV message log as a stream of {@link Message}s.
 *
 * @param source - a file path (`.gz` is decompressed), URL, Node stream, or `{ text }`
 * @returns a {@link MessageLog}; its `stats` are complete once iterated
 * @throws FormatError (`FILE_NOT_FOUND`, `EMPTY_INPUT`, `MISSING_HEADER`, `MALFORMED_INPUT`) at iteration;
 *   InputError for the first bad row in strict mode
 * @example
 * const log = readCsv({ text: 'from,to,date\nada@x.org,bob@x.org,2024-01-02 10:00:00\n' });
 * for await (const m of log) console.log(m.sender, m.recipients); // ada@x.org [ 'bob@x.org' ]
 * log.stats; // { read: 1, accepted: 1, rejected: 0, messages: 1, ... }
 */
export function readCsv(source: LogSource, options: CsvReadOptions = {}): MessageLog {
  const layoutOption = options.layout ?? CSV_DEFAULTS.layout;
  if (!['auto', 'message', 'recipient'].includes(layoutOption)) {
    throw new OptionError("`layout` must be one of 'auto', 'message', 'recipient'", {
      module: MODULE,
      got: layoutOption,
    });
  }
  const name = sourceName(source);
  const producer = (ctx: ReadContext) => produce(source, name, options, ctx);
  return new MessageLog(MODULE, 'csv', name, options, producer, isReiterable(source));
}

async function* produce(
  source: LogSource,
  name: string,
  options: CsvReadOptions,
  ctx: ReadContext,
): AsyncGenerator<Message> {
  const hasHeader = options.headers ?? CSV_DEFAULTS.headers;
  let delimiter = ',';
  const rows = csvRows(source, { delimiter: options.delimiter ?? 'auto', onDelimiter: (d) => (delimiter = d) });
  let converter: RecordConverter | undefined;
  let columns = new Map<MessageField, number>();
  let width = -1;
  let layout: 'message' | 'recipient' = 'message';
  let rowNumber = 0;
  let pending: { key: string; message: Message } | undefined;

  const setup = (headers: string[] | undefined) => {
    converter = new RecordConverter(options, delimiter === ';' ? ',' : ';');
    if (headers) {
      const resolved = resolveColumns(headers, options.columns, MODULE);
      columns = resolved.columns;
      width = headers.length;
      if (resolved.unmapped.length > 0) ctx.note(`columns not used: ${resolved.unmapped.join(', ')}`);
      if (!columns.has('sender')) {
        throw new FormatError('MISSING_HEADER', 'no sender column found in the header', {
          module: MODULE,
          location: { file: name, row: 0 },
          got: headers.slice(0, 12),
          hint: 'map it with `columns: { sender: "<column>" }`, or pass `headers: false` if the file has no header row',
        });
      }
    } else {
      columns = resolveColumns([], options.columns ?? HEADERLESS_DEFAULT, MODULE).columns;
    }
    layout = options.layout === 'message' || options.layout === 'recipient' ? options.layout : 'message';
    if ((options.layout ?? 'auto') === 'auto' && columns.has('recipientType')) layout = 'recipient';
    ctx.note(`delimiter ${JSON.stringify(delimiter)}, layout ${layout}`);
  };

  const flush = function* () {
    if (pending) {
      ctx.emit();
      yield pending.message;
      pending = undefined;
    }
  };

  for await (const row of rows) {
    if (!converter) {
      if (hasHeader) {
        setup(row.map((h) => h.replace(/^\uFEFF/, '').trim()));
        continue;
      }
      setup(undefined);
    }
    rowNumber++;
    if (width >= 0 && row.length > width) {
      ctx.reject(
        rowNumber,
        'INVALID_INPUT',
        `the row has ${row.length} cells but the header has ${width}`,
        row.join(delimiter),
        undefined,
        'quote cells that contain the delimiter, or check the delimiter option',
      );
      continue;
    }
    const get = (field: MessageField) => {
      const i = columns.get(field);
      return i === undefined ? undefined : row[i];
    };
    const result = (converter as RecordConverter).convert(get, `${name}#${rowNumber}`);
    if (isProblem(result)) {
      ctx.reject(rowNumber, result.code, result.reason, row.join(delimiter), result.field);
      continue;
    }
    if (layout === 'message') {
      ctx.accept();
      ctx.emit();
      yield result;
      continue;
    }
    // per-recipient layout: route this row's recipient(s) by recipient type, then group
    const typeRaw = (get('recipientType') ?? 'to').trim().toLowerCase();
    if (typeRaw !== 'to' && typeRaw !== 'cc' && typeRaw !== 'bcc' && typeRaw !== '') {
      ctx.reject(
        rowNumber,
        'INVALID_FIELD',
        '`recipientType` must be to, cc or bcc',
        row.join(delimiter),
        'recipientType',
      );
      continue;
    }
    ctx.accept();
    const key = columns.has('id') ? `id\u0000${result.id}` : `st\u0000${result.sender}\u0000${get('timestamp') ?? ''}`;
    if (pending && pending.key !== key) yield* flush();
    if (!pending) {
      const message: Message = { ...result, recipients: [], cc: [] };
      if (!columns.has('id')) message.id = `${name}#${rowNumber}`;
      delete message.bcc;
      pending = { key, message };
    }
    const target = pending.message;
    if (typeRaw === 'bcc' && !target.bcc) target.bcc = [];
    const list = typeRaw === 'cc' ? target.cc : typeRaw === 'bcc' ? (target.bcc as string[]) : target.recipients;
    for (const r of result.recipients) if (!list.includes(r)) list.push(r);
    for (const r of result.cc) if (!target.cc.includes(r)) target.cc.push(r);
    for (const m of result.mentions) if (!target.mentions.includes(m)) target.mentions.push(m);
  }
  if (!converter && hasHeader) {
    ctx.note('the input has a header but no data rows');
  }
  yield* flush();
}
