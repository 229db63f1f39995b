/**
 * An open-addressing hash set of ordered pairs (s, d) of non-negative 31-bit integers, with deletion by
 * backward shifting (no tombstones), for the edge-swap chains: each swap deletes two arcs and inserts two.
 *
 * @module
 */

/** Hash set of ordered integer pairs. */
export class PairSet {
  private keysS: Int32Array;
  private keysD: Int32Array;
  private mask: number;
  size = 0;

  /** A set sized for about `expected` pairs (load ≤ 0.5 until it grows). */
  constructor(expected = 16) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.keysS = new Int32Array(cap).fill(-1);
    this.keysD = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private slot(s: number, d: number): number {
    return ((Math.imul(s, 0x9e3779b1) ^ Math.imul(d + 0x632be5ab, 0x85ebca77)) >>> 0) & this.mask;
  }

  has(s: number, d: number): boolean {
    const ks = this.keysS;
    let h = this.slot(s, d);
    for (;;) {
      const k = ks[h] as number;
      if (k === -1) return false;
      if (k === s && this.keysD[h] === d) return true;
      h = (h + 1) & this.mask;
    }
  }

  /** Adds (s, d); returns false when it was present. */
  add(s: number, d: number): boolean {
    if ((this.size + 1) * 2 > this.keysS.length) this.grow();
    const ks = this.keysS;
    let h = this.slot(s, d);
    for (;;) {
      const k = ks[h] as number;
      if (k === -1) break;
      if (k === s && this.keysD[h] === d) return false;
      h = (h + 1) & this.mask;
    }
    ks[h] = s;
    this.keysD[h] = d;
    this.size++;
    return true;
  }

  /** Removes (s, d); returns false when it was absent. */
  delete(s: number, d: number): boolean {
    const ks = this.keysS;
    const kd = this.keysD;
    const mask = this.mask;
    let h = this.slot(s, d);
    for (;;) {
      const k = ks[h] as number;
      if (k === -1) return false;
      if (k === s && kd[h] === d) break;
      h = (h + 1) & mask;
    }
    // backward-shift deletion: move later entries of the probe run into the hole when allowed
    let hole = h;
    let j = h;
    for (;;) {
      j = (j + 1) & mask;
      const k = ks[j] as number;
      if (k === -1) break;
      const home = this.slot(k, kd[j] as number);
      // entry j may move to `hole` when its home is not cyclically in (hole, j]
      const inRange = hole <= j ? home > hole && home <= j : home > hole || home <= j;
      if (!inRange) {
        ks[hole] = k;
        kd[hole] = kd[j] as number;
        hole = j;
      }
    }
    ks[hole] = -1;
    this.size--;
    return true;
  }

  private grow(): void {
    const oldS = this.keysS;
    const oldD = this.keysD;
    const cap = oldS.length * 2;
    this.keysS = new Int32Array(cap).fill(-1);
    this.keysD = new Int32Array(cap);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < oldS.length; i++) {
      const k = oldS[i] as number;
      if (k !== -1) this.add(k, oldD[i] as number);
    }
  }
}
