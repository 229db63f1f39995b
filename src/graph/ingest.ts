/**
 * One pass over a message log that feeds every consumer at once: the interaction graph, the window
 * graphs and the thread summaries. Logs larger than memory are read exactly once.
 *
 * @module
 */

import type { Message } from '../log/message.js';
import { forEachMessage, type ReadStats } from '../log/message-log.js';
import { ThreadCollector, type ThreadOptions, type ThreadSummaries } from '../log/threads.js';
import {
  type BuildOptions,
  type InteractionGraph,
  InteractionGraphBuilder,
  type WindowGraph,
  type WindowOptions,
} from './build.js';

/** Options of {@link ingest}. */
export interface IngestOptions extends BuildOptions, WindowOptions {
  /** Options of the thread summaries (`exclude` is shared with the graph). */
  threads?: Omit<ThreadOptions, 'exclude'>;
}

/** Result of {@link ingest}. */
export interface Ingested {
  graph: InteractionGraph;
  /** One graph per window (empty without the `window` option). */
  windows: WindowGraph[];
  threads: ThreadSummaries;
  /** Reader accounting when the messages came from a reader. */
  read?: ReadStats;
}

/**
 * Reads a log once and returns the interaction graph, window graphs and thread summaries.
 *
 * @example
 * const { graph, windows, threads } = await ingest(readCsv('messages.csv'), { window: '30d' });
 */
export async function ingest(
  messages: AsyncIterable<Message> | Iterable<Message>,
  options: IngestOptions = {},
): Promise<Ingested> {
  const exclude = [...(options.exclude ?? [])];
  const builder = new InteractionGraphBuilder({ ...options, exclude });
  const collector = new ThreadCollector({
    ...options.threads,
    exclude,
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
  });
  await forEachMessage(messages, (m) => {
    builder.add(m);
    collector.add(m);
  });
  const { graph, windows } = builder.finish();
  const threads = collector.finish();
  const stats = (messages as { stats?: ReadStats }).stats;
  const result: Ingested = { graph, windows, threads };
  if (stats && typeof stats.read === 'number') {
    graph.setAttribute('read', stats);
    result.read = stats;
  }
  return result;
}
