/**
 * The human summary printed by `analyze` (without `--json`) and `demo`: input accounting, communities,
 * formal groups by verdict (emergent and formal communities of practice first), top experts and brokers,
 * and what the report does not contain.
 *
 * @module
 */

import type { Report } from '../report/model.js';

const n = (x: number) => x.toLocaleString('en-US');
const r = (x: number | null | undefined, d = 2) => (x === null || x === undefined ? '—' : x.toFixed(d));

/** Formats the summary (plain text, lines end with `\n`). */
export function formatSummary(report: Report, options: { top?: number } = {}): string {
  const top = options.top ?? 5;
  const { input, partition, privacy } = report;
  const lines: string[] = [];
  lines.push(
    `${report.tool.name} ${report.tool.version} (report schema ${report.schemaVersion}, seed ${report.params.seed})`,
  );
  const period = input.from ? `, ${input.from.slice(0, 10)} to ${input.to?.slice(0, 10)}` : ', no timestamps';
  lines.push(
    `input: ${n(input.read)} records read (${n(input.accepted)} accepted, ${n(input.rejected)} rejected), ` +
      `${n(input.messages)} messages, ${n(input.used)} used${period}`,
  );
  lines.push(`graph: ${n(input.people)} people, ${n(input.ties)} ties`);
  if (partition) {
    lines.push(`communities: ${partition.count} (${partition.method}, modularity ${r(partition.modularity, 3)})`);
    const emergent = report.communities.filter((c) => c.verdict === 'community-of-practice');
    if (emergent.length) {
      lines.push(
        `  emergent communities of practice: ${emergent.map((c) => `#${c.id} (${c.size} people)`).join(', ')}`,
      );
    }
  }
  if (report.groups.length > 0 || privacy.suppressedGroups > 0) {
    lines.push(
      `formal groups: ${report.groups.length} reported` +
        (privacy.suppressedGroups
          ? `, ${privacy.suppressedGroups} suppressed (< ${privacy.minGroupSize} members)`
          : ''),
    );
    for (const g of report.groups) {
      const verdict = g.verdict ?? 'not tested';
      const conf = g.confidence === null ? '' : `, confidence ${r(g.confidence)}`;
      lines.push(`  ${verdict.padEnd(22)} ${g.name} (${g.size} members${conf})`);
    }
  }
  const experts = report.people
    .filter((p) => p.expertise && p.expertise.answers > 0)
    .sort((a, b) => (a.expertise?.rank ?? 0) - (b.expertise?.rank ?? 0))
    .slice(0, top);
  if (experts.length)
    lines.push(`top experts: ${experts.map((p) => `${p.id} (${p.expertise?.answers} answers)`).join(', ')}`);
  const brokers = report.people
    .filter((p) => p.brokerage && p.brokerage.betweenness > 0)
    .sort((a, b) => (b.brokerage?.betweenness ?? 0) - (a.brokerage?.betweenness ?? 0) || (a.id < b.id ? -1 : 1))
    .slice(0, top);
  if (brokers.length) lines.push(`top brokers: ${brokers.map((p) => p.id).join(', ')}`);
  const missing = Object.entries(report.analyses).filter(([, s]) => s.status !== 'done');
  if (missing.length)
    lines.push(`not in this report: ${missing.map(([k, s]) => `${k} (${s.reason ?? s.status})`).join('; ')}`);
  if (privacy.pseudonymized) lines.push(`people pseudonymised (${privacy.method})`);
  return `${lines.join('\n')}\n`;
}
