/**
 * Writes every output of a report into a folder:
 *
 *     report.json   report.html   people.csv   communities.csv   groups.csv
 *     graph.gexf    graph.graphml neo4j/nodes.csv  neo4j/ties.csv  neo4j/load.cypher
 *
 * All of them derive from the {@link Report} (plus the graph's ties), so pseudonymisation and the minimum
 * group size apply to every file alike. Output is deterministic: the same report gives the same bytes.
 *
 * @module
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { InteractionGraph } from '../graph/build.js';
import { communitiesCsv, groupsCsv, peopleTable, toCsv } from './csv.js';
import { gexfChunks, graphmlChunks, sortedTies, type Tie } from './graph-export.js';
import { type HtmlOptions, renderHtml } from './html.js';
import { type LayoutOptions, layoutGraph, type Positions } from './layout.js';
import type { Report } from './model.js';
import { neo4jCypher, neo4jTiesChunks } from './neo4j.js';

/** Options of {@link renderOutputs} and {@link writeReport}. */
export interface WriteReportOptions {
  layout?: LayoutOptions;
  html?: HtmlOptions;
  /** Positions already computed with {@link layoutGraph} (default: computed here, once, when needed). */
  positions?: Positions;
  /** Ties already sorted with `sortedTies` (default: sorted here, once, when needed). */
  ties?: Tie[];
  /** Outputs to leave out, by file name or folder (e.g. `['graph.graphml', 'neo4j']`). */
  skip?: string[];
}

/** The names of the files {@link writeReport} writes, in order. */
export const REPORT_FILES: readonly string[] = Object.freeze([
  'report.json',
  'people.csv',
  'communities.csv',
  'groups.csv',
  'graph.gexf',
  'graph.graphml',
  'neo4j/nodes.csv',
  'neo4j/ties.csv',
  'neo4j/load.cypher',
  'report.html',
]);

/**
 * Every output as a lazy producer of text chunks, by relative path, in {@link REPORT_FILES} order. The layout
 * and the sorted ties are computed once and shared; big files (GEXF, GraphML, ties) come in chunks so that
 * they are written in bounded memory.
 */
export function outputProducers(
  report: Report,
  graph: InteractionGraph,
  options: WriteReportOptions = {},
): Map<string, () => Iterable<string>> {
  const skip = options.skip ?? [];
  const skipped = (name: string) => skip.some((s) => name === s || name.startsWith(`${s}/`));
  const community = new Map(report.people.map((p) => [p.id, p.community]));
  let positions: Positions | undefined = options.positions;
  const layout = () => {
    positions ??= layoutGraph(graph, (id) => community.get(id) ?? null, {
      seed: report.params.seed,
      ...options.layout,
    });
    return positions;
  };
  let ties: Tie[] | undefined = options.ties;
  const tiesOf = () => {
    ties ??= sortedTies(graph);
    return ties;
  };
  const people = peopleTable(report);
  const all: [string, () => Iterable<string>][] = [
    ['report.json', () => [`${JSON.stringify(report, null, 2)}\n`]],
    ['people.csv', () => [toCsv(people.header, people.rows)]],
    ['communities.csv', () => [communitiesCsv(report)]],
    ['groups.csv', () => [groupsCsv(report)]],
    ['graph.gexf', () => gexfChunks(report, tiesOf(), layout())],
    ['graph.graphml', () => graphmlChunks(report, tiesOf(), layout())],
    ['neo4j/nodes.csv', () => [toCsv(people.header, people.rows)]],
    ['neo4j/ties.csv', () => neo4jTiesChunks(tiesOf())],
    ['neo4j/load.cypher', () => [neo4jCypher(report, people.header)]],
    ['report.html', () => [renderHtml(report, graph, layout(), options.html)]],
  ];
  return new Map(all.filter(([name]) => !skipped(name)));
}

/** Renders every output in memory, by relative path (for files too large for one string, use {@link writeReport}). */
export function renderOutputs(
  report: Report,
  graph: InteractionGraph,
  options: WriteReportOptions = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, produce] of outputProducers(report, graph, options)) out[name] = [...produce()].join('');
  return out;
}

async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const stream = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
  }
  stream.end();
  await Promise.race([once(stream, 'finish'), failed]);
}

/**
 * Writes the outputs into `dir` (created if needed), streaming the big ones, and returns the paths written.
 *
 * @example
 * const { report, graph } = await analyzeOrganization(readCsv('mail.csv'));
 * await writeReport(report, graph, 'practice-graph-report');
 */
export async function writeReport(
  report: Report,
  graph: InteractionGraph,
  dir: string,
  options: WriteReportOptions = {},
): Promise<string[]> {
  const written: string[] = [];
  for (const [name, produce] of outputProducers(report, graph, options)) {
    const path = join(dir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeChunks(path, produce());
    written.push(path);
  }
  return written;
}
