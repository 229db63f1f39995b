/**
 * `readLog`: open any supported log, picking the reader by format auto-detection unless `format` says
 * which. Detection looks at, in order: the folder layout (a Slack export folder; a Stack Exchange dump
 * folder), the magic bytes (ZIP → Slack export; gzip is looked through), the file extension (`.mbox`,
 * `.eml`, `.xml`, `.ndjson`, `.json`, `.csv`, `.txt`), and the content (an mbox `From ` line or RFC 5322
 * headers, a `<posts>` table, a Viva Insights header, `[hh:mm] <nick>` chat lines, JSON, delimited text).
 *
 * @module
 */

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { FormatError } from '../errors.js';
import { type ChatReadOptions, looksLikeChatLog, readChatLog } from './chat.js';
import { type CsvReadOptions, readCsv } from './csv.js';
import { type JsonArrayReadOptions, readJson, readNdjson } from './json.js';
import { type MboxReadOptions, readMbox } from './mail/mbox.js';
import type { MessageLog } from './message-log.js';
import { isExportFolder } from './slack/export-files.js';
import { readSlackExport, type SlackReadOptions } from './slack/read.js';
import { checkFile, type LogSource } from './source.js';
import { locateStackExchangeDump, readStackExchange, type StackExchangeReadOptions } from './stackexchange/read.js';
import { isVivaP2PHeader, readVivaP2P, type VivaReadOptions } from './viva.js';

/** Formats `readLog` knows. */
export type LogFormat = 'csv' | 'ndjson' | 'json' | 'mbox' | 'slack' | 'stackexchange' | 'viva' | 'chat';

/** The formats of {@link LogFormat}. */
export const LOG_FORMATS: readonly LogFormat[] = Object.freeze([
  'csv',
  'ndjson',
  'json',
  'mbox',
  'slack',
  'stackexchange',
  'viva',
  'chat',
]);

/** Options of {@link readLog}: the union of every reader's options, plus `format`. */
export interface ReadLogOptions
  extends CsvReadOptions,
    JsonArrayReadOptions,
    Omit<MboxReadOptions, keyof CsvReadOptions>,
    Omit<SlackReadOptions, keyof CsvReadOptions>,
    Omit<StackExchangeReadOptions, keyof CsvReadOptions>,
    Omit<VivaReadOptions, keyof CsvReadOptions>,
    Omit<ChatReadOptions, keyof CsvReadOptions> {
  /** Reader to use; `'auto'` (default) detects it. */
  format?: LogFormat | 'auto';
}

function headBytes(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function head(path: string): string {
  let bytes = headBytes(path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { finishFlush: 2 /* Z_SYNC_FLUSH: accept a truncated prefix */ });
    } catch {
      return '';
    }
  }
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

const HEADER_LINE = /^[!-9;-~]+:[ \t]/;
const MAIL_HEADERS = /^(from|received|return-path|message-id|date|to|subject|delivered-to|mime-version):/im;

/**
 * Detects a format from the first bytes of a text (decompressed), or returns `undefined`.
 * Used for files whose extension says nothing and for `{ text }` sources.
 */
