/**
 * `MessageLog`: what every reader returns — an async iterable of messages plus its accounting.
 *
 * Readers stream: they never hold the whole log. While a log is iterated its `stats` fill in; after the
 * iteration, `stats.read === stats.accepted + stats.rejected` always holds. In strict mode the first bad
 * record throws an {@link InputError} naming file, row and field; in lenient mode (the default) bad
 * records are counted, the first `maxRejects` are kept with row, field, reason and a raw excerpt, and all
 * of them are passed to `onReject` (e.g. to write a rejects file). Nothing is dropped silently.
 *
 * @module
 */

import { type ErrorCode, InputError } from '../errors.js';
import type { IdentityOptions } from './identity.js';
import type { Message } from './message.js';
import type { LogSource } from './source.js';

/** A rejected input record. */
export interface Reject {
  /** 1-based record number (data row, line, post) in the source. */
  row: number;
  /** Field at fault, when one is. */
  field?: string;
  code: ErrorCode;
  /** Why it was rejected and what was expected. */
  reason: string;
  /** The start of the raw record (at most 200 characters). */
  raw: string;
}

/** The accounting of one read. */
export interface ReadStats {
  /** Source name (path, `<text>`, `<stream>`). */
  source: string;
  /** Reader format (`csv`, `ndjson`, `json`, ...). */
  format: string;
  /** Records read: CSV rows, NDJSON lines, JSON array items, mbox messages, posts. */
  read: number;
  /** Records accepted. */
  accepted: number;
  /** Records rejected (see `rejects`). */
  rejected: number;
  /**
   * Messages yielded. Equal to `accepted` except where several records form one message (per-recipient
   * CSV layout: one row per message and recipient) or a reader skips records on purpose (see `skipped`).
   */
  messages: number;
  /** Records accepted but deliberately not yielded as messages, by reason (bot posts, channel joins, ...). */
  skipped: Record<string, number>;
  /** The first `maxRejects` rejects. */
  rejects: Reject[];
  /** Rejects counted but not kept in `rejects` (beyond `maxRejects`). */
  rejectsOmitted: number;
  /** Notes about the input that did not reject anything (unmapped columns, detected layout, ...). */
  notes: string[];
}

/** Options every reader accepts. */
export interface ReaderOptions extends IdentityOptions {
  /** Throw on the first bad record instead of collecting rejects. Default `false`. */
  strict?: boolean;
  /** How many rejects to keep in `stats.rejects` (all are counted). Default 1000. */
  maxRejects?: number;
  /** Called with every reject, e.g. to stream them to a rejects file. */
  onReject?: (reject: Reject) => void;
  /** Longest accepted field, in characters; longer fields reject their record. Default 1,048,576. */
  maxFieldLength?: number;
}

/** Defaults of {@link ReaderOptions}. */
export const READER_DEFAULTS = Object.freeze({ strict: false, maxRejects: 1000, maxFieldLength: 1 << 20 });

/** Handed to a reader's producer: counts and rejects records. */
export class ReadContext {
  readonly stats: ReadStats;
  readonly strict: boolean;
  private readonly maxRejects: number;
  private readonly onReject: ((reject: Reject) => void) | undefined;
  private readonly module: string;

  constructor(module: string, format: string, source: string, options: ReaderOptions) {
    this.module = module;
    this.strict = options.strict ?? READER_DEFAULTS.strict;
    this.maxRejects = options.maxRejects ?? READER_DEFAULTS.maxRejects;
    this.onReject = options.onReject;
    this.stats = {
      source,
      format,
      read: 0,
      accepted: 0,
      rejected: 0,
      messages: 0,
      skipped: {},
      rejects: [],
      rejectsOmitted: 0,
      notes: [],
    };
  }

  /** Counts an accepted record. */
  accept(): void {
    this.stats.read++;
    this.stats.accepted++;
  }

  /** Counts a yielded message. */
  emit(): void {
    this.stats.messages++;
  }

  /** Counts an accepted record that is deliberately not a message (e.g. `bot`, `join`). */
  skip(reason: string): void {
    this.stats.skipped[reason] = (this.stats.skipped[reason] ?? 0) + 1;
  }

