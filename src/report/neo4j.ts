/**
 * The Neo4j handoff, for organisations beyond one machine: `neo4j/nodes.csv` (one row per person, the
 * columns of `people.csv`), `neo4j/ties.csv` (one row per directed tie: `source,target,weight,distance,...`)
 * and `neo4j/load.cypher`, which loads both with `LOAD CSV` in batched transactions and then runs, with the
 * Graph Data Science library (GDS 2.x):
 *
 * - Louvain on an undirected projection whose relationship weight is the summed strength (`weight`, as
 *   practice-graph's own Louvain), written back as `gdsCommunity`;
 * - sampled betweenness (Brandes–Pich source sampling, `samplingSize`, `samplingSeed`) on the directed
 *   projection, reading `distance` (1/strength) as the path length — never `weight` — written back as
 *   `gdsBetweenness`.
 *
 * Copy the two CSV files into the database's `import` folder, then `cypher-shell -f load.cypher`.
 *
 * @module
 */

import type { InteractionGraph } from '../graph/build.js';
import { formatCell, peopleTable, toCsv } from './csv.js';
import { sortedTies, type Tie } from './graph-export.js';
import type { Report } from './model.js';

/** Options of {@link neo4jHandoff}. */
export interface Neo4jOptions {
  /** Sources sampled by GDS betweenness. Default 256. */
  samplingSize?: number;
  /** Seed of the sampling. Default the report's seed (hashed to an integer when a string). */
  samplingSeed?: number;
}

/** The columns of `ties.csv`. */
export const NEO4J_TIE_COLUMNS: readonly string[] = Object.freeze([
  'source',
  'target',
  'weight',
  'distance',
  'count',
  'to',
  'cc',
  'bcc',
  'reply',
  'mention',
  'first',
  'last',
]);

/** `ties.csv` as text chunks, one row per directed tie in source, target order. */
export function* neo4jTiesChunks(ties: Tie[]): Generator<string> {
  let lines: string[] = [NEO4J_TIE_COLUMNS.join(',')];
  for (const [s, t, a, first, last] of ties) {
    lines.push(
      `${formatCell(s)},${formatCell(t)},${a.weight},${a.distance},${a.count},${a.to},${a.cc},${a.bcc},${a.reply},${a.mention},${first},${last}`,
    );
    if (lines.length >= 2000) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
}

const NUMERIC_PERSON = new Set([
  'sent',
  'received',
  'expertise_answers',
  'expertise_questions',
  'expertise_z',
  'expertise_pagerank',
  'expertise_authority',
  'expertise_score',
  'betweenness',
  'participation',
  'within_module_z',
  'constraint',
]);
const INTEGER_PERSON = new Set([
  'community',
  'expertise_rank',
  'sent',
  'received',
  'expertise_answers',
  'expertise_questions',
]);

function personSetter(name: string): string {
  const column = name.replace(/`/g, '``');
  const value = `row.\`${column}\``;
  if (column === 'groups') return `p.groups = CASE WHEN row.groups IS NULL THEN [] ELSE split(row.groups, ';') END`;
  if (INTEGER_PERSON.has(column)) return `p.\`${column}\` = toInteger(${value})`;
  if (NUMERIC_PERSON.has(column)) return `p.\`${column}\` = toFloat(${value})`;
  return `p.\`${column}\` = ${value}`;
}

function seedOf(seed: number | string): number {
  if (typeof seed === 'number') return seed;
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (Math.imul(h, 31) + seed.charCodeAt(i)) >>> 0;
  return h;
}

/**
 * The three files of the Neo4j handoff, by relative path.
 *
 * @example
 * const files = neo4jHandoff(report, graph); // { 'neo4j/nodes.csv': ..., 'neo4j/ties.csv': ..., 'neo4j/load.cypher': ... }
 */
export function neo4jHandoff(
  report: Report,
  graph: InteractionGraph,
  options: Neo4jOptions = {},
): Record<string, string> {
  const table = peopleTable(report);
  return {
    'neo4j/nodes.csv': toCsv(table.header, table.rows),
    'neo4j/ties.csv': [...neo4jTiesChunks(sortedTies(graph))].join(''),
    'neo4j/load.cypher': neo4jCypher(report, table.header, options),
  };
}

/** The Cypher script of the handoff, for a `nodes.csv` whose header is `header`. */
export function neo4jCypher(report: Report, header: string[], options: Neo4jOptions = {}): string {
  const columns = header.filter((c) => c !== 'id');
  const samplingSize = options.samplingSize ?? 256;
  const samplingSeed = options.samplingSeed ?? seedOf(report.params.seed);
  const cypher = `// practice-graph ${report.tool.version}: Neo4j handoff of an interaction graph (report schema ${report.schemaVersion}).
// 1. Copy nodes.csv and ties.csv into the database's import folder.
// 2. Run: cypher-shell -u neo4j -p <password> -f load.cypher
// Needs Neo4j 5 and, for the last part, the Graph Data Science library 2.x.

CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
CALL {
  WITH row
  MERGE (p:Person {id: row.id})
  SET ${columns.map(personSetter).join(',\n      ')}
} IN TRANSACTIONS OF 10000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///ties.csv' AS row
CALL {
  WITH row
  MATCH (s:Person {id: row.source}), (t:Person {id: row.target})
  MERGE (s)-[r:TIE]->(t)
  SET r.weight = toFloat(row.weight), r.distance = toFloat(row.distance), r.count = toInteger(row.count),
      r.to = toInteger(row.to), r.cc = toInteger(row.cc), r.bcc = toInteger(row.bcc),
      r.reply = toInteger(row.reply), r.mention = toInteger(row.mention),
      r.first = CASE WHEN row.first IS NULL THEN null ELSE datetime(row.first) END,
      r.last = CASE WHEN row.last IS NULL THEN null ELSE datetime(row.last) END
} IN TRANSACTIONS OF 10000 ROWS;

// Louvain on the undirected projection with summed strengths (reciprocal ties add up), as practice-graph does.
CALL gds.graph.drop('practiceUndirected', false) YIELD graphName;
CALL gds.graph.project('practiceUndirected', 'Person',
  {TIE: {orientation: 'UNDIRECTED', properties: {weight: {property: 'weight', aggregation: 'SUM'}}}});
CALL gds.louvain.write('practiceUndirected',
  {relationshipWeightProperty: 'weight', writeProperty: 'gdsCommunity', concurrency: 1})
YIELD communityCount, modularity;

// Sampled betweenness on distances (1/strength): a strong tie is a short path. Never pass 'weight' here.
CALL gds.graph.drop('practiceDirected', false) YIELD graphName;
CALL gds.graph.project('practiceDirected', 'Person', {TIE: {orientation: 'NATURAL', properties: ['distance']}});
CALL gds.betweenness.write('practiceDirected',
  {relationshipWeightProperty: 'distance', samplingSize: ${samplingSize}, samplingSeed: ${samplingSeed}, writeProperty: 'gdsBetweenness'})
YIELD centralityDistribution;

// Compare with practice-graph's own partition (columns of nodes.csv).
MATCH (p:Person) WHERE p.community IS NOT NULL
RETURN p.community AS practiceGraphCommunity, p.gdsCommunity AS gdsCommunity, count(*) AS people
ORDER BY people DESC LIMIT 25;
`;
  return cypher;
}
