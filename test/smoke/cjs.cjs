// Runs the BUILT CJS entry through the package's own `exports` map (self-reference by name).
// Run with --no-experimental-require-module to emulate Jest and Node < 20.19.
const assert = require('node:assert/strict');
const {
  analyzeOrganization,
  buildInteractionGraph,
  createPseudonymizer,
  readCsv,
  renderOutputs,
  summarizeGraph,
} = require('practice-graph');

async function main() {
  const graph = await buildInteractionGraph(readCsv('fixtures/logs/small.csv'));
  const summary = summarizeGraph(graph);
  assert.equal(summary.people, 5);
  assert.equal(summary.ties, 7);
  assert.equal(graph.getEdgeAttribute('bob@example.org', 'ada@example.org', 'weight'), 2.5);
  // the Jest/CJS recipe of docs/recipes.md, plus every output renderer and Web Crypto pseudonymisation
  const messages = [
    { id: 'q1', sender: 'ann', recipients: [], cc: [], mentions: [], channel: '#help', threadId: 'q1' },
    {
      id: 'a1',
      sender: 'bob',
      recipients: ['ann'],
      cc: [],
      mentions: [],
      channel: '#help',
      threadId: 'q1',
      replyTo: 'q1',
    },
  ];
  const pseudonymizer = await createPseudonymizer('a smoke-test secret of some length');
  const { report, graph: g } = await analyzeOrganization(messages, {
    groupByChannel: true,
    minGroupSize: 2,
    pseudonymizer,
  });
  assert.equal(report.groups[0].name, '#help');
  assert.equal(report.input.ties, 1);
  assert.match(report.people[0].id, /^p-[0-9a-f]{16}$/);
  const outputs = renderOutputs(report, g);
  assert.ok(outputs['graph.gexf'].includes('<gexf') && outputs['report.html'].includes('group-card'));
  console.log('smoke cjs: ok');
}
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
