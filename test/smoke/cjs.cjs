// Runs the BUILT CJS entry through the package's own `exports` map (self-reference by name).
// Run with --no-experimental-require-module to emulate Jest and Node < 20.19.
const assert = require('node:assert/strict');
const { buildInteractionGraph, readCsv, summarizeGraph } = require('practice-graph');

buildInteractionGraph(readCsv('fixtures/logs/small.csv')).then((graph) => {
  const summary = summarizeGraph(graph);
  assert.equal(summary.people, 5);
  assert.equal(summary.ties, 7);
  assert.equal(graph.getEdgeAttribute('bob@example.org', 'ada@example.org', 'weight'), 2.5);
  console.log('smoke cjs: ok');
});
