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

/** Two-generation bounded map from message id to a number. */
export class BoundedIdMap {
  private young = new Map<number, number>();
  private old = new Map<number, number>();
  private readonly half: number;
  /** Ids forgotten because the map was full. */
  evicted = 0;

  constructor(capacity: number = DEFAULT_REPLY_INDEX_CAPACITY) {
    this.half = Math.max(1, Math.floor(capacity / 2));
  }

  set(id: string, value: number): void {
    const key = hash53(id);
    if (this.young.size >= this.half && !this.young.has(key)) {
      this.evicted += this.old.size;
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  get(id: string): number | undefined {
    const key = hash53(id);
    return this.young.get(key) ?? this.old.get(key);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}
