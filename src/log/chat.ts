/**
 * Chat logs in text form, as IRC clients and archives write them:
 *
 *     [14:02] <alice> anyone know how to mount an ISO?
 *     [14:03] <bob> alice: sudo mount -o loop file.iso /mnt
 *     [14:03] * carol waves
 *     === dave [~dave@host] has joined #ubuntu
 *
 * Each `<nick> text` (or `* nick action`) line is a message; `===` lines (joins, parts, nick changes) are
 * system lines, accepted and skipped (`skipped.system`), though a join makes the nick known. Timestamps
 * combine `[hh:mm]` or `[hh:mm:ss]` with the date in the file name (`2016-12-20_06.raw.txt`) or the `date`
 * option; a clock that goes backwards moves to the next day. Without a date, messages have no timestamp.
 *
 * Reply links are inferred, since text chat has none:
 * 1. **addressed**: a message that starts with a known nick followed by `:` or `,` (`bob: try this`) replies
 *    to that person's latest message, and that person is its recipient;
 * 2. **answer back** (`inferReplies: 'addressed+back'`, the default): an unaddressed message by B right
 *    after A addressed B (within `backWindow` lines) replies to A's message.
 * How good this is, measured against the human annotations of Kummerfeld et al. (2019) on the shared
 * #ubuntu logs, is in docs/readers.md (precision and recall of reply links) and is checked by a test.
 *
 * Accounting: a record is a non-blank line. A line that is neither a message nor a system line is
 * rejected (`INVALID_INPUT`).
 *
 * @module
 */

import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { FormatError, OptionError, PracticeGraphError } from '../errors.js';
import { createIdentityResolver, type IdentityOptions } from './identity.js';
import type { Message } from './message.js';
import { isReiterable, MessageLog, type ReadContext, type ReaderOptions } from './message-log.js';
import { type LogSource, openSource, sourceName } from './source.js';
import { createTimestampParser, type TimestampOptions } from './timestamp.js';

const MODULE = 'log/chat';

/** Reply inference of {@link readChatLog}. */
export type ReplyInference = 'none' | 'addressed' | 'addressed+back';

/** Options of {@link readChatLog}. */
export interface ChatReadOptions extends ReaderOptions, IdentityOptions, TimestampOptions {
  /** Date of the log (`YYYY-MM-DD`); default: the first such date in the file name. */
  date?: string;
  /** `channel` of every message. */
  channel?: string;
  /** How reply links are inferred. Default `'addressed+back'`. */
  inferReplies?: ReplyInference;
  /** Lines within which an unaddressed message answers back to whoever addressed its author. Default 10. */
  backWindow?: number;
  /** Keep the message text in `text`. Default `true` (chat lines are short). */
  text?: boolean;
}

/** Defaults of {@link ChatReadOptions}. */
export const CHAT_DEFAULTS = Object.freeze({
  inferReplies: 'addressed+back' as ReplyInference,
  backWindow: 10,
  text: true,
});

/** `[hh:mm]` or `[hh:mm:ss]` then `<nick> text` or `* nick text`. */
const LINE = /^\[(\d{1,2}):(\d{2})(?::(\d{2}))?\]\s+(?:<([^>\s]+)>|\*\s+(\S+))\s?(.*)$/;
const SYSTEM = /^(?:\[\d{1,2}:\d{2}(?::\d{2})?\]\s+)?(?:===|-!-|\*\*\*)\s*(.*)$/;
const JOINED = /^(\S+)\s.*\bhas joined\b/;
const RENAMED = /^(\S+) is now known as (\S+)/;
/** A leading addressee: `nick:` / `nick,` (also `nick>` and `@nick`). */
const ADDRESS = /^@?([^\s:,>]+)\s*[:,>](?:\s|$)/;

/** Whether text looks like a chat log of this format (used by format detection). */
export function looksLikeChatLog(head: string): boolean {
  const lines = head
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  if (lines.length === 0) return false;
  const hits = lines.filter((l) => LINE.test(l) || /^===\s/.test(l)).length;
  return hits >= Math.max(1, Math.ceil(lines.length * 0.8));
}

/**
 * Reads a text chat log as messages with inferred reply links.
 *
 * @throws FormatError `FILE_NOT_FOUND`, `EMPTY_INPUT`, `MALFORMED_INPUT`; InputError in strict mode
 * @example
 * const log = readChatLog('2016-12-20_06.raw.txt', { channel: '#ubuntu' });
 * for await (const m of log) if (m.replyTo) console.log(m.sender, '→', m.recipients[0]);
 */
