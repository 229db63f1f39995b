// Deno smoke test of the BUILT library (run `npm run build` first):
//   npx deno run --allow-read=. test/deno-smoke.ts
// package.json + node_modules/ in the project root make Deno resolve the bare npm
// specifiers inside dist/ from node_modules (no network, no deno.json needed).
import {
  analyzeOrganization,
  buildInteractionGraph,
  createPseudonymizer,
  createRng,
  detectCommunities,
  generateLfrGraph,
  MESSAGE_CSV_COLUMNS,
  messageCsvRow,
  readCsv,
  renderOutputs,
  simulateOrganization,
  summarizeGraph,
  testCommunities,
  testCommunitiesAsync,
} from '../dist/index.js';

function check(cond: boolean, msg: string): void {
  if (!cond) {
    console.error(`deno-smoke: FAIL ${msg}`);
    Deno.exit(1);
  }
}

const graph = await buildInteractionGraph(readCsv('fixtures/logs/small.csv'));
const summary = summarizeGraph(graph);
check(summary.people === 5 && summary.ties === 7, `graph size ${summary.people}/${summary.ties}`);
check(graph.getEdgeAttribute('bob@example.org', 'ada@example.org', 'weight') === 2.5, 'tie weight');
const fromText = await buildInteractionGraph(readCsv({ text: 'from,to,date\na,b,2024-01-01T00:00:00Z\n' }));
check(fromText.size === 1, 'graph from text');
// the seeded generator must give the same stream as under Node (values checked in test/random.test.ts)
const rng = createRng(42);
const draws = [rng(), rng(), rng()];
check(
  draws.every((x) => x >= 0 && x < 1),
  `rng range ${draws}`,
);
// the simulator gives the same bytes under Deno as under Node (fixtures/sample-org, checked by test/simulate)
const org = simulateOrganization({ people: 150, days: 60, seed: 7 });
let csv = `${MESSAGE_CSV_COLUMNS.join(',')}\n`;
for (const m of org) csv += `${messageCsvRow(m)}\n`;
check(csv === (await Deno.readTextFile('fixtures/sample-org/messages.csv')), 'simulated sample organisation');
// seeded LFR graph + Louvain: the digest Node gives (test/communities/determinism.test.ts)
const lfr = generateLfrGraph({ nodes: 300, minCommunity: 20, maxCommunity: 60, mixing: 0.4, seed: 3 });
const detection = detectCommunities(lfr.graph, { seed: 5 });
let h = 0x811c9dc5;
const text = JSON.stringify([detection.assignment, detection.modularity]);
for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
check((h >>> 0).toString(16) === '248dfd5a', `communities digest ${(h >>> 0).toString(16)}`);
// the q–s test's null graphs on two worker threads (node:worker_threads, SharedArrayBuffer slots) give the
// calling thread's result
const qsOptions = { samples: 4, seed: 5, getEdgeWeight: 'weight' };
const qsHere = JSON.stringify(testCommunities(lfr.graph, qsOptions));
const qsWorkers = JSON.stringify(await testCommunitiesAsync(lfr.graph, { ...qsOptions, workers: 2 }));
check(qsHere === qsWorkers, 'q–s test on worker threads');
// the whole pipeline, with Web Crypto pseudonymisation and every output renderer
const pseudonymizer = await createPseudonymizer('a smoke-test secret of some length');
const { report, graph: g } = await analyzeOrganization(readCsv('fixtures/logs/small.csv'), {
  groupAll: 'all',
  pseudonymizer,
});
check(report.input.people === 5 && report.groups.length === 1, `report ${report.input.people}`);
check(
  report.people.every((p: { id: string }) => /^p-[0-9a-f]{16}$/.test(p.id)),
  'pseudonyms',
);
const ada = await (await createPseudonymizer('a smoke-test secret of some length')).id('ada@example.org');
check(
  report.people.some((p: { id: string }) => p.id === ada),
  'stable pseudonym',
);
const outputs = renderOutputs(report, g);
check(
  Object.keys(outputs).length === 10 &&
    (outputs as Record<string, string>)['report.html']?.includes('group-card') === true,
  'outputs',
);
console.log(
  `deno-smoke: ok (Deno ${Deno.version.deno}) ${JSON.stringify({ people: summary.people, ties: summary.ties, rng: draws[0] })}`,
);
