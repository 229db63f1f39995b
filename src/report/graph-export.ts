/**
 * Graph files of a report for Gephi, Cytoscape, NetworkX, igraph and yEd: GEXF 1.3 and GraphML.
 *
 * Both carry the same node attributes, taken from the report (so pseudonymisation and group suppression
 * apply): `community`, `groups` (`;`-separated), `sent`, `received`, the roster attributes
 * (`roster_<name>`), expertise (`expertise_score`, `expertise_rank`, `answers`, `questions`, `z`) and
 * brokerage (`betweenness`, `role`, `participation`, `constraint`) where the analyses ran; and the tie
 * attributes `weight` (strength), `distance` (1/weight), `count`, the counts per kind and the `first`/`last`
 * timestamps. Missing values are left out of the element (both formats read absence as "no value").
 * GEXF also carries each person's `viz` position (from {@link layoutGraph}), size and community colour, so
 * Gephi opens it already drawn by community.
 *
 * Both are written here, as streams of text chunks, so that graphs of millions of ties are written in bounded
 * memory: graphology-graphml only reads, and graphology-gexf's writer, though it writes valid files with our
 * attributes, builds the whole document in memory — 63 s and more than 4 GB of heap for 10k people and 564k
 * ties on the benchmark machine (see bench/report.bench.mjs). Tests read both formats back with graphology's
 * parsers and GraphML with NetworkX.
 *
 * @module
 */

import type { InteractionGraph, TieAttributes } from '../graph/build.js';
import { communityColor, type Positions } from './layout.js';
import type { PersonRecord, Report } from './model.js';

/** Characters XML 1.0 forbids (controls other than tab, LF, CR; U+FFFE/FFFF; lone surrogates). */
// biome-ignore lint/complexity/useRegexLiterals: a literal would have to hold control characters
const XML_INVALID = new RegExp(
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  'g',
);
// biome-ignore lint/complexity/useRegexLiterals: a literal would have to hold control characters
const NEEDS_ESCAPE = new RegExp('[&<>"\'\\u0000-\\u001F\\uD800-\\uDFFF\\uFFFE\\uFFFF]');

/** Removes characters XML 1.0 cannot hold. */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '');
}

/** Escapes text for an XML attribute value or element content. */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** A value of an exported node or tie attribute. */
export type ExportValue = string | number | boolean;

/** The node attributes exported for a person (values absent are left out). */
export function personExportAttributes(p: PersonRecord): Record<string, ExportValue> {
  const out: Record<string, ExportValue> = { sent: p.sent, received: p.received };
  if (p.community !== null) out.community = p.community;
  if (p.groups.length > 0) out.groups = p.groups.join(';');
  for (const [k, v] of Object.entries(p.attributes)) out[`roster_${k}`] = v;
  if (p.expertise) {
    out.expertise_score = p.expertise.score;
    out.expertise_rank = p.expertise.rank;
    out.answers = p.expertise.answers;
    out.questions = p.expertise.questions;
    out.z = p.expertise.zScore;
  }
  if (p.brokerage) {
    out.betweenness = p.brokerage.betweenness;
    if (p.brokerage.role !== null) out.role = p.brokerage.role;
    if (p.brokerage.participation !== null) out.participation = p.brokerage.participation;
    if (p.brokerage.constraint !== null) out.constraint = p.brokerage.constraint;
  }
  return out;
}

/** A directed tie: source, target, attributes, and its first and last timestamps as ISO 8601 (or `''`). */
export type Tie = [source: string, target: string, attributes: TieAttributes, first: string, last: string];

const iso = (t: number | undefined) => (t === undefined || !Number.isFinite(t) ? '' : new Date(t).toISOString());

/**
 * The ties of a graph ordered by source, then target, so that every file is byte-stable. Timestamps are
 * formatted once here for all the files that write them.
 */
