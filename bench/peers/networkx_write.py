"""Peer for bench/report.bench.mjs: NetworkX write_gexf and write_graphml of the same graph.

Reads a GraphML file written by practice-graph (not timed), then times writing it back as GEXF and GraphML
(node and edge attributes included) into a scratch folder. Prints one JSON line with median seconds.
"""
import json
import os
import statistics
import sys
import tempfile
import time

import networkx as nx

path, runs = sys.argv[1], int(sys.argv[2])
g = nx.read_graphml(path)
out = tempfile.mkdtemp()
gexf, graphml = [], []
for _ in range(runs):
    t0 = time.perf_counter()
    nx.write_gexf(g, os.path.join(out, "g.gexf"))
    t1 = time.perf_counter()
    nx.write_graphml(g, os.path.join(out, "g.graphml"))
    t2 = time.perf_counter()
    gexf.append(t1 - t0)
    graphml.append(t2 - t1)
print(json.dumps({"gexf": statistics.median(gexf), "graphml": statistics.median(graphml),
                  "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "networkx": nx.__version__}))