  /**
   * Counts a rejected record; in strict mode throws an {@link InputError} instead.
   *
   * @param hint - what the user can do (strict-mode error message)
   */
  reject(row: number, code: ErrorCode, reason: string, raw: unknown, field?: string, hint?: string): void {
    const rawText = typeof raw === 'string' ? raw : safeStringify(raw);
    const reject: Reject = { row, code, reason, raw: rawText.slice(0, 200), ...(field !== undefined ? { field } : {}) };
    if (this.strict) {
      throw new InputError(code, reason, {
        module: this.module,
        location: { file: this.stats.source, row, ...(field !== undefined ? { field } : {}) },
        hint: hint ?? 'fix the record, or read without `strict` to collect rejects and go on',
      });
    }
    this.stats.read++;
    this.stats.rejected++;
    if (this.stats.rejects.length < this.maxRejects) this.stats.rejects.push(reject);
    else this.stats.rejectsOmitted++;
    this.onReject?.(reject);
  }

  /** Adds a note (deduplicated). */
  note(text: string): void {
    if (!this.stats.notes.includes(text)) this.stats.notes.push(text);
  }
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Produces the messages of one read in batches, reporting to the context. */
export type Producer = (context: ReadContext) => AsyncIterable<Message[]>;

/**
 * A streaming log: iterate it once with `for await`; `stats` is complete when the iteration ends.
 * Logs read from a path or `{ text }` can be iterated again (each pass re-reads and recounts);
 * a log over a stream can be iterated once. `batches()` yields the same messages in arrays, which saves
 * an `await` per message in hot loops (the graph builder uses it).
 */
export class MessageLog implements AsyncIterable<Message> {
  /** The format that was read (`csv`, `ndjson`, ...). */
  readonly format: string;
  private context: ReadContext;
  private passes = 0;

  constructor(
    private readonly module: string,
    format: string,
    private readonly source: string,
    private readonly options: ReaderOptions,
    private readonly producer: Producer,
    private readonly reiterable: boolean,
  ) {
    this.format = format;
    this.context = new ReadContext(module, format, source, options);
  }

  /** Accounting of the current (or last) pass. */
  get stats(): ReadStats {
    return this.context.stats;
  }

  /** The messages in batches (arrays of up to a few thousand, in log order). */
  batches(): AsyncIterable<Message[]> {
    if (this.passes > 0) {
      if (!this.reiterable) {
        throw new InputError('INVALID_INPUT', 'this log reads a stream and was already consumed', {
          module: this.module,
          location: { file: this.source },
          hint: 'open the reader again on a fresh stream, or read from a path',
        });
      }
      this.context = new ReadContext(this.module, this.format, this.source, this.options);
    }
    this.passes++;
    return this.producer(this.context);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Message> {
    for await (const batch of this.batches()) yield* batch;
  }
}

/** Whether a source can be opened twice (a path, URL or in-memory text). */
export function isReiterable(source: LogSource): boolean {
  return typeof source === 'string' || source instanceof URL || (typeof source === 'object' && 'text' in source);
}

/** A source that can hand its messages over in arrays (a {@link MessageLog}, or a pipeline stage over one). */
export interface MessageBatches {
  batches(): AsyncIterable<Message[]>;
}

/** Whether a message source offers {@link MessageBatches.batches}. */
export function hasBatches(messages: unknown): messages is MessageBatches {
  return (
    typeof messages === 'object' &&
    messages !== null &&
    typeof (messages as Partial<MessageBatches>).batches === 'function'
  );
}

/**
 * Arrays of up to `size` messages from any source, in order: the source's own batches when it offers them
 * ({@link hasBatches}), else its messages gathered `size` at a time.
 */
export async function* batchesOf(
  messages: AsyncIterable<Message> | Iterable<Message>,
  size = 4096,
): AsyncGenerator<Message[]> {
  if (hasBatches(messages)) {
    yield* messages.batches();
    return;
  }
  let batch: Message[] = [];
  if (Symbol.iterator in messages) {
    for (const m of messages as Iterable<Message>) {
      batch.push(m);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
  } else {
    for await (const m of messages) {
      batch.push(m);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Calls `fn` for every message of an (async) iterable, using `batches()` when the source offers it
 * ({@link hasBatches}). Used by every consumer of messages, so that hot loops avoid an `await` per message.
 */
export async function forEachMessage(
  messages: AsyncIterable<Message> | Iterable<Message>,
  fn: (message: Message) => void,
): Promise<void> {
  if (hasBatches(messages)) {
    for await (const batch of messages.batches()) for (const m of batch) fn(m);
    return;
  }
  if (Symbol.iterator in messages) {
    for (const m of messages as Iterable<Message>) fn(m);
    return;
  }
  for await (const m of messages) fn(m);
}
