"""Peer of bench/pipeline.bench.mjs: the `practice-graph analyze` pipeline written plainly with NetworkX.

Stages, each timed (wall, CPU of the process, peak RSS reset through /proc/self/clear_refs before it):
- read: messages.csv with the csv module (ids lower-cased, ';'-separated lists split, ISO timestamps parsed),
  roster.csv and groups.csv;
- build: a DiGraph of ties (and its undirected projection, summed strengths) with practice-graph's weights (to 1, cc 0.5, split over the distinct recipients;
  reply 2; mention 1; mass mail over 50 recipients dropped; `distance` = 1/weight) and the thread summaries
  (root author, repliers) behind the asker -> answerer help graph;
- communities: 10 runs of louvain_communities on the undirected projection (summed strengths), seeds 1..10,
  as practice-graph's report runs a 10-run ensemble;
- expertise: answers, questions, z = (a - q) / sqrt(a + q), and pagerank on the help graph;
- brokerage: betweenness_centrality(k=256, weight='distance') on the undirected projection;
- practice (the CoP tests): the cohesion test of every group of at least 5 members (departments, the groups
  file, each channel's participants): internal arcs against R samples of directed double-edge swaps
  (burn-in 10 m, then m attempted swaps between samples; NetworkX 2.8 has no directed_edge_swap) and against
  R random sets drawn within 10 degree strata, p = (1 + #null >= observed) / (1 + R), Benjamini-Hochberg;
- report: results as JSON, the graph with its attributes as GEXF and GraphML (write_gexf, write_graphml).

usage: /usr/bin/python3 bench/peers/pipeline_networkx.py ORG_DIR R SEED
Prints one JSON line.
"""

import csv
import json
import math
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime

import networkx as nx

STAGES = {}
csv.field_size_limit(sys.maxsize)  # mass mail to everyone makes long recipient cells


def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def peak_mb():
    with open("/proc/self/status") as f:
        m = re.search(r"VmHWM:\s+(\d+) kB", f.read())
    return int(m.group(1)) / 1024 if m else float("nan")


def stage(name, fn, *args):
    reset_peak()
    w, c = time.perf_counter(), time.process_time()
    result = fn(*args)
    STAGES[name] = {"wall": time.perf_counter() - w, "cpu": time.process_time() - c, "peakRssMb": peak_mb()}
    return result


def split(cell):
    return [x.strip().lower() for x in cell.split(";") if x.strip()] if cell else []


def read(org):
    messages = []
    with open(os.path.join(org, "messages.csv"), newline="") as f:
        for row in csv.DictReader(f):
            ts = row["timestamp"]
            t = datetime.fromisoformat(ts.replace("Z", "+00:00")).timestamp() if ts else None
            messages.append(
                (
                    row["id"],
                    t,
                    row["sender"].strip().lower(),
                    split(row["recipients"]),
                    split(row["cc"]),
                    row["channel"] or None,
                    row["thread_id"] or None,
                    row["reply_to"] or None,
                    split(row["mentions"]),
                )
            )
    with open(os.path.join(org, "roster.csv"), newline="") as f:
        roster = {r["person"].lower(): r for r in csv.DictReader(f)}
    groups = defaultdict(set)
    with open(os.path.join(org, "groups.csv"), newline="") as f:
        for r in csv.DictReader(f):
            groups[r["group"]].add(r["person"].lower())
    return messages, roster, groups