export function detectFormatFromText(text: string): LogFormat | undefined {
  const t = text.replace(/^\uFEFF/, '');
  const trimmed = t.trimStart();
  if (/^From \S+/.test(t) && HEADER_LINE.test(t.split('\n', 2)[1] ?? '')) return 'mbox';
  const lines = t.split(/\r?\n/, 8).filter((l) => l !== '');
  if (
    lines.length > 0 &&
    HEADER_LINE.test(lines[0] as string) &&
    MAIL_HEADERS.test(t.slice(0, 4096)) &&
    !lines[0]?.includes(',')
  ) {
    return 'mbox';
  }
  if (trimmed.startsWith('<')) return /<posts[\s>]/.test(trimmed.slice(0, 4096)) ? 'stackexchange' : undefined;
  if (trimmed.startsWith('[') && !/^\[\d{1,2}:\d{2}/.test(trimmed)) return 'json';
  if (trimmed.startsWith('{')) return 'ndjson';
  if (looksLikeChatLog(t)) return 'chat';
  const firstLine = t.split('\n', 1)[0] ?? '';
  if (isVivaP2PHeader(firstLine)) return 'viva';
  if (trimmed.length > 0 && /[,;\t]/.test(firstLine)) return 'csv';
  return undefined;
}

/**
 * Detects the format of a file from its name, then its first bytes.
 *
 * @throws FormatError `UNKNOWN_FORMAT` when nothing matches
 */
export function detectFormat(path: string): LogFormat {
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    checkFile(path, 'log/read');
  }
  if (isDir) {
    if (isExportFolder(path)) return 'slack';
    try {
      locateStackExchangeDump(path);
      return 'stackexchange';
    } catch {
      throw unknown(
        path,
        'the folder is neither a Slack export (users.json, channels.json) nor a Stack Exchange dump (Posts.xml)',
      );
    }
  }
  checkFile(path, 'log/read');
  const magic = headBytes(path).subarray(0, 4);
  if (magic[0] === 0x50 && magic[1] === 0x4b && magic[2] === 0x03 && magic[3] === 0x04) return 'slack';
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (/\.zip$/.test(name)) return 'slack';
  if (/\.(mbox|mbx|eml|mbs)$/.test(name)) return 'mbox';
  if (/\.xml$/.test(name)) return 'stackexchange';
  if (/\.(ndjson|jsonl)$/.test(name)) return 'ndjson';
  if (/\.json$/.test(name)) return 'json';
  const text = head(path);
  if (/\.(csv|tsv|tab|edges?)$/.test(name)) return isVivaP2PHeader(text.split('\n', 1)[0] ?? '') ? 'viva' : 'csv';
  const detected = detectFormatFromText(text);
  if (detected) return detected;
  // text edge lists (SNAP's `u v t`) have no delimiter the content test knows
  if (/\.(txt|log|dat)$/.test(name) && text.trim() !== '') return 'csv';
  throw unknown(path, 'cannot tell the format of the input');
}

function unknown(path: string, what: string): FormatError {
  return new FormatError('UNKNOWN_FORMAT', what, {
    module: 'log/read',
    location: { file: path },
    hint: `pass \`format\` (one of ${LOG_FORMATS.join(', ')})`,
  });
}

function pathOf(source: LogSource, format: LogFormat): string {
  if (typeof source === 'string') return source;
  if (source instanceof URL && source.protocol === 'file:') return fileURLToPath(source);
  throw new FormatError('INVALID_INPUT', `the ${format} reader needs a path (a ZIP or a folder)`, {
    module: 'log/read',
    hint: 'pass the path of the export instead of a stream',
  });
}

/**
 * Opens a message log of any supported format.
 *
 * @example
 * const log = readLog('export.csv.gz');
 * log.format; // 'csv'
 */
export function readLog(source: LogSource, options: ReadLogOptions = {}): MessageLog {
  let format = options.format ?? 'auto';
  if (format === 'auto') {
    if (typeof source === 'string') format = detectFormat(source);
    else if (typeof source === 'object' && 'text' in source) {
      format = detectFormatFromText(source.text.slice(0, 65536)) ?? 'csv';
    } else {
      throw new FormatError('UNKNOWN_FORMAT', 'cannot detect the format of a stream', {
        module: 'log/read',
        hint: 'pass `format`',
      });
    }
  }
  switch (format) {
    case 'csv':
      return readCsv(source, options);
    case 'ndjson':
      return readNdjson(source, options);
    case 'json':
      return readJson(source, options);
    case 'mbox':
      return readMbox(source, options);
    case 'viva':
      return readVivaP2P(source, options);
    case 'chat':
      return readChatLog(source, options);
    case 'slack':
      return readSlackExport(pathOf(source, format), options);
    case 'stackexchange':
      return typeof source === 'string'
        ? readStackExchange(source, options)
        : readStackExchange({ posts: source }, options);
    default:
      throw new FormatError('UNKNOWN_FORMAT', 'unknown `format`', {
        module: 'log/read',
        got: format,
        hint: `use one of ${LOG_FORMATS.join(', ')} or 'auto'`,
      });
  }
}
