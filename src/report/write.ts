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

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { InteractionGraph } from '../graph/build.js';
import { communitiesCsv, groupsCsv, peopleCsv } from './csv.js';
import { toGexf, toGraphml } from './graph-export.js';
import { type HtmlOptions, renderHtml } from './html.js';
import { type LayoutOptions, layoutGraph } from './layout.js';
import type { Report } from './model.js';
import { neo4jHandoff } from './neo4j.js';

/** Options of {@link renderOutputs} and {@link writeReport}. */
export interface WriteReportOptions {
  layout?: LayoutOptions;
  html?: HtmlOptions;
  /** Outputs to leave out, by file name (e.g. `['graph.graphml']`). */
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

/** Renders every output in memory, by relative path. */
export function renderOutputs(
  report: Report,
  graph: InteractionGraph,
  options: WriteReportOptions = {},
): Record<string, string> {
  const skip = new Set(options.skip ?? []);
  const community = new Map(report.people.map((p) => [p.id, p.community]));
  const needsLayout = !skip.has('graph.gexf') || !skip.has('report.html') || !skip.has('graph.graphml');
  const positions = needsLayout
    ? layoutGraph(graph, (id) => community.get(id) ?? null, { seed: report.params.seed, ...options.layout })
    : new Map();
  const out: Record<string, string> = {};
  const add = (name: string, make: () => string) => {
    if (!skip.has(name)) out[name] = make();
  };
  add('report.json', () => `${JSON.stringify(report, null, 2)}\n`);
  add('people.csv', () => peopleCsv(report));
  add('communities.csv', () => communitiesCsv(report));
  add('groups.csv', () => groupsCsv(report));
  add('graph.gexf', () => toGexf(report, graph, positions));
  add('graph.graphml', () => toGraphml(report, graph, positions));
  if (![...skip].some((s) => s.startsWith('neo4j'))) Object.assign(out, neo4jHandoff(report, graph));
  add('report.html', () => renderHtml(report, graph, positions, options.html));
  return out;
}

/**
 * Writes the outputs into `dir` (created if needed) and returns the paths written.
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
  const outputs = renderOutputs(report, graph, options);
  const written: string[] = [];
  for (const [name, text] of Object.entries(outputs)) {
    const path = join(dir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    written.push(path);
  }
  return written;
}
