/**
 * Field mapping and record validation shared by the tabular readers (CSV, NDJSON, JSON).
 *
 * A record is turned into a {@link Message} field by field; the first invalid field rejects the record
 * with a reason saying what was expected. Header names are matched case- and punctuation-insensitively
 * against common spellings (`From`, `sender`, `author`, `src` → sender; ...), and an explicit mapping
 * always wins.
 *
 * @module
 */

import type { ErrorCode } from '../errors.js';
import { OptionError } from '../errors.js';
import { createIdentityResolver, type IdentityOptions, type IdentityResolver } from './identity.js';
import { MESSAGE_FIELDS, MESSAGE_KINDS, type Message, type MessageField, type MessageKind } from './message.js';
import { createTimestampParser, type TimestampOptions, type TimestampParser } from './timestamp.js';

/** Maps message fields to column names (or 0-based column indexes for headerless files / keys for JSON). */
export type ColumnMapping = Partial<Record<MessageField, string | number>>;

/** Common header spellings per field (compared after lower-casing and dropping non-alphanumerics). */
export const HEADER_ALIASES: Readonly<Record<MessageField, readonly string[]>> = Object.freeze({
  id: ['id', 'messageid', 'msgid', 'mid', 'postid'],
  timestamp: [
    'timestamp',
    'time',
    'date',
    'datetime',
    'sent',
    'sentat',
    'senttime',
    'created',
    'createdat',
    'ts',
    'unixts',
  ],
  sender: [
    'sender',
    'from',
    'author',
    'source',
    'src',
    'fromemail',
    'senderid',
    'senderemail',
    'user',
    'userid',
    'nick',
  ],
  recipients: ['recipients', 'recipient', 'to', 'target', 'dst', 'toemail', 'receiver', 'receivers', 'recipientid'],
  cc: ['cc'],
  bcc: ['bcc'],
  channel: ['channel', 'list', 'mailinglist', 'listid', 'room', 'forum', 'site', 'channelname'],
  threadId: ['thread', 'threadid', 'conversation', 'conversationid', 'threadts', 'topicid'],
  replyTo: ['replyto', 'inreplyto', 'parent', 'parentid', 'replytoid'],
  mentions: ['mentions', 'mention', 'mentioned'],
  subject: ['subject', 'title'],
  text: ['text', 'body', 'content', 'message'],
  tags: ['tags', 'tag', 'topics', 'topic', 'labels'],
  kind: ['kind', 'messagekind', 'messagetype', 'posttype'],
  weight: ['weight', 'count', 'interactions'],
  recipientType: ['reciptype', 'recipienttype', 'rtype', 'recipientkind', 'addresstype'],
});

const canonical = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Resolves which column index feeds each field. */
export function resolveColumns(
  headers: readonly string[],
  mapping: ColumnMapping | undefined,
  module: string,
): { columns: Map<MessageField, number>; unmapped: string[] } {
  const columns = new Map<MessageField, number>();
  const byName = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!byName.has(h)) byName.set(h, i);
  });
  const byCanonical = new Map<string, number>();
  headers.forEach((h, i) => {
    const c = canonical(h);
    if (c && !byCanonical.has(c)) byCanonical.set(c, i);
  });
  for (const [field, column] of Object.entries(mapping ?? {}) as [MessageField, string | number][]) {
    if (!MESSAGE_FIELDS.includes(field)) {
      throw new OptionError(`unknown message field \`${field}\` in \`columns\``, {
        module,
        got: field,
        hint: `fields are ${MESSAGE_FIELDS.join(', ')}`,
      });
    }
    if (typeof column === 'number') {
      if (!Number.isInteger(column) || column < 0) {
        throw new OptionError(`column index for \`${field}\` must be an integer ≥ 0`, { module, got: column });
      }
      columns.set(field, column);
      continue;
    }
    const index = byName.get(column) ?? byCanonical.get(canonical(column));
    if (index === undefined) {
      throw new OptionError(`column \`${column}\` mapped to \`${field}\` is not in the header`, {
        module,
        got: headers.slice(0, 20),
        hint: 'check the spelling against the header line',
      });
    }
    columns.set(field, index);
  }
  const taken = new Set(columns.values());
  for (const field of MESSAGE_FIELDS) {
    if (columns.has(field)) continue;
    for (const alias of HEADER_ALIASES[field]) {
      const index = byCanonical.get(alias);
      if (index !== undefined && !taken.has(index)) {
        columns.set(field, index);
        taken.add(index);
        break;
      }
    }
  }
  const unmapped = headers.filter((_, i) => !taken.has(i));
  return { columns, unmapped };
}

/** Options for turning records into messages. */
export interface RecordOptions extends IdentityOptions, TimestampOptions {
  /**
   * Separator of multi-valued cells (recipients, cc, bcc, mentions, tags). Default `';'`
   * (`','` when the CSV delimiter is `';'`). A RegExp is allowed.
   */
  listSeparator?: string | RegExp;
  /** Longest accepted field in characters. */
  maxFieldLength?: number;
}

/** A failed field: the record is rejected with this. */
export interface FieldProblem {
  field: string;
  code: ErrorCode;
  reason: string;
}

/** Raw value of a field as found in a record. */
export type RawValue = string | number | boolean | null | undefined | readonly unknown[] | object;

/** Converts field values of one record into a message, or a problem. Shared by all tabular readers. */
export class RecordConverter {
  readonly resolve: IdentityResolver;
  readonly parseTime: TimestampParser;
  private readonly separator: string | RegExp;
  private readonly maxFieldLength: number;

