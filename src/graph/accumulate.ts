/**
 * Compact aggregation of ties for the graph builder: integer person ids, typed-array columns and an
 * open-addressing hash of (source, target) pairs. Memory grows with people and ties, never with messages;
 * nothing here allocates per message.
 *
 * @module
 */

import { grow, PersonIndex } from '../log/columns.js';

export { PersonIndex };

/** Number of tie kinds stored per tie (to, cc, bcc, reply, mention). */
export const KINDS = 5;

/** Ties keyed by (source, target) with weight, per-kind counts and first/last time, in typed arrays. */
export class TieTable {
  size = 0;
  src = new Int32Array(1024);
  dst = new Int32Array(1024);
  weight = new Float64Array(1024);
  counts = new Uint32Array(1024 * KINDS);
  first = new Float64Array(1024).fill(Number.NaN);
  last = new Float64Array(1024).fill(Number.NaN);
  /** Open-addressing slots holding tie index + 1 (0 = empty); load kept ≤ 0.5. */
  private slots = new Int32Array(2048);
  private mask = 2047;

  private static hash(s: number, d: number): number {
    return (Math.imul(s, 0x9e3779b1) ^ Math.imul(d + 0x7f4a7c15, 0x85ebca77)) >>> 0;
  }

  private rehash(): void {
    const cap = this.slots.length * 2;
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    for (let t = 0; t < this.size; t++) {
      let h = TieTable.hash(this.src[t] as number, this.dst[t] as number) & this.mask;
      while (this.slots[h] !== 0) h = (h + 1) & this.mask;
      this.slots[h] = t + 1;
    }
  }

  /** Index of tie s→d, created when new. */
  index(s: number, d: number): number {
    let h = TieTable.hash(s, d) & this.mask;
    for (;;) {
      const slot = this.slots[h] as number;
      if (slot === 0) break;
      const t = slot - 1;
      if (this.src[t] === s && this.dst[t] === d) return t;
      h = (h + 1) & this.mask;
    }
    const t = this.size++;
    if (t >= this.src.length) {
      const n = t + 1;
      this.src = grow(this.src, n);
      this.dst = grow(this.dst, n);
      this.weight = grow(this.weight, n);
      this.counts = grow(this.counts, n * KINDS);
      this.first = grow(this.first, n, Number.NaN);
      this.last = grow(this.last, n, Number.NaN);
    }
    this.src[t] = s;
    this.dst[t] = d;
    this.slots[h] = t + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
    return t;
  }

  /** Adds one contribution of `kind` and weight `w` at `time` (NaN when unknown) to tie s→d. */
  add(s: number, d: number, kind: number, w: number, time: number): void {
    const t = this.index(s, d);
    this.weight[t] = (this.weight[t] as number) + w;
    this.counts[t * KINDS + kind] = (this.counts[t * KINDS + kind] as number) + 1;
    if (!Number.isNaN(time)) {
      if (!((this.first[t] as number) <= time)) this.first[t] = time;
      if (!((this.last[t] as number) >= time)) this.last[t] = time;
    }
  }
}

/** Per-person activity of one graph (the whole period or a window): typed arrays indexed by person. */
export class Activity {
  /** 1 when the person is in this graph. */
  present = new Int32Array(256);
  sent = new Float64Array(256);
  received = new Float64Array(256);
  firstSeen = new Float64Array(256).fill(Number.NaN);
  lastSeen = new Float64Array(256).fill(Number.NaN);
  /** People in order of first appearance in this graph. */
  readonly order: number[] = [];
  from = Number.NaN;
  to = Number.NaN;

  private ensure(p: number): void {
    if (p < this.present.length) return;
    const n = p + 1;
    this.present = grow(this.present, n);
    this.sent = grow(this.sent, n);
    this.received = grow(this.received, n);
    this.firstSeen = grow(this.firstSeen, n, Number.NaN);
    this.lastSeen = grow(this.lastSeen, n, Number.NaN);
  }

  seen(p: number, time: number): void {
    this.ensure(p);
    if (this.present[p] === 0) {
      this.present[p] = 1;
      this.order.push(p);
    }
    if (!Number.isNaN(time)) {
      if (!((this.firstSeen[p] as number) <= time)) this.firstSeen[p] = time;
      if (!((this.lastSeen[p] as number) >= time)) this.lastSeen[p] = time;
      if (!(this.from <= time)) this.from = time;
      if (!(this.to >= time)) this.to = time;
    }
  }

  send(p: number, time: number): void {
    this.seen(p, time);
    this.sent[p] = (this.sent[p] as number) + 1;
  }

  receive(p: number, time: number): void {
    this.seen(p, time);
    this.received[p] = (this.received[p] as number) + 1;
  }
}

/** Ties and activity of one graph under construction. */
export class GraphAccumulator {
  readonly ties = new TieTable();
  readonly activity = new Activity();
}

/**
 * Per-message scratch: marks which people a message already touched, without allocating.
 * `stamp(p)` returns true the first time p is stamped for the current message.
 */
export class MessageMarks {
  private marks = new Int32Array(256);
  private serial = 0;

  next(): void {
    this.serial++;
  }

  stamp(p: number): boolean {
    if (p >= this.marks.length) this.marks = grow(this.marks, p + 1);
    if (this.marks[p] === this.serial) return false;
    this.marks[p] = this.serial;
    return true;
  }
}
