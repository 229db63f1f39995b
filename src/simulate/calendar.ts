/**
 * Time in the simulated organisation: office locations with fixed UTC offsets, working days and hours,
 * and reply delays that wait for the replier's next working morning.
 *
 * Messages start between 07:00 and 21:00 local time (most between 08:30 and 17:30, fewer over lunch),
 * weekdays at full rate and weekends at `weekendActivity`. Offsets are fixed (no daylight saving), so the
 * output does not depend on the platform's time-zone data.
 *
 * @module
 */

import type { Rng } from '../random.js';
import { exponential } from './sampling.js';

/** An office location. */
export interface SimulatedLocation {
  name: string;
  /** Fixed offset from UTC in minutes (no daylight saving). */
  offsetMinutes: number;
}

/** The office locations, in the order they are used (`locations: n` takes the first n). */
export const LOCATIONS: readonly SimulatedLocation[] = Object.freeze([
  { name: 'London', offsetMinutes: 0 },
  { name: 'New York', offsetMinutes: -300 },
  { name: 'Berlin', offsetMinutes: 60 },
  { name: 'Bangalore', offsetMinutes: 330 },
  { name: 'Sao Paulo', offsetMinutes: -180 },
  { name: 'Singapore', offsetMinutes: 480 },
]);

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
/** No message of a local day starts before this local hour. */
export const EARLIEST_HOUR = 7;

/** Working days, hours and reply delays over the simulated period. */
export class Calendar {
  /** First instant of the period (UTC midnight) and the first instant after it. */
  readonly start: number;
  readonly end: number;
  readonly days: number;
  private readonly maxOffset: number;

  constructor(start: number, days: number, offsetsMinutes: readonly number[]) {
    this.start = start;
    this.days = days;
    this.end = start + days * DAY;
    this.maxOffset = Math.max(0, ...offsetsMinutes) * MINUTE;
  }

  /** Day of the week of period day `d` (0 = Sunday … 6 = Saturday). */
  weekday(d: number): number {
    return (Math.floor((this.start + d * DAY) / DAY) + 4) % 7;
  }

  /** Whether period day `d` is a weekday. */
  isWorkday(d: number): boolean {
    const w = this.weekday(d);
    return w !== 0 && w !== 6;
  }

  /** Whether `t` falls on a local weekday between 07:30 and 19:30 at the given offset. */
  isWorkingTime(t: number, offsetMinutes: number): boolean {
    const local = t + offsetMinutes * MINUTE;
    const weekday = (Math.floor(local / DAY) + 4) % 7;
    if (weekday === 0 || weekday === 6) return false;
    const hour = (local - Math.floor(local / DAY) * DAY) / HOUR;
    return hour >= 7.5 && hour < 19.5;
  }

  /** A start time (UTC ms, whole seconds) on local day `d` at the given offset, in working hours. */
  startTime(rng: Rng, d: number, offsetMinutes: number): number {
    const u = rng();
    const v = rng();
    let hour: number;
    if (u < 0.45) hour = 8.5 + 3.5 * v;
    else if (u < 0.55) hour = 12 + 1.5 * v;
    else if (u < 0.9) hour = 13.5 + 4 * v;
    else if (u < 0.95) hour = EARLIEST_HOUR + 1.5 * v;
    else hour = 17.5 + 3.5 * v;
    return this.localTime(d, hour, offsetMinutes);
  }

  /** UTC ms of local day `d` at `hour` (fractional) at the given offset, floored to the second. */
  localTime(d: number, hour: number, offsetMinutes: number): number {
    const t = this.start + d * DAY - offsetMinutes * MINUTE + hour * HOUR;
    return Math.floor(t / 1000) * 1000;
  }

  /**
   * When a reply to a message sent at `t` is written: after an exponential delay (mean `meanMinutes`,
   * at least a minute); a reply that would fall outside the replier's working time waits for their next
   * working morning (08:00 plus an exponential 45 minutes).
   */
  replyTime(rng: Rng, t: number, offsetMinutes: number, meanMinutes: number): number {
    let r = t + MINUTE + exponential(rng, meanMinutes * MINUTE);
    const wait = exponential(rng, 45 * MINUTE);
    if (!this.isWorkingTime(r, offsetMinutes)) {
      const offset = offsetMinutes * MINUTE;
      let localDay = Math.floor((r + offset) / DAY);
      const hour = (r + offset - localDay * DAY) / HOUR;
      if (hour >= 7.5) localDay++;
      while ((localDay + 4) % 7 === 0 || (localDay + 4) % 7 === 6) localDay++;
      r = localDay * DAY - offset + 8 * HOUR + Math.min(wait, 3 * HOUR);
    }
    return Math.floor(r / 1000) * 1000;
  }

  /**
   * The earliest UTC instant at which any message of local day `d` can start, at any location: every
   * message before it can be released once the roots of days < d are generated.
   */
  watermark(d: number): number {
    return this.start + d * DAY + EARLIEST_HOUR * HOUR - this.maxOffset;
  }
}
