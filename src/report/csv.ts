/**
 * Flat CSV tables of a report for spreadsheets: `people.csv`, `communities.csv`, `groups.csv`.
 *
 * Safety: a text cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a
 * formula by Excel, LibreOffice or Google Sheets ("CSV injection", OWASP). Such cells are neutralised by a
 * leading apostrophe, which spreadsheets show as text; numbers are written as numbers and are never
 * altered. Cells are quoted per RFC 4180 when they hold the delimiter, a quote or a line break.
 *
 * @module
 */

import type { IndicatorRecord, Report } from './model.js';

/** A cell value. `null` and `undefined` become empty cells; non-finite numbers too. */
export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a text cell that a spreadsheet would evaluate as a formula (prefixes `'`). */
export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Formats one cell: numbers as numbers, text neutralised and quoted when needed. */
export function formatCell(value: Cell, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = neutralizeCell(value);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes rows as CSV text (header first, `\n` line ends). */
export function toCsv(header: string[], rows: Cell[][], delimiter = ','): string {
  const lines = [header.map((h) => formatCell(h, delimiter)).join(delimiter)];
  for (const row of rows) lines.push(row.map((c) => formatCell(c, delimiter)).join(delimiter));
  return `${lines.join('\n')}\n`;
}

/** Roster attribute names that appear on people, in first-seen order. */
function attributeNames(report: Report): string[] {
  const names = new Set<string>();
  for (const p of report.people) for (const k of Object.keys(p.attributes)) names.add(k);
  return [...names];
}

/** The columns and rows of `people.csv` (also the Neo4j nodes file). */
export function peopleTable(report: Report): { header: string[]; rows: Cell[][] } {
  const attrs = attributeNames(report);
  const header = [
    'id',
    'community',
    'groups',
    'sent',
    'received',
    ...attrs.map((a) => `roster_${a}`),
    'expertise_answers',
    'expertise_questions',
    'expertise_z',
    'expertise_pagerank',
    'expertise_authority',
    'expertise_score',
    'expertise_rank',
    'betweenness',
    'participation',
    'within_module_z',
    'role',
    'constraint',
  ];
  const rows = report.people.map((p) => [
    p.id,
    p.community,
    p.groups.join(';'),
    p.sent,
    p.received,
    ...attrs.map((a) => p.attributes[a]),
    p.expertise?.answers,
    p.expertise?.questions,
    p.expertise?.zScore,
    p.expertise?.expertiseRank,
    p.expertise?.authority,
    p.expertise?.score,
    p.expertise?.rank,
    p.brokerage?.betweenness,
    p.brokerage?.participation,
    p.brokerage?.withinModuleZ,
    p.brokerage?.role,
    p.brokerage?.constraint,
  ]);
  return { header, rows };
}

/** `people.csv`: one row per person. */
export function peopleCsv(report: Report): string {
  const { header, rows } = peopleTable(report);
  return toCsv(header, rows);
}

/** `communities.csv`: one row per detected community; per roster attribute its dominant value and share. */
export function communitiesCsv(report: Report): string {
  const attrs = new Set<string>();
  for (const c of report.communities) for (const k of Object.keys(c.composition ?? {})) attrs.add(k);
  const header = [
    'id',
    'size',
    'verdict',
    'cop_score',
    'confidence',
    'confidence_label',
    'density',
    'conductance',
    'top_experts',
    ...[...attrs].flatMap((a) => [`${a}_top`, `${a}_top_share`]),
  ];
  const rows = report.communities.map((c) => [
    c.id,
    c.size,
    c.verdict,
    c.copScore,
    c.confidence,
    c.confidenceLabel,
    c.density,
    c.conductance,
    c.topExperts.map((e) => e.id).join(';'),
    ...[...attrs].flatMap((a) => {
      const top = Object.entries(c.composition?.[a] ?? {})[0];
      return top ? [top[0], top[1]] : [null, null];
    }),
  ]);
  return toCsv(header, rows);
}

/** `groups.csv`: one row per reported formal group, with cohesion, alignment and each indicator. */
export function groupsCsv(report: Report): string {
  const names: string[] = [];
  for (const g of report.groups) for (const i of g.indicators) if (!names.includes(i.name)) names.push(i.name);
  const header = [
    'name',
    'kind',
    'source',
    'size',
    'active',
    'verdict',
    'cop_score',
    'confidence',
    'confidence_label',
    'cohesion_observed_over_expected',
    'cohesion_modularity_term',
    'cohesion_p',
    'cohesion_q',
    'aligned_community',
    'jaccard',
    'expected_jaccard',
    ...names.flatMap((n) => [`${n}_observed`, `${n}_null_mean`, `${n}_p`, `${n}_direction`]),
  ];
  const rows = report.groups.map((g) => {
    const byName = new Map<string, IndicatorRecord>(g.indicators.map((i) => [i.name, i]));
    return [
      g.name,
      g.kind,
      g.source,
      g.size,
      g.active,
      g.verdict,
      g.copScore,
      g.confidence,
      g.confidenceLabel,
      g.cohesion?.observedOverExpected,
      g.cohesion?.modularityTerm,
      g.cohesion?.pValue,
      g.cohesion?.qValue,
      g.alignment?.community,
      g.alignment?.jaccard,
      g.alignment?.expectedJaccard,
      ...names.flatMap((n) => {
        const i = byName.get(n);
        return [i?.observed, i?.nullMean, i?.pValue, i?.direction];
      }),
    ];
  });
  return toCsv(header, rows);
}