export function readChatLog(source: LogSource, options: ChatReadOptions = {}): MessageLog {
  const infer = options.inferReplies ?? CHAT_DEFAULTS.inferReplies;
  if (!['none', 'addressed', 'addressed+back'].includes(infer)) {
    throw new OptionError("`inferReplies` must be 'none', 'addressed' or 'addressed+back'", {
      module: MODULE,
      got: infer,
    });
  }
  const backWindow = options.backWindow ?? CHAT_DEFAULTS.backWindow;
  if (!Number.isInteger(backWindow) || backWindow < 0) {
    throw new OptionError('`backWindow` must be an integer ≥ 0', { module: MODULE, got: backWindow });
  }
  const name = sourceName(source);
  const date = options.date ?? /(\d{4}-\d{2}-\d{2})/.exec(basename(name))?.[1];
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new OptionError('`date` must be YYYY-MM-DD', { module: MODULE, got: date });
  }
  const producer = (ctx: ReadContext) => produce(source, name, options, infer, backWindow, date, ctx);
  return new MessageLog(MODULE, 'chat', name, options, producer, isReiterable(source));
}

async function* produce(
  source: LogSource,
  name: string,
  options: ChatReadOptions,
  infer: ReplyInference,
  backWindow: number,
  date: string | undefined,
  ctx: ReadContext,
): AsyncGenerator<Message[]> {
  const resolve = createIdentityResolver(options);
  const parseTime = createTimestampParser(options);
  const keepText = options.text ?? CHAT_DEFAULTS.text;
  const { stream } = openSource(source, MODULE);
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  /** nick (lower-cased) → id of the nick's latest message ('' when only seen joining). */
  const latest = new Map<string, string>();
  /** person → the latest message that addressed them, with its line. */
  const addressedBy = new Map<string, { id: string; sender: string; line: number }>();
  let lineNo = 0;
  let records = 0;
  let dayOffset = 0;
  let lastMinute = -1;
  let out: Message[] = [];
  try {
    for await (const raw of lines) {
      lineNo++;
      const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (line.trim() === '') continue;
      records++;
      const m = LINE.exec(line);
      if (!m) {
        const system = SYSTEM.exec(line);
        if (system) {
          ctx.accept();
          ctx.skip('system');
          const body = system[1] ?? '';
          const joined = JOINED.exec(body);
          if (joined)
            latest.set((joined[1] as string).toLowerCase(), latest.get((joined[1] as string).toLowerCase()) ?? '');
          const renamed = RENAMED.exec(body);
          if (renamed)
            latest.set((renamed[2] as string).toLowerCase(), latest.get((renamed[1] as string).toLowerCase()) ?? '');
          continue;
        }
        ctx.reject(
          lineNo,
          'INVALID_INPUT',
          'the line is not `[hh:mm] <nick> text`, `* nick action` or a `===` system line',
          line,
        );
        continue;
      }
      const [, hh, mm, ss, nick, actor, rest] = m;
      const hour = Number(hh);
      const minute = Number(mm);
      if (hour > 23 || minute > 59 || Number(ss ?? 0) > 59) {
        ctx.reject(lineNo, 'INVALID_TIMESTAMP', 'the time is not a valid hh:mm[:ss]', line, 'timestamp');
        continue;
      }
      const sender = resolve((nick ?? actor) as string);
      const text = rest ?? '';
      const id = `${name}#${lineNo}`;
      const message: Message = { id, sender, recipients: [], cc: [], mentions: [] };
      if (date !== undefined) {
        const minuteOfDay = hour * 60 + minute;
        if (minuteOfDay < lastMinute) dayOffset++;
        lastMinute = minuteOfDay;
        const base = parseTime(`${date} ${hh?.padStart(2, '0')}:${mm}:${ss ?? '00'}`);
        if (base !== undefined) message.timestamp = base + dayOffset * 86_400_000;
      }
      if (options.channel) message.channel = options.channel;
      if (keepText) message.text = text;
      const key = sender.toLowerCase();
      if (infer !== 'none' && nick !== undefined) {
        const target = ADDRESS.exec(text)?.[1];
        const targetKey = target?.toLowerCase();
        if (targetKey !== undefined && targetKey !== key && latest.has(targetKey)) {
          const person = resolve(target as string);
          message.recipients.push(person);
          const parent = latest.get(targetKey);
          if (parent) message.replyTo = parent;
          addressedBy.set(targetKey, { id, sender, line: lineNo });
        } else if (infer === 'addressed+back') {
          const by = addressedBy.get(key);
          if (by && lineNo - by.line <= backWindow && by.sender !== sender) {
            message.recipients.push(by.sender);
            message.replyTo = by.id;
            addressedBy.delete(key);
          }
        }
      }
      latest.set(key, id);
      ctx.accept();
      ctx.emit();
      out.push(message);
      if (out.length >= 1024) {
        yield out;
        out = [];
      }
    }
  } catch (cause) {
    if (cause instanceof PracticeGraphError) throw cause;
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new FormatError('MALFORMED_INPUT', `the input cannot be read (${detail})`, {
      module: MODULE,
      location: { file: name, row: lineNo },
      hint: 'the file is probably truncated or a broken gzip',
      cause,
    });
  }
  if (records === 0) {
    throw new FormatError('EMPTY_INPUT', 'the chat log is empty', { module: MODULE, location: { file: name } });
  }
  if (date === undefined) ctx.note('no date in the file name nor `date` option: messages have no timestamp');
  if (out.length > 0) yield out;
}
