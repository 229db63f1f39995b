// The practice test at scale: every formal group of a simulated 10,000-person organisation (about 500
// groups) with R = 200 null samples, the split of time between the nulls and the indicators, memory; and
// the cohesion test's per-group cost next to a straightforward NetworkX implementation of the same test
// (directed double-edge swaps + stratified permutation) on the same graph and groups.
//   npm run build && node bench/practice.bench.mjs [--dry]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest, simulateOrganization, testGroups } from '../dist/index.js';
import { DATA_DIR, DRY, ensureDir, fmt, median, python, table, writeResults } from './lib/common.mjs';

const PEOPLE = DRY ? 300 : 10_000;
const DAYS = DRY ? 28 : 56;
const R = DRY ? 20 : 200;
const RUNS = DRY ? 1 : 3;
const PEER_R = DRY ? 2 : 20;
const groups = DRY
  ? undefined
  : {
      'community-of-practice': { count: 125, channels: 40 },
      'social-learning': { count: 125, channels: 80 },
      hybrid: { count: 125 },
      'not-a-unit': { count: 125 },
    };

const tGen = performance.now();
const org = simulateOrganization({ seed: 1, people: PEOPLE, days: DAYS, ...(groups ? { groups } : {}) });
const input = await ingest(org, { window: '14d', channels: true, exclude: org.truth.bots });
const ingestSeconds = (performance.now() - tGen) / 1000;
const planted = org.truth.groups;
const messages = input.graph.getAttribute('stats').messages;
console.error(
  `practice bench: ${PEOPLE} people, ${messages} messages, ${input.graph.size} ties, ${planted.length} groups (${fmt(ingestSeconds, 1)} s to simulate and ingest)`,
);

async function measure(label, options) {
  const runs = [];
  let result;
  for (let i = 0; i < RUNS; i++) {
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const phases = {};
    const t = performance.now();
    result = testGroups(input, planted, {
      seed: 1,
      ...options,
      profile: (phase, ms) => {
        phases[phase] = (phases[phase] ?? 0) + ms / 1000;
      },
    });
    const seconds = (performance.now() - t) / 1000;
    const heapAfter = process.memoryUsage().heapUsed;
    runs.push({ seconds, phases, heapMB: (heapAfter - heapBefore) / 2 ** 20 });
  }
  const seconds = median(runs.map((r) => r.seconds));
  const phases = Object.keys(runs[0].phases).map((k) => [k, median(runs.map((r) => r.phases[k] ?? 0))]);
  return { label, seconds, phases, heapMB: median(runs.map((r) => r.heapMB)), result };
}

const configs = [
  await measure(`R = ${R} for every null, no bootstrap (the goal's setting)`, {
    samples: R,
    indicatorSamples: R,
    bootstrap: 0,
  }),
  await measure(`R = ${R}, half as many swaps between rewired samples (thin 0.5), no bootstrap`, {
    samples: R,
    indicatorSamples: R,
    bootstrap: 0,
    thin: 0.5,
  }),
  await measure('defaults (cohesion R = 200, indicators R = 999, 100 bootstrap replicates)', {}),
];
const peakRss = process.resourceUsage().maxRSS / 1024;

// per-group cost of the cohesion test next to NetworkX on the same graph and people groups
ensureDir(DATA_DIR);
const edgesPath = join(DATA_DIR, `practice-${PEOPLE}.edges`);
const groupsPath = join(DATA_DIR, `practice-${PEOPLE}.groups.json`);
const lines = [];
input.graph.forEachEdge((_e, _a, s, d) => {
  if (s !== d) lines.push(`${s}\t${d}`);
});
writeFileSync(edgesPath, `${lines.join('\n')}\n`);
const peopleGroups = planted.filter((g) => g.scope === 'people');
writeFileSync(groupsPath, JSON.stringify(peopleGroups.map((g) => g.members)));
const ours = configs[0];
const phase = (name) => ours.phases.filter(([k]) => k.startsWith(name)).reduce((s, [, v]) => s + v, 0);
// the whole-graph run holds every people group, channel participants and residual sets
const wholeSets = ours.result.groups.filter((g) => g.cohesion.available).length;
const residualSets = ours.result.groups.filter((g) => g.residual.available).length;
const peer = python('peers/practice_cohesion.py', [edgesPath, groupsPath, String(PEER_R), '10', '1']);

