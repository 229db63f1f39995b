/**
 * Building blocks of the streaming accumulators (graph builder, thread summaries): growable typed-array
 * columns and an interner of strings as dense integers, so that per-message work touches numbers and memory
 * grows with distinct people and ties, not with objects per message.
 *
 * @module
 */

/** A typed array at least `size` long: `a` itself, or a copy of it in a larger one (capacity doubles). */
export function grow<T extends Float64Array | Int32Array | Uint32Array | Uint8Array | Int8Array>(
  a: T,
  size: number,
  fill?: number,
): T {
  if (a.length >= size) return a;
  let cap = Math.max(16, a.length);
  while (cap < size) cap *= 2;
  const b = new (a.constructor as new (n: number) => T)(cap);
  if (fill !== undefined) b.fill(fill, a.length);
  b.set(a);
  return b;
}

/**
 * Interns strings (person ids, channels) as dense integers 0..n−1 in order of first appearance. The strings
 * are kept as given: readers hand over one shared string per person (see `createIdentityResolver`), which
 * makes lookups pointer comparisons.
 */
export class PersonIndex {
  readonly ids: string[] = [];
  private readonly byId = new Map<string, number>();

  /** The integer of `id`, creating it if new. */
  get(id: string): number {
    let i = this.byId.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.byId.set(id, i);
      this.ids.push(id);
    }
    return i;
  }

  /** The integer of `id`, or −1 when it was never interned. */
  find(id: string): number {
    return this.byId.get(id) ?? -1;
  }

  get size(): number {
    return this.ids.length;
  }
}

/**
 * A copy of `text` that keeps no larger string alive. Parsers cut cells out of big chunks of input, and V8
 * may represent such a cut as a slice of the chunk: holding on to a subject or an id for the whole analysis
 * would then hold the whole chunk (measured: about 460 bytes per kept subject on a simulated CSV log).
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/**
 * Interns strings that repeat (subjects, channels), each kept once as an {@link ownString} copy. Remembers at
 * most `limit` distinct strings, then forgets them and starts again, so memory stays bounded on logs where
 * every value is new.
 */
export class StringPool {
  private readonly pool = new Map<string, string>();

  constructor(private readonly limit = 1 << 16) {}

  /** The pooled copy of `text`. */
  get(text: string): string {
    let pooled = this.pool.get(text);
    if (pooled === undefined) {
      pooled = ownString(text);
      if (this.pool.size >= this.limit) this.pool.clear();
      this.pool.set(pooled, pooled);
    }
    return pooled;
  }
}
