// Type-level smoke test of the BUILT .d.ts as a strict NodeNext ESM consumer sees it.
import {
  buildInteractionGraph,
  type GraphSummary,
  type InteractionGraph,
  readCsv,
  summarizeGraph,
} from 'practice-graph';

const graph: InteractionGraph = await buildInteractionGraph(readCsv({ text: 'from,to\na,b\n' }));
const order: number = graph.order;
const weight: number = graph.getEdgeAttribute('a', 'b', 'weight');
// @ts-expect-error -- the graph type must not degrade to `any`
graph.noSuchMethod();
const summary: GraphSummary = summarizeGraph(graph);

export { order, summary, weight };
