// Runs the BUILT ESM entry through the package's own `exports` map (self-reference by name).
import assert from 'node:assert/strict';
import { buildInteractionGraph, readCsv, summarizeGraph } from 'practice-graph';

const graph = await buildInteractionGraph(readCsv('fixtures/logs/small.csv'));
const summary = summarizeGraph(graph);
assert.equal(summary.people, 5);
assert.equal(summary.ties, 7);
assert.equal(graph.getEdgeAttribute('bob@example.org', 'ada@example.org', 'weight'), 2.5);
assert.equal(summary.read.read, summary.read.accepted + summary.read.rejected);
console.log('smoke esm: ok');