def build(messages):
    author = {}
    weight = defaultdict(float)
    thread_of = {}
    root = {}
    replies = defaultdict(lambda: defaultdict(int))
    channel_people = defaultdict(set)
    for mid, _t, s, rc, cc, ch, th, rt, mn in messages:
        author[mid] = s
        rcpt = {}
        for r in rc:
            if r != s and r not in rcpt:
                rcpt[r] = 1.0
        for r in cc:
            if r != s and r not in rcpt:
                rcpt[r] = 0.5
        if len(rcpt) <= 50:
            for r, w in rcpt.items():
                weight[(s, r)] += w / len(rcpt)
            for r in set(mn):
                if r != s:
                    weight[(s, r)] += 1.0
            if rt is not None:
                p = author.get(rt)
                if p is not None and p != s:
                    weight[(s, p)] += 2.0
        # threads: by thread id, else the parent's thread, else a thread of its own
        t = th or (thread_of.get(rt) if rt else None) or mid
        thread_of[mid] = t
        if mid == t or (rt is None and t not in root):
            root[t] = s
        else:
            replies[t][s] += 1
        if ch is not None:
            channel_people[ch].add(s)
    G = nx.DiGraph()
    G.add_edges_from((a, b, {"weight": w, "distance": 1.0 / w}) for (a, b), w in weight.items())
    help_graph = nx.DiGraph()
    answers = defaultdict(int)
    questions = defaultdict(int)
    for t, by in replies.items():
        asker = root.get(t)
        if asker is None:
            continue
        answered = False
        for person, n in by.items():
            if person == asker:
                continue
            answered = True
            answers[person] += n
            if help_graph.has_edge(asker, person):
                help_graph[asker][person]["weight"] += n
            else:
                help_graph.add_edge(asker, person, weight=n)
        if answered:
            questions[asker] += 1
    return G, help_graph, answers, questions, channel_people, undirected(G)


def undirected(G):
    U = nx.Graph()
    for a, b, d in G.edges(data=True):
        if U.has_edge(a, b):
            U[a][b]["weight"] += d["weight"]
        else:
            U.add_edge(a, b, weight=d["weight"])
    for a, b, d in U.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    return U


def communities(U, seed):
    runs = [nx.community.louvain_communities(U, weight="weight", seed=seed + i) for i in range(10)]
    best = max(runs, key=lambda p: nx.community.modularity(U, p, weight="weight"))
    return {v: i for i, c in enumerate(sorted(best, key=len, reverse=True)) for v in c}


def expertise(help_graph, answers, questions):
    pr = nx.pagerank(help_graph, weight="weight")
    z = {}
    for p in set(answers) | set(questions):
        a, q = answers[p], questions[p]
        z[p] = (a - q) / math.sqrt(a + q) if a + q > 0 else 0.0
    return pr, z


def brokerage(U, seed):
    return nx.betweenness_centrality(U, k=min(256, U.number_of_nodes()), weight="distance", seed=seed)


def bh(ps):
    order = sorted(range(len(ps)), key=lambda i: ps[i])
    q = [0.0] * len(ps)
    running = 1.0
    for rank in range(len(ps), 0, -1):
        i = order[rank - 1]
        running = min(running, ps[i] * len(ps) / rank)
        q[i] = running
    return q


