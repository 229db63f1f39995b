// Expertise and brokerage benchmark, side by side with NetworkX and python-igraph in the same run.
//   node bench/expertise.bench.mjs          full sizes; writes bench/results/expertise.md
//   node bench/expertise.bench.mjs --dry    tiny sizes (CI: checks that it runs)
// Measures (medians of repeated runs; ratios are peer time / our time):
//   - sampled betweenness, k = 256, on 10k and 100k nodes: ours (linear scaling and uniform) vs NetworkX
//     betweenness_centrality(G, k=256, seed=…, weight='distance'); accuracy vs exact at 10k
//   - exact betweenness at 1k and 10k: ours vs graphology-metrics and python-igraph Graph.betweenness
//   - PageRank (graphology-metrics, as scoreExpertise uses it) and HITS (ours) vs NetworkX pagerank / hits
// Graphs: a seeded organisation-like generator (communities of 20–80 people, ~9 ties each, 20% across
// communities, strengths 1–5, distance = 1/strength), connected by a ring.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import graphologyBetweenness from 'graphology-metrics/centrality/betweenness.js';
import graphologyHits from 'graphology-metrics/centrality/hits.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import { betweenness, betweennessValues, createRng, hits, randomInt, snapshotGraph, spearman } from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const DRY = process.argv.includes('--dry');
const PYTHON = '/usr/bin/python3';
const K = DRY ? 16 : 256;
const SEED = 7;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(fn, runs) {
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const t = performance.now();
    result = fn();
    times.push((performance.now() - t) / 1000);
  }
  return { seconds: median(times), times, result };
}

function generate(n, seed) {
  const rng = createRng(seed);
  const community = [];
  const members = [];
  for (let i = 0; i < n; ) {
    const size = Math.min(n - i, 20 + randomInt(rng, 61));
    const list = [];
    for (let j = 0; j < size; j++, i++) {
      community.push(members.length);
      list.push(i);
    }
    members.push(list);
  }
  const seen = new Set();
  const edges = [];
  const tie = (a, b) => {
    if (a === b) return;
    const key = a < b ? a * n + b : b * n + a;
    if (seen.has(key)) return;
    seen.add(key);
    const w = 1 + randomInt(rng, 5);
    edges.push([a, b, w]);
  };
  for (let i = 0; i < n; i++) tie(i, (i + 1) % n);
  for (let i = 0; i < n; i++) {
    for (let e = 0; e < 4; e++) {
      if (rng() < 0.2) tie(i, randomInt(rng, n));
      else {
        const list = members[community[i]];
        tie(i, list[randomInt(rng, list.length)]);
      }
    }
  }
  const undirected = new UndirectedGraph();
  const directed = new DirectedGraph();
  for (let i = 0; i < n; i++) {
    undirected.addNode(String(i));
    directed.addNode(String(i));
  }
  for (const [a, b, w] of edges) {
    undirected.addEdge(String(a), String(b), { weight: w, distance: 1 / w });
    directed.addEdge(String(a), String(b), { weight: w, distance: 1 / w });
  }
  return { n, edges, undirected, directed };
}

function runPeers(graph, tasks, dir) {
  const edgesPath = join(dir, `edges-${graph.n}.tsv`);
  writeFileSync(edgesPath, graph.edges.map(([a, b, w]) => `${a}\t${b}\t${w}\t${1 / w}`).join('\n'));
  const tasksPath = join(dir, `tasks-${graph.n}.json`);
  writeFileSync(tasksPath, JSON.stringify(tasks));
  if (!existsSync(PYTHON)) return { versions: {} };
  const r = spawnSync(PYTHON, [join(here, 'peers', 'expertise_peers.py'), edgesPath, tasksPath], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) {
    console.error(`peers failed (exit ${r.status}); reported as n/a`);
    return { versions: {} };
  }
  return JSON.parse(r.stdout);
}

const peerSeconds = (entry) => (entry ? median(entry.times) : null);
const fmt = (s) =>
  s === null || s === undefined ? 'n/a' : s < 0.01 ? `${(s * 1000).toFixed(2)} ms` : `${s.toFixed(3)} s`;
