/**
 * `report.html`: one self-contained file (no network access, no external script, style or font) that an
 * analyst can open or mail: the input accounting, the network drawn by community, a card per formal group
 * with its verdict, confidence and indicator chart against the null ranges, the detected communities
 * (emergent communities of practice first), and the top experts and brokers.
 *
 * Everything is rendered here as HTML and SVG; the data the page shows is also inlined as JSON
 * (`<script type="application/json" id="report-data">`) and a small inline script adds hover highlighting
 * of a community. Text is escaped; the JSON is escaped so that no `</script>` can close its element.
 *
 * @module
 */

import type { InteractionGraph } from '../graph/build.js';
import { escapeXml as esc } from './graph-export.js';
import { indicatorChart, type NetworkSvgOptions, networkSvg } from './html-svg.js';
import { communityColor, type Positions } from './layout.js';
import type { AnalysisStatus, CommunityRecord, GroupRecord, Report } from './model.js';

/** Options of {@link renderHtml}. */
export interface HtmlOptions extends NetworkSvgOptions {
  /** Rows of the expert and broker tables. Default 10. */
  top?: number;
  /** Page title. Default `practice-graph report`. */
  title?: string;
}

const num = (x: number | null | undefined, digits = 3) =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : Number(x.toPrecision(digits)).toString();

const VERDICT_LABEL: Record<string, string> = {
  'community-of-practice': 'community of practice',
  'social-learning': 'social learning',
  hybrid: 'hybrid',
  'not-a-unit': 'not a unit',
  'insufficient-evidence': 'insufficient evidence',
};

function badge(verdict: string | null): string {
  const v = verdict ?? 'untested';
  return `<span class="verdict v-${esc(v)}">${esc(VERDICT_LABEL[v] ?? 'not tested')}</span>`;
}

/** Embeds JSON in a script element safely (no `</script>`, no `<!--`, no line separators). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function groupCard(g: GroupRecord, practice: AnalysisStatus): string {
  const tested = g.verdict !== null;
  const why = tested ? '' : `<p class="muted">Not tested: ${esc(practice.reason ?? practice.status)}.</p>`;
  const cohesion = g.cohesion
    ? `<p>Cohesion: observed/expected ${num(g.cohesion.observedOverExpected)}, p ${num(g.cohesion.pValue, 2)}, q ${num(g.cohesion.qValue, 2)}</p>`
    : '';
  const align = g.alignment
    ? `<p>Best-matching community ${g.alignment.community}: Jaccard ${num(g.alignment.jaccard, 2)} (random ${num(g.alignment.expectedJaccard, 2)})</p>`
    : '';
  const evidence = g.evidence.length
    ? `<ul class="evidence">${g.evidence.map((e) => `<li>${esc(e)}</li>`).join('')}</ul>`
    : '';
  return `<section class="card group-card" data-group="${esc(g.name)}">
<h3>${esc(g.name)} ${badge(g.verdict)}</h3>
<p class="muted">${esc(g.kind === 'channel' ? 'channel' : 'people')} · ${esc(g.source)} · ${g.size} members, ${g.active} active</p>
${tested ? `<p>Confidence ${num(g.confidence, 2)} (${esc(g.confidenceLabel ?? '—')}) · CoP score ${num(g.copScore)}</p>` : why}
${cohesion}${align}${indicatorChart(g.indicators)}${evidence}
</section>`;
}

function communityRow(c: CommunityRecord): string {
  const comp = Object.entries(c.composition ?? {})
    .map(([attr, shares]) => {
      const [top, share] = Object.entries(shares)[0] ?? ['—', 0];
      return `${esc(attr)}: ${esc(top)} ${Math.round(share * 100)}%`;
    })
    .join('; ');
  return `<tr data-community="${c.id}"><td><span class="swatch" style="background:${communityColor(c.id)}"></span>${c.id}</td><td>${c.size}</td><td>${badge(c.verdict)}</td><td>${num(c.density)}</td><td>${num(c.conductance)}</td><td>${c.topExperts.map((e) => esc(e.id)).join(', ') || '—'}</td><td>${c.composition === null ? '<span class="muted">suppressed (small)</span>' : comp || '—'}</td></tr>`;
}

const SCRIPT = `(function(){var data=JSON.parse(document.getElementById('report-data').textContent);
var svg=document.querySelector('svg.network');if(!svg)return;
function highlight(c){svg.querySelectorAll('circle').forEach(function(el){el.style.opacity=(c===null||el.getAttribute('data-community')===String(c))?'1':'0.12';});}
document.querySelectorAll('tr[data-community]').forEach(function(tr){tr.addEventListener('mouseenter',function(){highlight(tr.getAttribute('data-community'));});tr.addEventListener('mouseleave',function(){highlight(null);});});
svg.addEventListener('click',function(e){var c=e.target&&e.target.getAttribute&&e.target.getAttribute('data-community');highlight(c?c:null);});
document.body.setAttribute('data-rendered',String(data.groups.length));})();`;

const STYLE = `body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;max-width:1100px;padding:1rem 1.5rem;color:#222}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}.muted{color:#777}
table{border-collapse:collapse;margin:.5rem 0}td,th{border-bottom:1px solid #eee;padding:.25rem .6rem;text-align:left;vertical-align:top}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:1rem}.card{border:1px solid #ddd;border-radius:8px;padding:.5rem 1rem}
.verdict{font-size:.8rem;padding:.1rem .5rem;border-radius:1rem;background:#eee;white-space:nowrap}
.v-community-of-practice{background:#c8e6c9}.v-social-learning{background:#ffcdd2}.v-hybrid{background:#fff3c4}.v-not-a-unit{background:#e0e0e0}
.swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:50%;margin-right:.3rem}svg.network{width:100%;height:auto;border:1px solid #eee;border-radius:8px}
.warn{background:#fff8e1;border-left:4px solid #f9a825;padding:.4rem .8rem}`;

/**
 * Renders the self-contained HTML report.
 *
 * @example
 * writeFileSync('report.html', renderHtml(report, graph, layoutGraph(graph, (id) => assignment.get(id) ?? null)));
 */
