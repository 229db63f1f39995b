"""Python peers of bench/expertise.bench.mjs: NetworkX and python-igraph on the same generated graph.

Usage: /usr/bin/python3 bench/peers/expertise_peers.py <edges.tsv> <tasks.json>
edges.tsv: one line per undirected tie, `u<TAB>v<TAB>weight<TAB>distance` (node ids are integers 0..n-1).
tasks.json: a list of {"task": ..., "runs": r, ...}; prints one JSON object with, per task, the wall times of
each run (seconds, the call only, graph construction excluded) and, where asked, the values of the last run.
Debian packages: apt-get install -y python3-networkx python3-igraph.
"""
import json
import sys
import time


def timed(fn, runs):
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return times, result


def main():
    edges_path, tasks_path = sys.argv[1], sys.argv[2]
    edges = []
    n = 0
    with open(edges_path) as f:
        for line in f:
            u, v, w, d = line.split('\t')
            u, v = int(u), int(v)
            edges.append((u, v, float(w), float(d)))
            n = max(n, u + 1, v + 1)
    tasks = json.load(open(tasks_path))
    out = {'versions': {}}
    nxg = dig = ig = None
    try:
        import networkx as nx

        out['versions']['networkx'] = nx.__version__
        nxg = nx.Graph()
        nxg.add_nodes_from(range(n))
        nxg.add_edges_from((u, v, {'weight': w, 'distance': d}) for u, v, w, d in edges)
        dig = nx.DiGraph()
        dig.add_nodes_from(range(n))
        dig.add_edges_from((u, v, {'weight': w}) for u, v, w, d in edges)
    except ImportError:
        pass
    try:
        import igraph

        out['versions']['igraph'] = igraph.__version__
        ig = igraph.Graph(n=n, edges=[(u, v) for u, v, _, _ in edges], directed=False)
        ig.es['distance'] = [d for _, _, _, d in edges]
    except ImportError:
        pass
    for t in tasks:
        name, runs = t['task'], t['runs']
        fn = None
        if name == 'nx-sampled' and nxg is not None:
            fn = lambda: nx.betweenness_centrality(nxg, k=t['k'], seed=t['seed'], weight='distance', normalized=True)
        elif name == 'nx-exact' and nxg is not None:
            fn = lambda: nx.betweenness_centrality(nxg, weight='distance', normalized=True)
        elif name == 'igraph-exact' and ig is not None:
            fn = lambda: ig.betweenness(weights='distance', directed=False)
        elif name == 'nx-pagerank' and dig is not None:
            fn = lambda: nx.pagerank(dig, alpha=0.85, weight='weight', tol=1e-10, max_iter=1000)
        elif name == 'nx-hits' and dig is not None:
            fn = lambda: nx.hits(dig, max_iter=10000, tol=1e-10)
        if fn is None:
            out[t['id']] = None
            continue
        times, result = timed(fn, runs)
        entry = {'times': times}
        if t.get('values'):
            if isinstance(result, dict):
                entry['values'] = [result[i] for i in range(n)]
            else:
                entry['values'] = list(result)
        out[t['id']] = entry
        print(f"  peer {t['id']}: {min(times):.3f}s", file=sys.stderr, flush=True)
    json.dump(out, sys.stdout)


if __name__ == '__main__':
    main()