const ratio = (peer, ours) => (peer === null || peer === undefined ? 'n/a' : `${(peer / ours).toFixed(1)}×`);

function accuracy(exact, values) {
  let abs = 0;
  for (let i = 0; i < exact.length; i++) abs += Math.abs(values[i] - exact[i]);
  return { spearman: spearman(exact, values), mae: abs / exact.length };
}

const dir = mkdtempSync(join(tmpdir(), 'pg-bench-expertise-'));
const rows = [];
const notes = [];
let versions = {};
try {
  const sizes = DRY
    ? { exact: [200], sampled: [300, 500], rank: [500] }
    : { exact: [1000, 10000], sampled: [10000, 100000], rank: [10000, 100000] };
  const runs = (n) => (DRY ? 1 : n >= 100000 ? 1 : n >= 10000 ? 3 : 5);
  const graphs = new Map();
  const graphOf = (n) => {
    if (!graphs.has(n)) graphs.set(n, generate(n, SEED));
    return graphs.get(n);
  };
  const allSizes = [...new Set([...sizes.exact, ...sizes.sampled, ...sizes.rank])].sort((a, b) => a - b);
  for (const n of allSizes) {
    const g = graphOf(n);
    console.log(`n = ${n}: ${g.edges.length} ties`);
    const tasks = [];
    const exactHere = sizes.exact.includes(n);
    const sampledHere = sizes.sampled.includes(n);
    const rankHere = sizes.rank.includes(n);
    const withAccuracy = sampledHere && exactHere;
    if (exactHere) tasks.push({ id: 'igraph-exact', task: 'igraph-exact', runs: runs(n), values: true });
    if (sampledHere) {
      tasks.push({
        id: 'nx-sampled',
        task: 'nx-sampled',
        runs: DRY ? 1 : n >= 100000 ? 1 : 3,
        k: K,
        seed: SEED,
        values: withAccuracy,
      });
    }
    if (rankHere) {
      tasks.push({ id: 'nx-pagerank', task: 'nx-pagerank', runs: runs(n) });
      tasks.push({ id: 'nx-hits', task: 'nx-hits', runs: runs(n) });
    }
    const peers = runPeers(g, tasks, dir);
    versions = { ...versions, ...peers.versions };
    let exact = null;
    if (exactHere) {
      const ours = time(() => betweenness(g.undirected, { exactMaxNodes: n }), runs(n));
      const snap = snapshotGraph(g.undirected, { getEdgeWeight: 'distance', valueKind: 'distance' });
      exact = betweennessValues(snap).values;
      const gRuns = n >= 10000 && !DRY ? 1 : runs(n);
      const theirs = time(() => graphologyBetweenness(g.undirected, { getEdgeWeight: 'distance' }), gRuns);
      const ig = peers['igraph-exact'];
      let check = '';
      if (ig?.values) {
        const scale = 2 / ((n - 1) * (n - 2));
        let maxDiff = 0;
        for (let i = 0; i < n; i++) maxDiff = Math.max(maxDiff, Math.abs(ig.values[i] * scale - exact[i]));
        check = `max abs difference from igraph (normalised) ${maxDiff.toExponential(1)}`;
      }
      rows.push([
        `exact betweenness, ${n} nodes`,
        fmt(ours.seconds),
        `graphology-metrics ${fmt(theirs.seconds)} (${ratio(theirs.seconds, ours.seconds)}); igraph ${fmt(peerSeconds(ig))} (${ratio(peerSeconds(ig), ours.seconds)})`,
        check,
      ]);
    }
    if (sampledHere) {
      const lin = time(() => betweenness(g.undirected, { samples: K, exactMaxNodes: 0, seed: SEED }), runs(n));
      const uni = time(
        () => betweenness(g.undirected, { samples: K, exactMaxNodes: 0, seed: SEED, estimator: 'uniform' }),
        runs(n),
      );
      const nx = peers['nx-sampled'];
      let accLin = '';
      let accUni = '';
      let accNx = '';
      if (exact) {
        const snap = snapshotGraph(g.undirected, { getEdgeWeight: 'distance', valueKind: 'distance' });
        const rng = () => createRng(SEED);
        const a = accuracy(exact, betweennessValues(snap, { samples: K, rng: rng() }).values);
        const b = accuracy(exact, betweennessValues(snap, { samples: K, rng: rng(), estimator: 'uniform' }).values);
        accLin = `Spearman ${a.spearman.toFixed(4)}, MAE ${a.mae.toExponential(2)}`;
        accUni = `Spearman ${b.spearman.toFixed(4)}, MAE ${b.mae.toExponential(2)}`;
        if (nx?.values) {
          const c = accuracy(exact, nx.values);
          accNx = `NetworkX: Spearman ${c.spearman.toFixed(4)}, MAE ${c.mae.toExponential(2)}`;
        }
      } else {
        const se = lin.result.people.reduce((s, p) => s + p.standardError, 0) / n;
        accLin = `mean reported SE ${se.toExponential(2)}`;
      }
      const nxs = peerSeconds(nx);
      rows.push([
        `sampled betweenness k=${K}, ${n} nodes, linear scaling (default)`,
        fmt(lin.seconds),
        `NetworkX ${fmt(nxs)} (${ratio(nxs, lin.seconds)})`,
        [accLin, accNx].filter(Boolean).join('; '),
      ]);
      rows.push([
        `sampled betweenness k=${K}, ${n} nodes, uniform (Brandes–Pich)`,
        fmt(uni.seconds),
        `NetworkX ${fmt(nxs)} (${ratio(nxs, uni.seconds)})`,
        accUni,
      ]);
    }
    if (rankHere) {
      const pr = time(
        () => pagerank(g.directed, { getEdgeWeight: 'weight', tolerance: 1e-10, maxIterations: 1000 }),
        runs(n),
      );
      const h = time(() => hits(g.directed), runs(n));
      const nxPr = peerSeconds(peers['nx-pagerank']);
      const nxH = peerSeconds(peers['nx-hits']);
      rows.push([
        `PageRank (graphology-metrics), ${n} nodes`,
        fmt(pr.seconds),
        `NetworkX ${fmt(nxPr)} (${ratio(nxPr, pr.seconds)})`,
        '',
      ]);
      let gh = '';
      if (n <= 10000) {
        // graphology-metrics' hits would need as many iterations: time 20 of them, compare per iteration
        const t = time(() => {
          try {
            graphologyHits(g.directed, { tolerance: 1e-300, maxIterations: 20 });
          } catch {}
        }, 1);
        const ours = h.seconds / h.result.iterations;
        gh = `; per iteration: graphology-metrics hits ${fmt(t.seconds / 20)}, ours ${fmt(ours)} (${ratio(t.seconds / 20, ours)})`;
      }
      rows.push([
        `HITS (ours, typed arrays), ${n} nodes`,
        fmt(h.seconds),
        `NetworkX ${fmt(nxH)} (${ratio(nxH, h.seconds)})${gh}`,
        `${h.result.iterations} iterations`,
      ]);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const table = [
  '| measure | ours (median) | peer (median, ratio peer/ours) | accuracy / check |',
  '| --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
console.log(`\n${table}`);
if (!DRY) {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: here, encoding: 'utf8' }).trim();
  } catch {}
  const info = [
    `- date: ${new Date().toISOString()}, commit ${commit}`,
    `- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at the end`,
    `- node ${process.version}; peers: ${
      Object.entries(versions)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none found'
    }`,
    `- graphs: seeded generator in this file (seed ${SEED}), undirected for betweenness (distance = 1/weight), the same ties directed for PageRank/HITS`,
    '- times: medians (5 runs at 1k, 3 at 10k, 1 at 100k; graphology-metrics exact at 10k and its hits: 1 run); peer times cover the call only, ours include the typed-array snapshot',
    ...notes,
  ].join('\n');
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'expertise.md'), `# Expertise and brokerage benchmark\n\n${info}\n\n${table}\n`);
  console.log('written bench/results/expertise.md');
}
