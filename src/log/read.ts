/**
 * `readLog`: open any supported log, picking the reader by format auto-detection (file extension, then
 * content) unless `format` says which.
 *
 * @module
 */

import { closeSync, openSync, readSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { FormatError } from '../errors.js';
import { type CsvReadOptions, readCsv } from './csv.js';
import { type JsonArrayReadOptions, readJson, readNdjson } from './json.js';
import type { MessageLog } from './message-log.js';
import { checkFile, type LogSource } from './source.js';

/** Formats `readLog` knows. */
export type LogFormat = 'csv' | 'ndjson' | 'json';

/** The formats of {@link LogFormat}. */
export const LOG_FORMATS: readonly LogFormat[] = Object.freeze(['csv', 'ndjson', 'json']);

/** Options of {@link readLog}: the union of every reader's options, plus `format`. */
export interface ReadLogOptions extends CsvReadOptions, JsonArrayReadOptions {
  /** Reader to use; `'auto'` (default) detects it. */
  format?: LogFormat | 'auto';
}

function head(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    let bytes = buf.subarray(0, n);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      try {
        bytes = gunzipSync(bytes, { finishFlush: 2 /* Z_SYNC_FLUSH: accept a truncated prefix */ });
      } catch {
        return '';
      }
    }
    return bytes.toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    closeSync(fd);
  }
}

/**
 * Detects the format of a file from its name, then its first bytes.
 *
 * @throws FormatError `UNKNOWN_FORMAT` when nothing matches
 */
export function detectFormat(path: string): LogFormat {
  checkFile(path, 'log/read');
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (/\.(ndjson|jsonl)$/.test(name)) return 'ndjson';
  if (/\.json$/.test(name)) return 'json';
  if (/\.(csv|tsv|txt|tab|edges?)$/.test(name)) return 'csv';
  const text = head(path).trimStart();
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) return 'ndjson';
  if (text.length > 0 && /[,;\t]/.test(text.split('\n', 1)[0] ?? '')) return 'csv';
  throw new FormatError('UNKNOWN_FORMAT', 'cannot tell the format of the input', {
    module: 'log/read',
    location: { file: path },
    hint: `pass \`format\` (one of ${LOG_FORMATS.join(', ')})`,
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
      const t = source.text.trimStart();
      format = t.startsWith('[') ? 'json' : t.startsWith('{') ? 'ndjson' : 'csv';
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
    default:
      throw new FormatError('UNKNOWN_FORMAT', 'unknown `format`', {
        module: 'log/read',
        got: format,
        hint: `use one of ${LOG_FORMATS.join(', ')} or 'auto'`,
      });
  }
}
