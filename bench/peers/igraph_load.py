"""Peer for bench/ingest.bench.mjs: python-igraph Graph.TupleList on a tie list (source<TAB>target<TAB>weight).

Prints one JSON line: {"read": s, "build": s, "vertices": n, "edges": m} with median times over `runs`.
"""
import json
import statistics
import sys
import time

import igraph

path, runs = sys.argv[1], int(sys.argv[2])
reads, builds = [], []
for _ in range(runs):
    t0 = time.perf_counter()
    rows = []
    with open(path) as f:
        for line in f:
            a, b, w = line.rstrip("\n").split("\t")
            rows.append((a, b, float(w)))
    t1 = time.perf_counter()
    g = igraph.Graph.TupleList(rows, directed=True, weights=True)
    t2 = time.perf_counter()
    reads.append(t1 - t0)
    builds.append(t2 - t1)
print(json.dumps({"read": statistics.median(reads), "build": statistics.median(builds), "vertices": g.vcount(), "edges": g.ecount()}))
