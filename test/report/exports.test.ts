import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { DirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formatCell, neutralizeCell, toCsv } from '../../src/report/csv.js';
import { escapeXml, toGexf, toGraphml, xmlSafe } from '../../src/report/graph-export.js';
import { layoutGraph } from '../../src/report/layout.js';
import { neo4jHandoff } from '../../src/report/neo4j.js';
import { renderOutputs } from '../../src/report/write.js';
import { analyzeSynthetic, standInStages } from './fixtures.js';

const { report, graph } = await analyzeSynthetic({ stages: standInStages });
const positions = layoutGraph(graph, (id) => report.people.find((p) => p.id === id)?.community ?? null);
const tmp = mkdtempSync(join(tmpdir(), 'pg-exports-'));

/** Parses XML strictly: any warning or error fails. */
function strictXml(text: string) {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void problems.push(`${level}: ${msg}`) }).parseFromString(
    text,
    'application/xml',
  );
  expect(problems).toEqual([]);
  return doc;
}

describe('CSV cells (formula injection, RFC 4180)', () => {
  it('neutralises cells starting with = + - @ tab CR, and only those', () => {
    for (const s of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(neutralizeCell(s)).toBe(`'${s}`);
    for (const s of ['ada', '1=1', 'a-b', '']) expect(neutralizeCell(s)).toBe(s);
    expect(formatCell(-1.5)).toBe('-1.5'); // numbers are numbers, never altered
    expect(formatCell(Number.NaN)).toBe('');
    expect(formatCell(null)).toBe('');
    expect(formatCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('round-trips any text through a CSV parser, never yielding a formula (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const text = toCsv(['a', 'b'], rows);
        const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false }).data.slice(1, rows.length + 1);
        rows.forEach((row, i) => {
          row.forEach((cell, j) => {
            const got = parsed[i]?.[j] ?? '';
            expect(got).toBe(neutralizeCell(cell));
            expect(/^[=+\-@\t\r]/.test(got)).toBe(false);
          });
        });
      }),
    );
  });
});

describe('toGexf / toGraphml', () => {
  it('writes well-formed GEXF 1.3 that graphology-gexf reads back with every attribute', () => {
    const text = toGexf(report, graph, positions);
    const doc = strictXml(text);
    expect(doc.documentElement?.getAttribute('version')).toBe('1.3');
    expect(doc.documentElement?.getAttribute('xmlns:viz')).toBe('http://gexf.net/1.3/viz');
    const back = parseGexf(DirectedGraph, text);
    expect(back.order).toBe(graph.order);
    expect(back.size).toBe(graph.size);
    const ada = back.getNodeAttributes('ada@acme.test');
    expect(ada).toMatchObject({ community: 0, roster_team: 'alpha', groups: 'team:alpha;#help;everyone' });
    expect(ada.x).toBe(positions.get('ada@acme.test')?.x);
    expect(typeof ada.color).toBe('string');
    const [s, t] = graph.extremities(graph.edges()[0] as string);
    expect(back.getEdgeAttribute(back.edge(s, t), 'weight')).toBeCloseTo(graph.getEdgeAttribute(s, t, 'weight'), 12);
  });

  it('writes GraphML that graphology-graphml and NetworkX (an independent reader) read back', () => {
    const text = toGraphml(report, graph, positions);
    strictXml(text);
    const back = parseGraphml(DirectedGraph, text);
    expect(back.order).toBe(graph.order);
    expect(back.size).toBe(graph.size);
    expect(back.getNodeAttributes('gus@acme.test')).toMatchObject({ roster_team: 'beta', community: 1 });
    const path = join(tmp, 'graph.graphml');
    writeFileSync(path, text);
    // NetworkX ≥ 2.8 (Debian python3-networkx; CI installs it)
    const script = `import json, networkx as nx
g = nx.read_graphml(${JSON.stringify(path)})
a = g.nodes["ada@acme.test"]
print(json.dumps([g.number_of_nodes(), g.number_of_edges(), a["community"], a["roster_team"], a["sent"]]))`;
    const out = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { encoding: 'utf8' }));
    const ada = report.people.find((p) => p.id === 'ada@acme.test');
    expect(out).toEqual([graph.order, graph.size, 0, 'alpha', ada?.sent]);
  });

  it('escapes markup and strips characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">&'\n`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#10;');
    expect(xmlSafe('a\u0001b\uFFFEc\uD800d😀')).toBe('abcd😀');
  });
});

describe('neo4jHandoff(report, graph)', () => {
  it('loads exactly the columns the CSV files have, and runs betweenness on distance, never weight', () => {
    const files = neo4jHandoff(report, graph);
    const cypher = files['neo4j/load.cypher'] as string;
    const header = (name: string) => (files[name] as string).split('\n', 1)[0]?.split(',') ?? [];
    const [nodesPart, tiesPart] = cypher.split("FROM 'file:///ties.csv'");
    const used = (part: string) => [...part.matchAll(/row\.`?([A-Za-z_]+)`?/g)].map((m) => m[1] as string);
    expect(new Set(used(nodesPart as string))).toEqual(new Set(header('neo4j/nodes.csv')));
    expect(new Set(used(tiesPart as string))).toEqual(new Set(header('neo4j/ties.csv')));
    expect(cypher).toMatch(
      /gds\.betweenness\.write\('practiceDirected',\s*\{relationshipWeightProperty: 'distance', samplingSize: 256, samplingSeed: 42/,
    );
    expect(cypher).toMatch(/gds\.louvain\.write\('practiceUndirected',\s*\{relationshipWeightProperty: 'weight'/);
    const ties = Papa.parse<Record<string, string>>(files['neo4j/ties.csv'] as string, {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(ties).toHaveLength(graph.size);
    expect(Number(ties[0]?.distance)).toBeCloseTo(1 / Number(ties[0]?.weight), 12);
  });
});

describe('renderOutputs(report, graph)', () => {
  it('renders the same bytes twice (deterministic layout and ordering)', () => {
    const a = renderOutputs(report, graph);
    const b = renderOutputs(report, graph);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const k of Object.keys(a)) expect(a[k] === b[k], k).toBe(true);
    expect(Object.keys(renderOutputs(report, graph, { skip: ['graph.gexf', 'neo4j'] }))).not.toContain('graph.gexf');
  });
});
