"""Peers for bench/communities.bench.mjs: python-igraph `community_multilevel` and NetworkX
`louvain_communities` on the same edge list (undirected, unweighted; node ids 0..n-1).

Usage: /usr/bin/python3 bench/peers/communities.py '<json>' with keys
  edges, truth (files), n, repeats, ensemble (runs per ensemble, 0 = none), tools (list),
  nx_repeats, nx_ensemble (NetworkX is slow: its own counts).
Prints one JSON line: {tool: {version, single: [{seconds, modularity, nmi, count}], ensemble: {...}}}.
Times cover the detection call only (graph construction excluded): wall time (perf_counter) and CPU time
of the process (process_time), which a shared, loaded machine disturbs less. Seeds: igraph draws from Python's
`random` (seeded per run), NetworkX takes `seed=`. NMI is igraph's compare_communities(method="nmi")
(arithmetic normalisation, as practice-graph's comparePartitions).
"""
import json
import random
import sys
import time

cfg = json.loads(sys.argv[1])
n = cfg["n"]
with open(cfg["edges"]) as f:
    edges = [tuple(map(int, line.split())) for line in f if line.strip()]
with open(cfg["truth"]) as f:
    truth = [int(x) for x in f if x.strip()]
out = {}

try:
    import igraph as ig
except ImportError:
    ig = None

g = ig.Graph(n=n, edges=edges) if ig else None


def nmi(membership):
    return ig.compare_communities(truth, membership, method="nmi")


def record(seconds, cpu, membership):
    return {
        "seconds": seconds,
        "cpu": cpu,
        "modularity": g.modularity(membership),
        "nmi": nmi(membership),
        "count": len(set(membership)),
    }


def ensemble(run_once, runs):
    t = time.perf_counter()
    c = time.process_time()
    members = [run_once(s) for s in range(1000, 1000 + runs)]
    seconds = time.perf_counter() - t
    cpu = time.process_time() - c
    q = [g.modularity(m) for m in members]
    nm = [nmi(m) for m in members]
    return {"runs": runs, "seconds": seconds, "cpu": cpu, "meanModularity": sum(q) / runs, "meanNmi": sum(nm) / runs}


if ig and "igraph" in cfg["tools"]:

    def igraph_once(seed):
        random.seed(seed)
        return g.community_multilevel().membership

    single = []
    for s in range(cfg["repeats"]):
        random.seed(s)
        t = time.perf_counter()
        cpu = time.process_time()
        c = g.community_multilevel()
        single.append(record(time.perf_counter() - t, time.process_time() - cpu, c.membership))
    out["igraph"] = {"version": ig.__version__, "single": single}
    if cfg["ensemble"]:
        out["igraph"]["ensemble"] = ensemble(igraph_once, cfg["ensemble"])

if ig and "networkx" in cfg["tools"]:
    try:
        import networkx as nx
    except ImportError:
        nx = None
    if nx:
        G = nx.Graph()
        G.add_nodes_from(range(n))
        G.add_edges_from(edges)

        def nx_once(seed):
            membership = [0] * n
            for k, c in enumerate(nx.community.louvain_communities(G, seed=seed)):
                for v in c:
                    membership[v] = k
            return membership

        single = []
        for s in range(cfg["nx_repeats"]):
            t = time.perf_counter()
            cpu = time.process_time()
            m = nx_once(s)
            single.append(record(time.perf_counter() - t, time.process_time() - cpu, m))
        out["networkx"] = {"version": nx.__version__, "single": single}
        if cfg["nx_ensemble"]:
            out["networkx"]["ensemble"] = ensemble(nx_once, cfg["nx_ensemble"])

print(json.dumps(out))
