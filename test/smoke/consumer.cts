// Type-level smoke test of the BUILT .d.cts as a strict NodeNext CJS consumer sees it.
import { buildInteractionGraph, readCsv } from 'practice-graph';

export const pending = buildInteractionGraph(readCsv({ text: 'from,to\na,b\n' })).then((graph) => {
  // @ts-expect-error -- the graph type must not degrade to `any`
  graph.noSuchMethod();
  return graph.order;
});