export function sortedTies(graph: InteractionGraph): Tie[] {
  const ties: Tie[] = [];
  graph.forEachEdge((_e, attrs, s, t) => {
    ties.push([s, t, attrs, iso(attrs.first), iso(attrs.last)]);
  });
  return ties.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}

/** Tie attributes written, with their type: fixed by the interaction graph builder. */
const TIE_KEYS: readonly (readonly [keyof TieAttributes, 'double' | 'long' | 'string'])[] = [
  ['weight', 'double'],
  ['distance', 'double'],
  ['count', 'long'],
  ['to', 'long'],
  ['cc', 'long'],
  ['bcc', 'long'],
  ['reply', 'long'],
  ['mention', 'long'],
  ['first', 'string'],
  ['last', 'string'],
];

function tieValue(tie: Tie, key: keyof TieAttributes): string | undefined {
  if (key === 'first') return tie[3] === '' ? undefined : tie[3];
  if (key === 'last') return tie[4] === '' ? undefined : tie[4];
  const v = tie[2][key];
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
}

type AttrType = 'boolean' | 'long' | 'double' | 'string';

/** Infers one XML type per node attribute (widening long → double → string). */
function nodeKeys(rows: Record<string, ExportValue>[]): { name: string; type: AttrType }[] {
  const types = new Map<string, AttrType>();
  const rank: Record<AttrType, number> = { boolean: 0, long: 1, double: 2, string: 3 };
  for (const r of rows) {
    for (const [k, v] of Object.entries(r)) {
      const t: AttrType =
        typeof v === 'boolean'
          ? 'boolean'
          : typeof v === 'number'
            ? Number.isInteger(v)
              ? 'long'
              : 'double'
            : 'string';
      const seen = types.get(k);
      if (seen === undefined) types.set(k, t);
      else if (seen !== t)
        types.set(k, seen === 'boolean' || t === 'boolean' ? 'string' : rank[t] > rank[seen] ? t : seen);
    }
  }
  return [...types].map(([name, type]) => ({ name, type }));
}

const CHUNK = 2000;

function* chunked(lines: Iterable<string>): Generator<string> {
  let buffer: string[] = [];
  for (const line of lines) {
    buffer.push(line);
    if (buffer.length >= CHUNK) {
      yield `${buffer.join('\n')}\n`;
      buffer = [];
    }
  }
  if (buffer.length > 0) yield `${buffer.join('\n')}\n`;
}

function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `r="${(n >> 16) & 255}" g="${(n >> 8) & 255}" b="${n & 255}"`;
}

function* gexfLines(report: Report, ties: Tie[], positions: Positions): Generator<string> {
  const rows = report.people.map(personExportAttributes);
  const keys = nodeKeys(rows);
  const kind = (t: AttrType) => (t === 'long' ? 'long' : t);
  yield '<?xml version="1.0" encoding="UTF-8"?>';
  yield '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">';
  yield `  <meta><creator>${escapeXml(`${report.tool.name} ${report.tool.version}`)}</creator><description>interaction graph (report schema ${report.schemaVersion})</description></meta>`;
  yield '  <graph defaultedgetype="directed" mode="static">';
  yield '    <attributes class="node">';
  // attribute ids are the names, so that readers keying by id (graphology) or by title (Gephi, NetworkX) agree
  for (const k of keys)
    yield `      <attribute id="${escapeXml(k.name)}" title="${escapeXml(k.name)}" type="${kind(k.type)}"/>`;
  yield '    </attributes>';
  yield '    <attributes class="edge">';
  for (const [name, type] of TIE_KEYS) yield `      <attribute id="${name}" title="${name}" type="${type}"/>`;
  yield '    </attributes>';
  yield '    <nodes>';
  for (const [i, p] of report.people.entries()) {
    const row = rows[i] as Record<string, ExportValue>;
    const id = escapeXml(p.id);
    const values: string[] = [];
    for (const k of keys) {
      const v = row[k.name];
      if (v !== undefined) values.push(`<attvalue for="${escapeXml(k.name)}" value="${escapeXml(String(v))}"/>`);
    }
    const at = positions.get(p.id) ?? { x: 0, y: 0 };
    const size = Math.round(10 * (1 + Math.sqrt(p.sent + p.received))) / 10;
    yield `      <node id="${id}" label="${id}"><attvalues>${values.join('')}</attvalues><viz:color ${rgb(communityColor(p.community))}/><viz:position x="${at.x}" y="${at.y}" z="0"/><viz:size value="${size}"/></node>`;
  }
  yield '    </nodes>';
  yield '    <edges>';
  for (const [i, tie] of ties.entries()) {
    const [s, t, a] = tie;
    let values = '';
    for (const [name] of TIE_KEYS) {
      const v = tieValue(tie, name);
      if (v !== undefined) values += `<attvalue for="${name}" value="${v}"/>`;
    }
    yield `      <edge id="t${i}" source="${escapeXml(s)}" target="${escapeXml(t)}" weight="${a.weight}"><attvalues>${values}</attvalues></edge>`;
  }
  yield '    </edges>';
  yield '  </graph>';
  yield '</gexf>';
}

