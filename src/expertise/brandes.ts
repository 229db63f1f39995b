/**
 * Brandes' single-source dependency accumulation (Brandes 2001) over a CSR snapshot: the kernel of exact
 * and sampled betweenness. One workspace serves every source, so a run allocates O(n) once.
 *
 * Weighted graphs use Dijkstra with an indexed binary heap; two path lengths count as equal when within a
 * relative 1e-10 of each other (as igraph does), so that sums of reciprocal strengths taken in different
 * orders do not split shortest paths. Unweighted snapshots (`weighted: false`) use breadth-first search.
 * Predecessors are kept as linked lists of arc indices in two preallocated arrays (a head per node, a
 * next per arc), so a source allocates nothing and the backward pass visits only shortest-path arcs.
 *
 * @module
 */

import type { GraphSnapshot } from '../graph/snapshot.js';

/** Relative tolerance under which two path lengths are equal. */
export const PATH_EPSILON = 1e-10;

/** Reusable per-source state. */
export class BrandesWorkspace {
  readonly dist: Float64Array;
  readonly sigma: Float64Array;
  readonly delta: Float64Array;
  readonly order: Int32Array;
  /** Shortest-path predecessors of each node, as linked lists of arc indices (head per node, next per arc). */
  private readonly predHead: Int32Array;
  private predNext: Int32Array;
  /** Heap slots (node ids), and each node's slot: −1 never pushed, −2 settled. */
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  private heapSize = 0;

  constructor(n: number, arcs = 0) {
    this.dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    this.sigma = new Float64Array(n);
    this.delta = new Float64Array(n);
    this.order = new Int32Array(n);
    this.heap = new Int32Array(n);
    this.pos = new Int32Array(n).fill(-1);
    this.predHead = new Int32Array(n).fill(-1);
    this.predNext = new Int32Array(arcs);
  }

  private ensureArcs(m: number): void {
    if (this.predNext.length < m) this.predNext = new Int32Array(m);
  }

  private up(i: number): void {
    const { heap, pos, dist } = this;
    const node = heap[i] as number;
    const d = dist[node] as number;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as number;
      if ((dist[p] as number) <= d) break;
      heap[i] = p;
      pos[p] = i;
      i = parent;
    }
    heap[i] = node;
    pos[node] = i;
  }

  private down(i: number): void {
    const { heap, pos, dist } = this;
    const size = this.heapSize;
    const node = heap[i] as number;
    const d = dist[node] as number;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && (dist[heap[right] as number] as number) < (dist[heap[child] as number] as number)) {
        child = right;
      }
      const c = heap[child] as number;
      if ((dist[c] as number) >= d) break;
      heap[i] = c;
      pos[c] = i;
      i = child;
    }
    heap[i] = node;
    pos[node] = i;
  }

  private push(node: number): void {
    this.heap[this.heapSize] = node;
    this.heapSize++;
    this.up(this.heapSize - 1);
  }

  private pop(): number {
    const top = this.heap[0] as number;
    this.heapSize--;
    if (this.heapSize > 0) {
      this.heap[0] = this.heap[this.heapSize] as number;
      this.down(0);
    }
    this.pos[top] = -2;
    return top;
  }

  /**
   * Adds source `s`'s dependencies δ_s(v) to `acc[v]` for v ≠ s, or with `linear` the linearly scaled
   * dependencies δ̃_s(v) = Σ_t d(s,v)/d(s,t) · σ_st(v)/σ_st (Geisberger, Sanders & Schultes 2008), by
   * the recursion δ'_s(v) = Σ_{w: v ∈ P_s(w)} σ_sv/σ_sw (1/d(s,w) + δ'_s(w)), δ̃_s(v) = d(s,v) δ'_s(v).
   * Calls `touch(v)` before the first addition to each node. Returns the number of nodes reached.
   */
  accumulate(g: GraphSnapshot, s: number, acc: Float64Array, linear: boolean, touch?: (v: number) => void): number {
    const reached = g.weighted ? this.dijkstra(g, s) : this.bfs(g, s);
    const tails = g.src;
    const { dist, sigma, delta, order, predHead, predNext } = this;
    for (let i = reached - 1; i >= 0; i--) {
      const w = order[i] as number;
      const dw = dist[w] as number;
      const deltaW = delta[w] as number;
      if (w !== s) {
        const dep = linear ? dw * deltaW : deltaW;
        if (dep !== 0) {
          if (touch) touch(w);
          acc[w] = (acc[w] as number) + dep;
        }
      }
      const coefficient = ((linear ? 1 / dw : 1) + deltaW) / (sigma[w] as number);
      for (let p = predHead[w] as number; p !== -1; p = predNext[p] as number) {
        const v = tails[p] as number;
        delta[v] = (delta[v] as number) + (sigma[v] as number) * coefficient;
      }
    }
    // reset only what this source touched
    for (let i = 0; i < reached; i++) {
      const v = order[i] as number;
      dist[v] = Number.POSITIVE_INFINITY;
      sigma[v] = 0;
      delta[v] = 0;
      predHead[v] = -1;
      this.pos[v] = -1;
    }
    return reached;
  }

  private bfs(g: GraphSnapshot, s: number): number {
    const { offsets, dst: targets } = g;
    this.ensureArcs(g.m);
    const { dist, sigma, order, predHead, predNext } = this;
    dist[s] = 0;
    sigma[s] = 1;
    order[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = order[head++] as number;
      const next = (dist[v] as number) + 1;
      const sv = sigma[v] as number;
      for (let p = offsets[v] as number, end = offsets[v + 1] as number; p < end; p++) {
        const w = targets[p] as number;
        const dw = dist[w] as number;
        if (dw === Number.POSITIVE_INFINITY) {
          dist[w] = next;
          sigma[w] = sv;
          order[tail++] = w;
          predHead[w] = p;
          predNext[p] = -1;
        } else if (dw === next) {
          sigma[w] = (sigma[w] as number) + sv;
          predNext[p] = predHead[w] as number;
          predHead[w] = p;
        }
      }
    }
    return tail;
  }

  private dijkstra(g: GraphSnapshot, s: number): number {
    const { offsets, dst: targets, weight: values } = g;
    this.ensureArcs(g.m);
    const { dist, sigma, order, pos, predHead, predNext } = this;
    dist[s] = 0;
    sigma[s] = 1;
    this.heapSize = 0;
    this.push(s);
    let count = 0;
    while (this.heapSize > 0) {
      const v = this.pop();
      order[count++] = v;
      const dv = dist[v] as number;
      const sv = sigma[v] as number;
      for (let p = offsets[v] as number, end = offsets[v + 1] as number; p < end; p++) {
        const w = targets[p] as number;
        const state = pos[w] as number;
        if (state === -2) continue; // settled: no shorter or equal path through v (ℓ > 0)
        const alt = dv + (values[p] as number);
        if (state === -1) {
          dist[w] = alt;
          sigma[w] = sv;
          predHead[w] = p;
          predNext[p] = -1;
          this.push(w);
          continue;
        }
        const dw = dist[w] as number;
        if (alt < dw - PATH_EPSILON * dw) {
          dist[w] = alt;
          sigma[w] = sv;
          predHead[w] = p;
          predNext[p] = -1;
          this.up(state);
        } else if (alt <= dw + PATH_EPSILON * dw) {
          sigma[w] = (sigma[w] as number) + sv;
          predNext[p] = predHead[w] as number;
          predHead[w] = p;
        }
      }
    }
    return count;
  }
}
