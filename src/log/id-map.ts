/**
 * A bounded map from message ids to small numbers, used to resolve replies (`replyTo` → the parent's
 * author or thread) while streaming.
 *
 * Keys are 53-bit hashes of the id (cyrb53), so an entry costs a Map slot, not the id string. The map keeps
 * the `capacity` most recent ids in two generations: when the young generation fills to capacity/2 it
 * becomes the old one and the previous old generation is dropped. Memory is therefore bounded whatever the
 * length of the log; a reply to a message older than about `capacity` messages does not resolve and is
 * counted by the caller. With 53-bit hashes the chance of any collision among 2M live ids is about 2·10⁻⁴.
 *
 * @module
 */

/** 53-bit string hash (cyrb53, public domain, bryc). */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Default number of most recent message ids kept for reply resolution. */
export const DEFAULT_REPLY_INDEX_CAPACITY = 2_000_000;

/** One generation: open addressing over typed arrays, keys split in two 32-bit halves (0/0 = empty). */
class Generation {
  hi = new Int32Array(1024);
  lo = new Int32Array(1024);
  values = new Float64Array(1024);
  count = 0;
  private mask = 1023;

  private slot(h: number, l: number): number {
    let i = (Math.imul(l ^ h, 0x9e3779b1) >>> 0) & this.mask;
    while ((this.hi[i] !== 0 || this.lo[i] !== 0) && (this.hi[i] !== h || this.lo[i] !== l)) i = (i + 1) & this.mask;
    return i;
  }

  get(h: number, l: number): number | undefined {
    const i = this.slot(h, l);
    return this.hi[i] === 0 && this.lo[i] === 0 ? undefined : this.values[i];
  }

  set(h: number, l: number, value: number): void {
    if ((this.count + 1) * 2 > this.hi.length) this.resize(this.hi.length * 2);
    const i = this.slot(h, l);
    if (this.hi[i] === 0 && this.lo[i] === 0) this.count++;
    this.hi[i] = h;
    this.lo[i] = l;
    this.values[i] = value;
  }

  private resize(size: number): void {
    const { hi, lo, values } = this;
    this.hi = new Int32Array(size);
    this.lo = new Int32Array(size);
    this.values = new Float64Array(size);
    this.mask = size - 1;
    for (let i = 0; i < hi.length; i++) {
      if (hi[i] === 0 && lo[i] === 0) continue;
      const j = this.slot(hi[i] as number, lo[i] as number);
      this.hi[j] = hi[i] as number;
      this.lo[j] = lo[i] as number;
      this.values[j] = values[i] as number;
    }
  }
}

/** Two-generation bounded map from message id to a number (see the module description). */
export class BoundedIdMap {
  private young = new Generation();
  private old = new Generation();
  private readonly half: number;
  /** Ids forgotten because the map was full. */
  evicted = 0;

  constructor(capacity: number = DEFAULT_REPLY_INDEX_CAPACITY) {
    this.half = Math.max(1, Math.floor(capacity / 2));
  }

  set(id: string, value: number): void {
    const h = hash53(id);
    // split the 53-bit hash (21 + 32 bits); bit 30 set on the high half keeps keys apart from the empty 0/0
    const hi = (h / 4294967296) | 0 | 0x40000000;
    const lo = h | 0;
    if (this.young.count >= this.half && this.young.get(hi, lo) === undefined) {
      this.evicted += this.old.count;
      this.old = this.young;
      this.young = new Generation();
    }
    this.young.set(hi, lo, value);
  }

  get(id: string): number | undefined {
    const h = hash53(id);
    const hi = (h / 4294967296) | 0 | 0x40000000;
    const lo = h | 0;
    return this.young.get(hi, lo) ?? this.old.get(hi, lo);
  }

  get size(): number {
    return this.young.count + this.old.count;
  }
}
