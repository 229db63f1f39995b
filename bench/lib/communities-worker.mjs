// Worker of the communities benchmark's worker-thread experiment: rebuilds the LFR graph from its edge list
// (same node and edge order as the parent's graph, hence the same compact view and results) and runs the
// detections for its seeds.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { UndirectedGraph } from 'graphology';
import { detectCommunities } from '../../dist/index.js';

const t = performance.now();
const graph = new UndirectedGraph();
for (let i = 0; i < workerData.n; i++) graph.addNode(String(i), {});
for (const line of readFileSync(workerData.edges, 'utf8').split('\n')) {
  if (!line) continue;
  const [s, u] = line.split(' ');
  graph.addUndirectedEdge(s, u, { weight: 1, distance: 1 });
}
const buildSeconds = (performance.now() - t) / 1000;
const modularity = workerData.seeds.map((seed) => detectCommunities(graph, { seed }).modularity);
parentPort.postMessage({ buildSeconds, modularity });