  constructor(options: RecordOptions, defaultSeparator: string | RegExp = ';') {
    this.resolve = createIdentityResolver(options);
    this.parseTime = createTimestampParser(options);
    this.separator = options.listSeparator ?? defaultSeparator;
    this.maxFieldLength = options.maxFieldLength ?? 1 << 20;
  }

  private text(field: string, value: RawValue): string | FieldProblem | undefined {
    if (value === null || value === undefined) return undefined;
    if (typeof value === 'object') {
      return { field, code: 'INVALID_FIELD', reason: `\`${field}\` must be a string or number` };
    }
    const s = typeof value === 'string' ? value : String(value);
    if (s.length > this.maxFieldLength) {
      return {
        field,
        code: 'INVALID_FIELD',
        reason: `\`${field}\` is ${s.length} characters long, more than \`maxFieldLength\` (${this.maxFieldLength})`,
      };
    }
    return s;
  }

  /** Splits and normalises a list field; `undefined`/empty give `[]`. */
  list(field: string, value: RawValue): string[] | FieldProblem {
    if (value === null || value === undefined || value === '') return [];
    const parts: unknown[] = Array.isArray(value) ? value : [value];
    const out: string[] = [];
    for (const part of parts) {
      const s = this.text(field, part as RawValue);
      if (s === undefined) continue;
      if (typeof s !== 'string') return s;
      const pieces = Array.isArray(value) ? [s] : s.split(this.separator);
      for (const piece of pieces) {
        const id = this.resolve(piece);
        if (id !== '' && !out.includes(id)) out.push(id);
      }
    }
    return out;
  }

  /**
   * Builds a message from a field getter. `fallbackId` is used when the record has no id.
   * Returns the message or the first problem found.
   */
  convert(get: (field: MessageField) => RawValue, fallbackId: string): Message | FieldProblem {
    const senderRaw = this.text('sender', get('sender'));
    if (senderRaw !== undefined && typeof senderRaw !== 'string') return senderRaw;
    const sender = senderRaw === undefined ? '' : this.resolve(senderRaw);
    if (sender === '') return { field: 'sender', code: 'MISSING_FIELD', reason: 'the sender is missing or blank' };

    const recipients = this.list('recipients', get('recipients'));
    if (!Array.isArray(recipients)) return recipients;
    const cc = this.list('cc', get('cc'));
    if (!Array.isArray(cc)) return cc;
    const mentions = this.list('mentions', get('mentions'));
    if (!Array.isArray(mentions)) return mentions;
    const message: Message = { id: fallbackId, sender, recipients, cc, mentions };

    const bccRaw = get('bcc');
    if (bccRaw !== undefined) {
      const bcc = this.list('bcc', bccRaw);
      if (!Array.isArray(bcc)) return bcc;
      if (bcc.length > 0) message.bcc = bcc;
    }
    const tagsRaw = get('tags');
    if (tagsRaw !== undefined) {
      const tags = this.list('tags', tagsRaw);
      if (!Array.isArray(tags)) return tags;
      if (tags.length > 0) message.tags = tags.map((t) => t.toLowerCase());
    }

    const id = this.text('id', get('id'));
    if (id !== undefined && typeof id !== 'string') return id;
    if (id !== undefined && id.trim() !== '') message.id = id.trim();

    const tsRaw = get('timestamp');
    if (tsRaw !== undefined && tsRaw !== null && tsRaw !== '') {
      const ts =
        typeof tsRaw === 'number'
          ? this.parseTime(String(tsRaw))
          : typeof tsRaw === 'string'
            ? this.parseTime(tsRaw)
            : undefined;
      if (ts === undefined || !Number.isFinite(ts)) {
        return {
          field: 'timestamp',
          code: 'INVALID_TIMESTAMP',
          reason: 'the timestamp is not ISO 8601, `YYYY-MM-DD HH:MM:SS`, epoch seconds/ms or an RFC 5322 date',
        };
      }
      message.timestamp = ts;
    }

    for (const field of ['channel', 'threadId', 'replyTo', 'subject', 'text'] as const) {
      const v = this.text(field, get(field));
      if (v !== undefined && typeof v !== 'string') return v;
      if (v === undefined || v === '') continue;
      message[field] = field === 'text' || field === 'subject' ? v : v.trim();
    }

    const kindRaw = this.text('kind', get('kind'));
    if (kindRaw !== undefined && typeof kindRaw !== 'string') return kindRaw;
    if (kindRaw) {
      const kind = kindRaw.trim().toLowerCase() as MessageKind;
      if (!MESSAGE_KINDS.includes(kind)) {
        return { field: 'kind', code: 'INVALID_FIELD', reason: `\`kind\` must be one of ${MESSAGE_KINDS.join(', ')}` };
      }
      message.kind = kind;
    }

    const weightRaw = get('weight');
    if (weightRaw !== undefined && weightRaw !== null && weightRaw !== '') {
      const w = typeof weightRaw === 'number' ? weightRaw : Number(weightRaw);
      if (!Number.isFinite(w) || w <= 0) {
        return { field: 'weight', code: 'INVALID_FIELD', reason: '`weight` must be a finite number > 0' };
      }
      message.weight = w;
    }
    return message;
  }
}

/** Type guard for {@link FieldProblem}. */
export function isProblem(value: unknown): value is FieldProblem {
  return typeof value === 'object' && value !== null && 'code' in value && 'reason' in value && 'field' in value;
}
