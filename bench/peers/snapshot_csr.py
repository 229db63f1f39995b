"""Peer for bench/snapshot.bench.mjs: the CSR snapshot of a graph in NetworkX + SciPy.

Reads a weighted edge list ("u v w" per line) into a networkx.Graph (not timed), then times
`nx.to_scipy_sparse_array(G, weight='weight', format='csr')` (the adjacency in compressed sparse row form,
parallel entries summed, rows in node order), median of RUNS runs. Prints one JSON line.

usage: snapshot_csr.py EDGES RUNS
"""

import json
import statistics
import sys
import time

import networkx as nx


def main():
    path, runs = sys.argv[1], int(sys.argv[2])
    G = nx.Graph()
    with open(path) as f:
        for line in f:
            u, v, w = line.split()
            G.add_edge(u, v, weight=float(w))
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        A = nx.to_scipy_sparse_array(G, weight="weight", format="csr")
        times.append(time.perf_counter() - t)
    print(json.dumps({"seconds": statistics.median(times), "nnz": int(A.nnz), "networkx": nx.__version__}))


if __name__ == "__main__":
    main()
