/**
 * Durations and instants as options: `'30d'`, `'2w'`, `'12h'`, `'90m'`, `'45s'` or milliseconds; instants as
 * UTC ms, `Date` or ISO 8601 text.
 *
 * @module
 */

import { OptionError } from './errors.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** A duration: milliseconds or text such as `'30d'`. */
export type Duration = number | string;

/** An instant: UTC milliseconds, a Date or ISO 8601 text. */
export type Instant = number | string | Date;

/**
 * Parses a duration to milliseconds (> 0).
 *
 * @example
 * parseDuration('30d'); // 2592000000
 */
export function parseDuration(value: Duration, name = 'window', module = 'graph'): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value > 0) return value;
  } else if (typeof value === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*$/i.exec(value);
    if (m) {
      const ms = Number(m[1]) * (UNITS[(m[2] as string).toLowerCase()] as number);
      if (ms > 0) return ms;
    }
  }
  throw new OptionError(`\`${name}\` must be a positive duration such as '30d', '2w', '12h' or milliseconds`, {
    module,
    got: value,
  });
}

/** Parses an instant to UTC milliseconds. */
export function parseInstant(value: Instant, name: string, module = 'graph'): number {
  let ms: number;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = value;
  else if (typeof value === 'string') {
    const t = value.trim();
    ms = /^\d{4}-\d{2}-\d{2}$/.test(t) ? Date.parse(`${t}T00:00:00Z`) : Date.parse(t);
  } else ms = Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new OptionError(`\`${name}\` must be a date (UTC ms, Date or ISO 8601 text)`, { module, got: value });
  }
  return ms;
}