const rows = configs.map((c) => [
  c.label,
  fmt(c.seconds, 2),
  c.phases.map(([k, v]) => `${k} ${fmt(v, 2)}`).join('; '),
  fmt(c.heapMB, 0),
]);
const perSampleOurs = (phase('null A') + phase('null B')) / R;
const sections = [
  `Command: \`npm run build && node bench/practice.bench.mjs${DRY ? ' --dry' : ''}\`. Organisation: \`simulateOrganization({ seed: 1, people: ${PEOPLE}, days: ${DAYS}${groups ? ', groups: 125 of each kind' : ''} })\` → ${messages.toLocaleString('en-US')} messages, ${input.graph.order.toLocaleString('en-US')} people, ${input.graph.size.toLocaleString('en-US')} ties, ${planted.length} formal groups (${planted.filter((g) => g.scope === 'channel').length} channels), ingested with 14-day windows and per-channel graphs (${fmt(ingestSeconds, 1)} s, not counted below). Median of ${RUNS} runs of \`testGroups\` over all groups; peak RSS of the process ${fmt(peakRss, 0)} MB.`,
  table(['configuration', 'time (s)', 'split (s)', 'heap held by the result (MB)'], rows),
  `Goal (issue 6): < 10 s for R = 200 on this 2-core machine: **${fmt(ours.seconds, 1)} s**. The cohesion nulls run once per graph for all groups together (one rewiring chain shared by every set, one pass over the arcs per sample); the whole graph held ${wholeSets} cohesion sets (people groups and channel participants) and ${residualSets} residual sets. With \`thin: 0.5\` successive rewired samples share more arcs (each arc is touched about half as often between samples), so their effective number is smaller; the default stays at 1.`,
];
if (peer) {
  const perSamplePeer = peer.swapSecondsPerSample + peer.countSecondsPerSample + peer.strataSecondsPerSample;
  // agreement of the null-A means per group, ours (R = 200) vs NetworkX (R = PEER_R)
  const oursMeans = new Map(ours.result.groups.map((g) => [g.group, g.cohesion.nullA?.mean ?? null]));
  const pairs = peopleGroups
    .map((g, i) => [oursMeans.get(g.name), peer.nullAMeans[i]])
    .filter(([a, b]) => typeof a === 'number' && typeof b === 'number');
  const mx = pairs.reduce((s, [a]) => s + a, 0) / pairs.length;
  const my = pairs.reduce((s, [, b]) => s + b, 0) / pairs.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [a, b] of pairs) {
    sxy += (a - mx) * (b - my);
    sxx += (a - mx) ** 2;
    syy += (b - my) ** 2;
  }
  const r = sxy / Math.sqrt(sxx * syy);
  const perSet = perSampleOurs / (wholeSets + residualSets);
  sections.push(
    `## Cohesion test next to NetworkX ${peer.networkx} (same graph, the ${peopleGroups.length} people groups)\n\nNetworkX: \`bench/peers/practice_cohesion.py\`, a straightforward implementation with \`DiGraph\` edge removals and insertions for the directed double-edge swaps (NetworkX ${peer.networkx} has no \`directed_edge_swap\`), internal arcs counted per group over successors, null B by permutation within 10 degree strata; ${PEER_R} samples after ${peer.burnIn}·m burn-in swaps (R = ${PEER_R} keeps its run to minutes, so per-sample costs are compared). practice-graph: the R = ${R} run above (null A and null B phases), whose whole-graph null run also holds the channel participants and the residual sets.\n\n${table(
      ['', 'practice-graph', `NetworkX ${peer.networkx}`, 'ratio'],
      [
        [
          'one null sample of both nulls, all sets (s)',
          fmt(perSampleOurs, 4),
          fmt(perSamplePeer, 3),
          `${fmt(perSamplePeer / perSampleOurs, 0)}×`,
        ],
        [
          'per set and sample (µs)',
          fmt(perSet * 1e6, 1),
          fmt((perSamplePeer / peer.groups) * 1e6, 0),
          `${fmt(perSamplePeer / peer.groups / perSet, 0)}×`,
        ],
        ['burn-in, 10·m swaps (s)', 'within null A', fmt(peer.burnInSeconds, 1), ''],
      ],
    )}\n\nSame test, same answer: the null-A mean internal arcs per group, NetworkX vs practice-graph, Pearson r = ${fmt(r, 4)}, ratio of the means ${fmt(my / mx, 3)} over ${pairs.length} groups.`,
  );
} else {
  sections.push('NetworkX peer: n/a (`/usr/bin/python3` with python3-networkx not available).');
}
writeResults('practice', 'Practice test: all groups of a 10,000-person organisation', sections);
