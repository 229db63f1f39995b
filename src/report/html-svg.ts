/**
 * The SVG pictures of the HTML report, generated here so that the page needs no script and no network to
 * show them: the network drawn by community from a pre-computed layout, and per group an indicator chart
 * placing each observed value against its null range.
 *
 * @module
 */

import type { InteractionGraph } from '../graph/build.js';
import { escapeXml } from './graph-export.js';
import { communityColor, type Positions } from './layout.js';
import type { IndicatorRecord, Report } from './model.js';

/** Options of {@link networkSvg}. */
export interface NetworkSvgOptions {
  /** Most people drawn (the most active first). Default 1,500. */
  maxPeople?: number;
  /** Most ties drawn (the strongest first). Default 6,000. */
  maxTies?: number;
  width?: number;
  height?: number;
}

const fmt = (x: number) => (Math.round(x * 10) / 10).toString();

/**
 * The network as SVG: one circle per person (radius by activity, colour by community, `data-id` and
 * `data-community` attributes and a `<title>` tooltip), ties as light lines under them.
 */
export function networkSvg(
  report: Report,
  graph: InteractionGraph,
  positions: Positions,
  options: NetworkSvgOptions = {},
): { svg: string; drawnPeople: number; drawnTies: number } {
  const width = options.width ?? 900;
  const height = options.height ?? 640;
  const people = [...report.people]
    .sort((a, b) => b.sent + b.received - (a.sent + a.received) || (a.id < b.id ? -1 : 1))
    .slice(0, options.maxPeople ?? 1500);
  const drawn = new Set(people.map((p) => p.id));
  const ties: [string, string, number][] = [];
  graph.forEachEdge((_e, a, s, t) => {
    if (drawn.has(s) && drawn.has(t)) ties.push([s, t, a.weight]);
  });
  ties.sort((a, b) => b[2] - a[2] || (a[0] + a[1] < b[0] + b[1] ? -1 : 1));
  const shownTies = ties.slice(0, options.maxTies ?? 6000);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of people) {
    const at = positions.get(p.id);
    if (!at) continue;
    minX = Math.min(minX, at.x);
    maxX = Math.max(maxX, at.x);
    minY = Math.min(minY, at.y);
    maxY = Math.max(maxY, at.y);
  }
  const pad = 20;
  const sx = maxX > minX ? (width - 2 * pad) / (maxX - minX) : 1;
  const sy = maxY > minY ? (height - 2 * pad) / (maxY - minY) : 1;
  const s = Math.min(sx, sy);
  const place = (id: string) => {
    const at = positions.get(id) ?? { x: (minX + maxX) / 2 || 0, y: (minY + maxY) / 2 || 0 };
    const x = Number.isFinite(minX) ? pad + (at.x - minX) * s + (width - 2 * pad - (maxX - minX) * s) / 2 : width / 2;
    const y = Number.isFinite(minY) ? pad + (at.y - minY) * s + (height - 2 * pad - (maxY - minY) * s) / 2 : height / 2;
    return { x, y };
  };
  const maxW = shownTies.reduce((m, t) => Math.max(m, t[2]), 0) || 1;
  const lines = shownTies.map(([a, b, w]) => {
    const p = place(a);
    const q = place(b);
    return `<line x1="${fmt(p.x)}" y1="${fmt(p.y)}" x2="${fmt(q.x)}" y2="${fmt(q.y)}" stroke-opacity="${fmt(0.15 + 0.5 * (w / maxW))}"/>`;
  });
  const circles = people.map((p) => {
    const at = place(p.id);
    const r = Math.min(12, 2 + Math.sqrt(p.sent + p.received) / 2);
    const label = `${p.id} — community ${p.community ?? 'none'}; sent ${p.sent}, received ${p.received}`;
    return `<circle cx="${fmt(at.x)}" cy="${fmt(at.y)}" r="${fmt(r)}" fill="${communityColor(p.community)}" data-id="${escapeXml(p.id)}" data-community="${p.community ?? ''}"><title>${escapeXml(label)}</title></circle>`;
  });
  const svg = `<svg class="network" viewBox="0 0 ${width} ${height}" role="img" aria-label="interaction network coloured by community" xmlns="http://www.w3.org/2000/svg"><g class="ties" stroke="#888">${lines.join('')}</g><g class="people" stroke="#fff" stroke-width="0.6">${circles.join('')}</g></svg>`;
  return { svg, drawnPeople: people.length, drawnTies: shownTies.length };
}

/**
 * A chart of indicators: for each, its null range (low–high) as a grey bar, the null mean as a tick and the
 * observed value as a dot coloured by the regime it points to. Each row has its own scale.
 */
export function indicatorChart(indicators: IndicatorRecord[]): string {
  const rows = indicators.filter((i) => i.observed !== null);
  if (rows.length === 0) return '';
  const w = 420;
  const label = 150;
  const rowH = 22;
  const h = rows.length * rowH + 6;
  const colour: Record<IndicatorRecord['direction'], string> = {
    'community-of-practice': '#2e7d32',
    'social-learning': '#c62828',
    neutral: '#555',
    unavailable: '#999',
  };
  const parts = rows.map((ind, i) => {
    const values = [ind.observed, ind.nullMean, ind.nullLow, ind.nullHigh].filter(
      (v): v is number => typeof v === 'number' && Number.isFinite(v),
    );
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    if (hi - lo < 1e-12) {
      lo -= 0.5;
      hi += 0.5;
    }
    const span = hi - lo;
    lo -= span * 0.08;
    hi += span * 0.08;
    const x = (v: number) => label + ((v - lo) / (hi - lo)) * (w - label - 10);
    const y = 4 + i * rowH + rowH / 2;
    const out = [
      `<text x="0" y="${fmt(y + 4)}" font-size="11">${escapeXml(ind.name)}</text>`,
      `<line x1="${label}" x2="${w - 10}" y1="${fmt(y)}" y2="${fmt(y)}" stroke="#ddd"/>`,
    ];
    if (ind.nullLow !== null && ind.nullHigh !== null) {
      out.push(
        `<rect class="null-range" x="${fmt(x(ind.nullLow))}" y="${fmt(y - 4)}" width="${fmt(Math.max(1, x(ind.nullHigh) - x(ind.nullLow)))}" height="8" fill="#bbb"/>`,
      );
    }
    if (ind.nullMean !== null) {
      out.push(
        `<line x1="${fmt(x(ind.nullMean))}" x2="${fmt(x(ind.nullMean))}" y1="${fmt(y - 7)}" y2="${fmt(y + 7)}" stroke="#333"/>`,
      );
    }
    const p = ind.pValue === null ? '' : `, p = ${ind.pValue.toPrecision(2)}`;
    out.push(
      `<circle class="observed" cx="${fmt(x(ind.observed as number))}" cy="${fmt(y)}" r="5" fill="${colour[ind.direction]}"><title>${escapeXml(`${ind.name}: observed ${(ind.observed as number).toPrecision(3)}, null mean ${ind.nullMean === null ? 'n/a' : ind.nullMean.toPrecision(3)}${p}`)}</title></circle>`,
    );
    return out.join('');
  });
  return `<svg class="indicators" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="indicators against their null ranges" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}
