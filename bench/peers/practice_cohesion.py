"""Peer for bench/practice.bench.mjs: the cohesion test of practice-graph written straightforwardly with NetworkX.

Null A: directed double-edge swaps a->b, c->d => a->d, c->b (no self-loops, no duplicate arcs), on a
networkx.DiGraph (NetworkX 2.8 has no directed_edge_swap), burn-in then `thin` swaps per arc between samples;
each sample counts the arcs inside every group. Null B: random sets with the group's profile over 10 equal-count
degree strata, drawn by permutation, counting arcs inside. Prints one JSON line with per-sample costs and the
null-A mean per group.

usage: practice_cohesion.py EDGES GROUPS_JSON R BURN_IN THIN
"""

import json
import random
import sys
import time

import networkx as nx


def internal(G, members, member_set):
    return sum(1 for u in members for v in G.successors(u) if v in member_set)


def main():
    edges_path, groups_path, R, burn_in, thin = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
    G = nx.DiGraph()
    with open(edges_path) as f:
        for line in f:
            s, d = line.rstrip("\n").split("\t")
            G.add_edge(s, d)
    groups = json.load(open(groups_path))
    groups = [[m for m in g if m in G] for g in groups]
    sets = [set(g) for g in groups]
    rng = random.Random(1)
    edges = list(G.edges())
    m = len(edges)

    def swaps(k):
        for _ in range(k):
            i, j = rng.randrange(m), rng.randrange(m)
            a, b = edges[i]
            c, d = edges[j]
            if a == d or c == b or b == d or a == c:
                continue
            if G.has_edge(a, d) or G.has_edge(c, b):
                continue
            G.remove_edge(a, b)
            G.remove_edge(c, d)
            G.add_edge(a, d)
            G.add_edge(c, b)
            edges[i] = (a, d)
            edges[j] = (c, b)

    t = time.perf_counter()
    swaps(int(burn_in * m))
    burn_seconds = time.perf_counter() - t
    swap_time = 0.0
    count_time = 0.0
    null_a = [[] for _ in groups]
    for r in range(R):
        t = time.perf_counter()
        if r > 0:
            swaps(max(1, int(thin * m)))
        swap_time += time.perf_counter() - t
        t = time.perf_counter()
        for k, g in enumerate(groups):
            null_a[k].append(internal(G, g, sets[k]))
        count_time += time.perf_counter() - t

    # null B on the original graph: strata by total degree
    H = nx.DiGraph()
    with open(edges_path) as f:
        for line in f:
            s, d = line.rstrip("\n").split("\t")
            H.add_edge(s, d)
    order = sorted(H.nodes(), key=lambda n: (H.degree(n), n))
    bins = 10
    stratum = {n: min(bins - 1, (r * bins) // len(order)) for r, n in enumerate(order)}
    pools = [[n for n in order if stratum[n] == h] for h in range(bins)]
    t = time.perf_counter()
    for r in range(R):
        for g in groups:
            profile = [0] * bins
            for n in g:
                profile[stratum[n]] += 1
            drawn = []
            for h in range(bins):
                if profile[h]:
                    drawn.extend(rng.sample(pools[h], profile[h]))
            internal(H, drawn, set(drawn))
    strata_time = time.perf_counter() - t

    print(
        json.dumps(
            {
                "networkx": nx.__version__,
                "groups": len(groups),
                "arcs": m,
                "burnIn": burn_in,
                "burnInSeconds": burn_seconds,
                "swapSecondsPerSample": swap_time / max(1, R - 1),
                "countSecondsPerSample": count_time / R,
                "strataSecondsPerSample": strata_time / R,
                "nullAMeans": [sum(x) / len(x) for x in null_a],
            }
        )
    )


if __name__ == "__main__":
    main()
