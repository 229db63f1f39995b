/**
 * Graph files of a report for Gephi, Cytoscape, NetworkX, igraph and yEd: GEXF 1.3 and GraphML.
 *
 * Both carry the same node attributes, taken from the report (so pseudonymisation and group suppression
 * apply): `community`, `groups` (`;`-separated), `sent`, `received`, the roster attributes
 * (`roster_<name>`), expertise (`expertise_score`, `expertise_rank`, `answers`, `questions`, `z`) and
 * brokerage (`betweenness`, `role`, `participation`, `constraint`) where the analyses ran; and the tie
 * attributes `weight` (strength), `distance` (1/weight), `count` and the counts per kind. Missing values are
 * left out of the element (GEXF and GraphML both read absence as "no value").
 *
 * GEXF is written by graphology-gexf (version 1.3, with `viz` position, size and colour of each person from
 * {@link layoutGraph}, so Gephi opens it already drawn by community). GraphML is written here: graphology's
 * GraphML package only reads.
 *
 * @module
 */

import { DirectedGraph } from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import type { InteractionGraph } from '../graph/build.js';
import { communityColor, type Positions } from './layout.js';
import type { PersonRecord, Report } from './model.js';

/** Characters XML 1.0 forbids (controls other than tab, LF, CR; U+FFFE/FFFF; lone surrogates). */
// biome-ignore lint/complexity/useRegexLiterals: a literal would have to hold control characters
const XML_INVALID = new RegExp(
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  'g',
);

/** Removes characters XML 1.0 cannot hold. */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '');
}

/** Escapes text for an XML attribute value or element content. */
export function escapeXml(text: string): string {
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

const TIE_EXPORT = ['weight', 'distance', 'count', 'to', 'cc', 'bcc', 'reply', 'mention'] as const;

/** Tie attributes exported (numbers only; timestamps as ISO strings `first`, `last`). */
function tieAttributes(attrs: Record<string, unknown>): Record<string, ExportValue> {
  const out: Record<string, ExportValue> = {};
  for (const k of TIE_EXPORT) if (typeof attrs[k] === 'number') out[k] = attrs[k] as number;
  if (typeof attrs.first === 'number') out.first = new Date(attrs.first).toISOString();
  if (typeof attrs.last === 'number') out.last = new Date(attrs.last).toISOString();
  return out;
}

/** Ties in a fixed order (by source, then target), so files are byte-stable. */
function sortedTies(graph: InteractionGraph): [string, string, Record<string, unknown>][] {
  const ties: [string, string, Record<string, unknown>][] = [];
  graph.forEachEdge((_e, attrs, s, t) => {
    ties.push([s, t, attrs as unknown as Record<string, unknown>]);
  });
  return ties.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}

/**
 * GEXF 1.3 of the report's graph, with positions, sizes (√ of messages sent and received) and community
 * colours.
 */
export function toGexf(report: Report, graph: InteractionGraph, positions: Positions): string {
  const g = new DirectedGraph();
  for (const p of report.people) {
    const at = positions.get(p.id) ?? { x: 0, y: 0 };
    const attrs: Record<string, ExportValue> = {};
    for (const [k, v] of Object.entries(personExportAttributes(p))) attrs[k] = typeof v === 'string' ? xmlSafe(v) : v;
    g.addNode(xmlSafe(p.id), {
      label: xmlSafe(p.id),
      x: at.x,
      y: at.y,
      size: Math.round(10 * (1 + Math.sqrt(p.sent + p.received))) / 10,
      color: communityColor(p.community),
      ...attrs,
    });
  }
  let i = 0;
  for (const [s, t, attrs] of sortedTies(graph))
    g.addEdgeWithKey(`t${i++}`, xmlSafe(s), xmlSafe(t), tieAttributes(attrs));
  g.replaceAttributes({ creator: `${report.tool.name} ${report.tool.version}`, description: 'interaction graph' });
  return writeGexf(g, { version: '1.3', pretty: true });
}

function graphmlType(values: ExportValue[]): string {
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.every((v) => typeof v === 'number' && Number.isInteger(v))) return 'long';
  if (values.every((v) => typeof v === 'number')) return 'double';
  return 'string';
}

function keysOf(rows: Record<string, ExportValue>[], domain: 'node' | 'edge', prefix: string) {
  const values = new Map<string, ExportValue[]>();
  for (const r of rows) {
    for (const [k, v] of Object.entries(r)) {
      const list = values.get(k);
      if (list) list.push(v);
      else values.set(k, [v]);
    }
  }
  return [...values].map(([name, vs], i) => ({ id: `${prefix}${i}`, name, type: graphmlType(vs), domain }));
}

/** GraphML (http://graphml.graphdrawing.org/) of the report's graph: typed keys, one `data` per value. */
export function toGraphml(report: Report, graph: InteractionGraph, positions: Positions): string {
  const nodeRows = report.people.map((p) => {
    const at = positions.get(p.id);
    return { label: p.id, ...personExportAttributes(p), ...(at ? { x: at.x, y: at.y } : {}) } as Record<
      string,
      ExportValue
    >;
  });
  const ties = sortedTies(graph);
  const edgeRows = ties.map(([, , a]) => tieAttributes(a));
  const nodeKeys = keysOf(nodeRows, 'node', 'n');
  const edgeKeys = keysOf(edgeRows, 'edge', 'e');
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const k of [...nodeKeys, ...edgeKeys]) {
    out.push(`  <key id="${k.id}" for="${k.domain}" attr.name="${escapeXml(k.name)}" attr.type="${k.type}"/>`);
  }
  out.push(`  <graph id="G" edgedefault="directed">`);
  const data = (keys: typeof nodeKeys, row: Record<string, ExportValue>, indent: string) => {
    for (const k of keys) {
      const v = row[k.name];
      if (v === undefined) continue;
      out.push(`${indent}<data key="${k.id}">${escapeXml(String(v))}</data>`);
    }
  };
  report.people.forEach((p, i) => {
    out.push(`    <node id="${escapeXml(p.id)}">`);
    data(nodeKeys, nodeRows[i] as Record<string, ExportValue>, '      ');
    out.push('    </node>');
  });
  ties.forEach(([s, t], i) => {
    out.push(`    <edge id="t${i}" source="${escapeXml(s)}" target="${escapeXml(t)}">`);
    data(edgeKeys, edgeRows[i] as Record<string, ExportValue>, '      ');
    out.push('    </edge>');
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