def cohesion(G, roster, groups, channel_people, R, seed):
    sets = {}
    by_department = defaultdict(set)
    for p, r in roster.items():
        if r.get("department"):
            by_department[r["department"]].add(p)
    for d, m in by_department.items():
        sets[f"department:{d}"] = m
    for g, m in groups.items():
        sets[g] = m
    for c, m in channel_people.items():
        sets[c] = m
    names = sorted(n for n, m in sets.items() if len([x for x in m if x in G]) >= 5)
    members = {n: [x for x in sets[n] if x in G] for n in names}
    member_sets = {n: set(members[n]) for n in names}

    def internal(H, n):
        ms = member_sets[n]
        return sum(1 for u in members[n] for v in H.successors(u) if v in ms)

    observed = {n: internal(G, n) for n in names}
    rng = random.Random(seed)
    H = nx.DiGraph(G.edges())
    edges = list(H.edges())
    m = len(edges)

    def swaps(k):
        for _ in range(k):
            i, j = rng.randrange(m), rng.randrange(m)
            a, b = edges[i]
            c, d = edges[j]
            if a == d or c == b or b == d or a == c:
                continue
            if H.has_edge(a, d) or H.has_edge(c, b):
                continue
            H.remove_edge(a, b)
            H.remove_edge(c, d)
            H.add_edge(a, d)
            H.add_edge(c, b)
            edges[i] = (a, d)
            edges[j] = (c, b)

    above_a = {n: 0 for n in names}
    swaps(10 * m)
    for r in range(R):
        if r > 0:
            swaps(m)
        for n in names:
            if internal(H, n) >= observed[n]:
                above_a[n] += 1
    # null B: random sets with the group's profile over 10 degree strata
    order = sorted(G.nodes(), key=lambda v: (G.degree(v), v))
    bins = 10
    stratum = {v: min(bins - 1, (i * bins) // len(order)) for i, v in enumerate(order)}
    pools = [[v for v in order if stratum[v] == h] for h in range(bins)]
    above_b = {n: 0 for n in names}
    for _ in range(R):
        for n in names:
            profile = [0] * bins
            for v in members[n]:
                profile[stratum[v]] += 1
            drawn = []
            for h in range(bins):
                if profile[h]:
                    drawn.extend(rng.sample(pools[h], profile[h]))
            ds = set(drawn)
            if sum(1 for u in drawn for v in G.successors(u) if v in ds) >= observed[n]:
                above_b[n] += 1
    p = [max((1 + above_a[n]) / (1 + R), (1 + above_b[n]) / (1 + R)) for n in names]
    q = bh(p)
    return {n: {"members": len(members[n]), "internal": observed[n], "p": p[i], "q": q[i]} for i, n in enumerate(names)}


def report(G, part, pr, z, bc, tests, out):
    people = [
        {"id": v, "community": part.get(v), "pagerank": pr.get(v, 0.0), "z": z.get(v, 0.0), "betweenness": bc.get(v, 0.0)}
        for v in sorted(G.nodes())
    ]
    with open(os.path.join(out, "report.json"), "w") as f:
        json.dump({"people": people, "groups": tests}, f, indent=2)
    for v in G.nodes():
        G.nodes[v]["community"] = part.get(v, -1)
        G.nodes[v]["pagerank"] = pr.get(v, 0.0)
        G.nodes[v]["betweenness"] = bc.get(v, 0.0)
    nx.write_gexf(G, os.path.join(out, "graph.gexf"))
    nx.write_graphml(G, os.path.join(out, "graph.graphml"))


def main():
    org, R, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    w, c = time.perf_counter(), time.process_time()
    messages, roster, groups = stage("read", read, org)
    G, help_graph, answers, questions, channel_people, U = stage("build", build, messages)
    del messages
    part = stage("communities", communities, U, seed)
    pr, z = stage("expertise", expertise, help_graph, answers, questions)
    bc = stage("brokerage", brokerage, U, seed)
    tests = stage("practice", cohesion, G, roster, groups, channel_people, R, seed)
    out = tempfile.mkdtemp()
    try:
        stage("report", report, G, part, pr, z, bc, tests, out)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    print(
        json.dumps(
            {
                "networkx": nx.__version__,
                "description": (
                    "csv module; DiGraph of ties; 10 × louvain_communities; pagerank and z-scores on the help graph; "
                    f"betweenness_centrality k = 256 on distances; the cohesion test of {len(tests)} groups with R = {R} "
                    "directed double-edge-swap samples (burn-in 10·m) and R stratified random sets; write_gexf, "
                    "write_graphml and a JSON report."
                ),
                "people": G.number_of_nodes(),
                "ties": G.number_of_edges(),
                "stages": STAGES,
                "total": {
                    "wall": time.perf_counter() - w,
                    "cpu": time.process_time() - c,
                    "peakRssMb": max(x["peakRssMb"] for x in STAGES.values()),
                },
            }
        )
    )


if __name__ == "__main__":
    main()
