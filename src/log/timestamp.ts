/**
 * Timestamp parsing for readers: every accepted form becomes UTC milliseconds.
 *
 * Accepted forms:
 * - ISO 8601 / RFC 3339: `2024-03-01T09:30:00Z`, `2024-03-01T09:30:00.250+01:00`, `2024-03-01`;
 * - `YYYY-MM-DD HH:MM[:SS[.fff]]` (SQL / spreadsheet style);
 * - epoch seconds or milliseconds as digits (`1082008387`, `1082008387000`, `1082008387.5`).
 *   With `unit: 'auto'` a value ≥ 10^11 is read as milliseconds (10^11 s is the year 5138), else seconds;
 * - RFC 5322 dates as found in e-mail headers (`Tue, 3 Jan 2023 10:04:05 +0100`).
 *
 * A date-time without an offset is local time in the `timeZone` option (an IANA name, default `UTC`),
 * converted with the platform's time-zone data (Intl), daylight-saving transitions included.
 *
 * @module
 */

import { OptionError } from '../errors.js';

/** Options of {@link createTimestampParser}. */
export interface TimestampOptions {
  /** IANA time zone for date-times without an explicit offset. Default `'UTC'`. */
  timeZone?: string;
  /** How bare numbers are read: `'auto'` (default), `'s'` or `'ms'`. */
  unit?: 'auto' | 's' | 'ms';
}

/** Parses one timestamp cell; returns UTC ms, or `undefined` when the text is not a timestamp. */
export type TimestampParser = (text: string) => number | undefined;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/;
const NUMERIC = /^-?\d+(?:\.\d+)?$/;
const RFC5322 =
  /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([+-]\d{4})|(UT|UTC|GMT|Z|[A-Z]{3}))?(?:\s*\(.*\))?\s*$/;
const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};
// RFC 5322 §4.3 obsolete zone names
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -5,
  EDT: -4,
  CST: -6,
  CDT: -5,
  MST: -7,
  MDT: -6,
  PST: -8,
  PDT: -7,
};

function offsetMinutes(zone: string): number {
  if (zone === 'Z' || zone === 'z' || zone === 'UTC' || zone === 'GMT') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const m = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (h * 60 + m);
}

/**
 * Returns a function giving the offset (minutes east of UTC) of `timeZone` at a UTC instant, with a cache
 * per hour since DST transitions happen on hour boundaries in every current zone.
 */
