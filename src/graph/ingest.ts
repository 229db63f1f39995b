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
  /**
   * Also build one interaction graph (and its window graphs) per channel, from that channel's messages
   * only, with the same options: `true` for every channel, or a list of channels. Default: none.
   * A channel group (a Slack channel, a mailing list) is analysed on its own channel's graph.
   */
  channels?: boolean | readonly string[];
}

/** The graphs of one channel's messages (see {@link IngestOptions.channels}). */
export interface ChannelGraph {
  channel: string;
  graph: InteractionGraph;
  /** One graph per window (empty without the `window` option). */
  windows: WindowGraph[];
}

/** Result of {@link ingest}. */
export interface Ingested {
  graph: InteractionGraph;
  /** One graph per window (empty without the `window` option). */
  windows: WindowGraph[];
  threads: ThreadSummaries;
  /** Per-channel graphs, sorted by channel, when the `channels` option asked for them. */
  channels?: ChannelGraph[];
  /** Reader accounting when the messages came from a reader. */
  read?: ReadStats;
}

/**
 * Reads a log once and returns the interaction graph, window graphs and thread summaries.
 *
 * @example
 * const { graph, windows, threads } = await ingest(readCsv('messages.csv'), { window: '30d' });
 * // one graph per channel as well, for channel groups
 * const { channels } = await ingest(readCsv('messages.csv'), { window: '30d', channels: true });
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
  const wanted = options.channels;
  const only = Array.isArray(wanted) ? new Set<string>(wanted) : undefined;
  const perChannel = new Map<string, InteractionGraphBuilder>();
  if (only) for (const c of only) perChannel.set(c, new InteractionGraphBuilder({ ...options, exclude }));
  await forEachMessage(messages, (m) => {
    builder.add(m);
    collector.add(m);
    if (!wanted || m.channel === undefined) return;
    let b = perChannel.get(m.channel);
    if (!b) {
      if (only) return;
      b = new InteractionGraphBuilder({ ...options, exclude });
      perChannel.set(m.channel, b);
    }
    b.add(m);
  });
  const { graph, windows } = builder.finish();
  const threads = collector.finish();
  const stats = (messages as { stats?: ReadStats }).stats;
  const result: Ingested = { graph, windows, threads };
  if (wanted) {
    result.channels = [...perChannel.keys()]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((channel) => ({ channel, ...(perChannel.get(channel) as InteractionGraphBuilder).finish() }));
    for (const c of result.channels) c.graph.setAttribute('channel', c.channel);
  }
  if (stats && typeof stats.read === 'number') {
    graph.setAttribute('read', stats);
    result.read = stats;
  }
  return result;
}