export function renderHtml(
  report: Report,
  graph: InteractionGraph,
  positions: Positions,
  options: HtmlOptions = {},
): string {
  const top = options.top ?? 10;
  const title = options.title ?? 'practice-graph report';
  const { input, analyses, privacy } = report;
  const net = networkSvg(report, graph, positions, options);
  const experts = report.people
    .filter((p) => p.expertise && p.expertise.answers > 0)
    .sort((a, b) => (a.expertise?.rank ?? 0) - (b.expertise?.rank ?? 0))
    .slice(0, top);
  const brokers = report.people
    .filter((p) => p.brokerage && p.brokerage.betweenness > 0)
    .sort((a, b) => (b.brokerage?.betweenness ?? 0) - (a.brokerage?.betweenness ?? 0) || (a.id < b.id ? -1 : 1))
    .slice(0, top);
  const missing = (Object.entries(analyses) as [string, AnalysisStatus][]).filter(([, s]) => s.status !== 'done');
  const data = {
    schemaVersion: report.schemaVersion,
    tool: report.tool,
    params: report.params,
    input: report.input,
    analyses,
    partition: report.partition,
    groups: report.groups,
    communities: report.communities.map(({ members: _m, ...c }) => c),
    privacy,
  };
  const dropped = Object.entries(input.dropped).filter(([, n]) => n > 0);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${esc(title)}</h1>
<p class="muted">${esc(report.tool.name)} ${esc(report.tool.version)} · report schema ${esc(report.schemaVersion)} · seed ${esc(String(report.params.seed))}${privacy.pseudonymized ? ' · people pseudonymised' : ''} · groups under ${privacy.minGroupSize} members suppressed: ${privacy.suppressedGroups}</p>
${missing.length ? `<p class="warn">Not in this report: ${missing.map(([n, s]) => `${esc(n)} (${esc(s.reason ?? s.status)})`).join('; ')}.</p>` : ''}
<h2 id="input">Input</h2>
<table class="accounting"><tr><th>records read</th><td>${input.read}</td><th>accepted</th><td>${input.accepted}</td><th>rejected</th><td>${input.rejected}</td></tr>
<tr><th>messages</th><td>${input.messages}</td><th>used</th><td>${input.used}</td><th>formats</th><td>${esc(input.format.join(', ') || '—')}</td></tr>
<tr><th>people</th><td>${input.people}</td><th>ties</th><td>${input.ties}</td><th>period</th><td>${esc(input.from ?? '—')} – ${esc(input.to ?? '—')}</td></tr></table>
${dropped.length ? `<p class="muted">Messages not used: ${dropped.map(([k, n]) => `${esc(k)} ${n}`).join(', ')}.</p>` : ''}
<h2 id="network">Network</h2>
<p class="muted">${net.drawnPeople} of ${input.people} people and ${net.drawnTies} of ${input.ties} ties drawn, coloured by detected community${report.partition ? ` (${report.partition.count} communities, modularity ${num(report.partition.modularity)})` : ' (no community detection in this report)'}.</p>
${net.svg}
<h2 id="groups">Formal groups</h2>
<p class="muted">Each indicator against its null model: grey bar = null range, tick = null mean, dot = observed (green: points to a community of practice; red: to social learning).</p>
${report.groups.length ? `<div class="cards">${report.groups.map((g) => groupCard(g, analyses.practice)).join('\n')}</div>` : '<p class="muted">No formal group was given (use --group-by, --groups, --group-by-channel or --group-all).</p>'}
<h2 id="communities">Detected communities</h2>
${report.communities.length ? `<table><tr><th>id</th><th>size</th><th>verdict</th><th>density</th><th>conductance</th><th>top experts</th><th>composition</th></tr>${report.communities.map(communityRow).join('')}</table>` : '<p class="muted">None in this report.</p>'}
<h2 id="people">Top experts and brokers</h2>
<div class="cards"><div><h3>Experts</h3>${experts.length ? `<table><tr><th>#</th><th>person</th><th>answers</th><th>questions</th><th>z</th></tr>${experts.map((p) => `<tr><td>${p.expertise?.rank}</td><td>${esc(p.id)}</td><td>${p.expertise?.answers}</td><td>${p.expertise?.questions}</td><td>${num(p.expertise?.zScore)}</td></tr>`).join('')}</table>` : '<p class="muted">No expertise scores in this report.</p>'}</div>
<div><h3>Brokers</h3>${brokers.length ? `<table><tr><th>person</th><th>betweenness</th><th>role</th></tr>${brokers.map((p) => `<tr><td>${esc(p.id)}</td><td>${num(p.brokerage?.betweenness)}</td><td>${esc(p.brokerage?.role ?? '—')}</td></tr>`).join('')}</table>` : '<p class="muted">No brokerage scores in this report.</p>'}</div></div>
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${SCRIPT}</script>
</body></html>
`;
}