function zoneOffsetFn(timeZone: string): (utcMs: number) => number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch (cause) {
    throw new OptionError('`timeZone` must be an IANA time zone name such as "Europe/Paris"', {
      module: 'log/timestamp',
      got: timeZone,
      cause,
    });
  }
  const cache = new Map<number, number>();
  return (utcMs) => {
    const hour = Math.floor(utcMs / 3_600_000);
    const hit = cache.get(hour);
    if (hit !== undefined) return hit;
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(new Date(hour * 3_600_000))) {
      if (p.type !== 'literal') parts[p.type] = Number(p.value);
    }
    const asUtc = Date.UTC(
      parts.year ?? 1970,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
    );
    const off = Math.round((asUtc - hour * 3_600_000) / 60_000);
    if (cache.size > 100_000) cache.clear();
    cache.set(hour, off);
    return off;
  };
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(text: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

const fastResult = { wall: 0, zone: false, offset: 0 };

/**
 * Fast path for the commonest exact forms, `YYYY-MM-DD[T ]HH:MM:SS[.fff][Z]` (no allocation); anything else
 * falls back to the regular expressions. Returns a shared record, or undefined.
 */
function fastIso(text: string): typeof fastResult | undefined {
  const len = text.length;
  if (len < 19 || len > 24) return undefined;
  if (
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58
  )
    return undefined;
  const sep = text.charCodeAt(10);
  if (sep !== 84 && sep !== 32) return undefined;
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  const h = digits(text, 11, 2);
  const mi = digits(text, 14, 2);
  const sec = digits(text, 17, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59)
    return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (mo === 2 && !leap ? 28 : (DAYS_IN_MONTH[mo - 1] as number))) return undefined;
  let i = 19;
  let ms = 0;
  if (i < len && text.charCodeAt(i) === 46) {
    const start = ++i;
    while (i < len && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    const n = i - start;
    if (n === 0 || n > 3) return undefined;
    ms = digits(text, start, n) * (n === 1 ? 100 : n === 2 ? 10 : 1);
  }
  let zone = false;
  if (i < len) {
    if (i === len - 1 && (text.charCodeAt(i) === 90 || text.charCodeAt(i) === 122)) zone = true;
    else return undefined;
  }
  fastResult.wall = Date.UTC(y, mo - 1, d, h, mi, sec, ms);
  fastResult.zone = zone;
  fastResult.offset = 0;
  return fastResult;
}

/**
 * Creates a timestamp parser for a reader.
 *
 * @throws OptionError for an unknown time zone or unit.
 * @example
 * const parse = createTimestampParser({ timeZone: 'Europe/Paris' });
 * parse('2024-07-01 12:00:00'); // 1719828000000 (10:00 UTC)
 */
export function createTimestampParser(options: TimestampOptions = {}): TimestampParser {
  const unit = options.unit ?? 'auto';
  if (unit !== 'auto' && unit !== 's' && unit !== 'ms') {
    throw new OptionError("`unit` must be one of 'auto', 's', 'ms'", { module: 'log/timestamp', got: unit });
  }
  const timeZone = options.timeZone ?? 'UTC';
  const isUtc = timeZone === 'UTC' || timeZone === 'Etc/UTC';
  const offsetAt = isUtc ? () => 0 : zoneOffsetFn(timeZone);

  // wall-clock time in `timeZone` → UTC: guess with the offset at the wall time, then correct once
  const fromWall = (wallMs: number): number => {
    if (isUtc) return wallMs;
    const first = wallMs - offsetAt(wallMs) * 60_000;
    return wallMs - offsetAt(first) * 60_000;
  };

  return (raw: string) => {
    const fast = fastIso(raw);
    if (fast !== undefined) return fast.zone ? fast.wall - fast.offset * 60_000 : fromWall(fast.wall);
    const text = raw.trim();
    if (text === '') return undefined;
    if (NUMERIC.test(text)) {
      const n = Number(text);
      if (!Number.isFinite(n)) return undefined;
      const ms = unit === 'ms' || (unit === 'auto' && Math.abs(n) >= 1e11) ? n : n * 1000;
      return Math.round(ms);
    }
    let m = ISO.exec(text);
    if (m) {
      const [, y, mo, d, h, mi, s, frac, zone] = m;
      const month = Number(mo) - 1;
      const day = Number(d);
      const hour = Number(h ?? 0);
      const minute = Number(mi ?? 0);
      const second = Number(s ?? 0);
      if (month > 11 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
      const millis = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
      const wall = Date.UTC(Number(y), month, day, hour, minute, second, millis);
      // reject impossible dates such as 2023-02-30 (Date.UTC rolls them over)
      if (new Date(wall).getUTCDate() !== day) return undefined;
      return zone ? wall - offsetMinutes(zone) * 60_000 : fromWall(wall);
    }
    m = RFC5322.exec(text);
    if (m) {
      const [, d, mon, y, h, mi, s, numZone, nameZone] = m;
      const month = MONTHS[(mon ?? '').toLowerCase()];
      if (month === undefined) return undefined;
      let year = Number(y);
      if ((y ?? '').length === 2) year += year < 50 ? 2000 : 1900;
      const wall = Date.UTC(year, month, Number(d), Number(h), Number(mi), Number(s ?? 0));
      if (Number.isNaN(wall)) return undefined;
      if (numZone) return wall - offsetMinutes(numZone) * 60_000;
      if (nameZone) return wall - (ZONES[nameZone] ?? 0) * 3_600_000;
      return fromWall(wall);
    }
    return undefined;
  };
}