function* graphmlLines(report: Report, ties: Tie[], positions: Positions): Generator<string> {
  const rows = report.people.map((p) => {
    const at = positions.get(p.id);
    return { label: p.id, ...personExportAttributes(p), ...(at ? { x: at.x, y: at.y } : {}) } as Record<
      string,
      ExportValue
    >;
  });
  const keys = nodeKeys(rows);
  yield '<?xml version="1.0" encoding="UTF-8"?>';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
  yield '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">';
  for (const [i, k] of keys.entries()) {
    yield `  <key id="n${i}" for="node" attr.name="${escapeXml(k.name)}" attr.type="${k.type}"/>`;
  }
  for (const [name, type] of TIE_KEYS)
    yield `  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`;
  yield '  <graph id="G" edgedefault="directed">';
  for (const [i, p] of report.people.entries()) {
    const row = rows[i] as Record<string, ExportValue>;
    let data = '';
    keys.forEach((k, j) => {
      const v = row[k.name];
      if (v !== undefined) data += `<data key="n${j}">${escapeXml(String(v))}</data>`;
    });
    yield `    <node id="${escapeXml(p.id)}">${data}</node>`;
  }
  for (const [i, tie] of ties.entries()) {
    const [s, t] = tie;
    let data = '';
    for (const [name] of TIE_KEYS) {
      const v = tieValue(tie, name);
      if (v !== undefined) data += `<data key="e_${name}">${v}</data>`;
    }
    yield `    <edge id="t${i}" source="${escapeXml(s)}" target="${escapeXml(t)}">${data}</edge>`;
  }
  yield '  </graph>';
  yield '</graphml>';
}

/** GEXF 1.3 of the report's graph, as text chunks (see {@link toGexf}). */
export function gexfChunks(report: Report, ties: Tie[], positions: Positions): Generator<string> {
  return chunked(gexfLines(report, ties, positions));
}

/** GraphML of the report's graph, as text chunks (see {@link toGraphml}). */
export function graphmlChunks(report: Report, ties: Tie[], positions: Positions): Generator<string> {
  return chunked(graphmlLines(report, ties, positions));
}

/** GEXF 1.3 of the report's graph, with positions, sizes (√ of messages) and community colours. */
export function toGexf(report: Report, graph: InteractionGraph, positions: Positions): string {
  return [...gexfChunks(report, sortedTies(graph), positions)].join('');
}

/** GraphML (http://graphml.graphdrawing.org/) of the report's graph: typed keys, one `data` per value. */
export function toGraphml(report: Report, graph: InteractionGraph, positions: Positions): string {
  return [...graphmlChunks(report, sortedTies(graph), positions)].join('');
}
