// Are the planted signatures really in the simulated logs? Measured across 20 seeds at the default settings
// with the plain code of ./measure.ts (not with the library's analyses). The figures each test prints are
// the ones docs/simulator.md quotes.
import { beforeAll, describe, expect, it } from 'vitest';
import { simulateOrganization } from '../../src/simulate/simulate.js';
import { densityZ, type GroupFigures, meanOf, measure, type OrgFigures } from './measure.js';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const runs: { seed: number; figures: OrgFigures; days: number; start: number; hired: Map<string, number> }[] = [];

beforeAll(() => {
  for (const seed of SEEDS) {
    const org = simulateOrganization({ seed });
    runs.push({
      seed,
      figures: measure(org),
      days: org.truth.options.days,
      start: Date.parse(org.truth.period.start),
      hired: new Map(org.people.map((p) => [p.id, Date.parse(`${p.hireDate}T00:00:00Z`)])),
    });
  }
}, 120_000);

const all = (kind: string) => runs.flatMap((r) => r.figures.groups.filter((g) => g.group.kind === kind));
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (x: number) => x.toFixed(2);

describe('communities of practice vs social-learning groups (20 seeds, default settings)', () => {
  it('CoP groups have higher help reciprocity and clustering than social-learning groups in every seed', () => {
    for (const { seed, figures } of runs) {
      const g = figures.groups;
      const cop = {
        help: meanOf(g, 'community-of-practice', (f) => f.helpReciprocity),
        clu: meanOf(g, 'community-of-practice', (f) => f.clustering),
      };
      const sl = {
        help: meanOf(g, 'social-learning', (f) => f.helpReciprocity),
        clu: meanOf(g, 'social-learning', (f) => f.clustering),
      };
      expect(cop.help, `seed ${seed}: help reciprocity`).toBeGreaterThan(sl.help + 0.15);
      expect(cop.clu, `seed ${seed}: clustering`).toBeGreaterThan(sl.clu + 0.15);
    }
    const cop = all('community-of-practice');
    const sl = all('social-learning');
    console.log(
      `help reciprocity CoP ${fmt(avg(cop.map((f) => f.helpReciprocity)))} vs SL ${fmt(avg(sl.map((f) => f.helpReciprocity)))}; ` +
        `clustering CoP ${fmt(avg(cop.map((f) => f.clustering)))} vs SL ${fmt(avg(sl.map((f) => f.clustering)))}; ` +
        `tie reciprocity CoP ${fmt(avg(cop.map((f) => f.tieReciprocity)))} vs SL ${fmt(avg(sl.map((f) => f.tieReciprocity)))}`,
    );
  });

  it('social-learning groups have a higher share of replies by their top-2 answerers, and experts answer most questions', () => {
    for (const { seed, figures } of runs) {
      const g = figures.groups;
      expect(
        meanOf(g, 'social-learning', (f) => f.top2Share),
        `seed ${seed}`,
      ).toBeGreaterThan(meanOf(g, 'community-of-practice', (f) => f.top2Share) + 0.15);
    }
    const sl = all('social-learning');
    const expertShare = avg(sl.map((f) => f.expertFirstAnswerShare));
    expect(expertShare).toBeGreaterThan(0.75);
    expect(Math.min(...sl.map((f) => f.expertFirstAnswerShare))).toBeGreaterThan(0.6);
    console.log(
      `top-2 share SL ${fmt(avg(sl.map((f) => f.top2Share)))} vs CoP ${fmt(avg(all('community-of-practice').map((f) => f.top2Share)))}; ` +
        `first answers by planted experts in SL groups ${fmt(expertShare)}`,
    );
  });
});

describe('communities of practice: core and periphery', () => {
  it('core–core pairs are tied more often than core–periphery pairs, and those more than periphery pairs', () => {
    const sums = { channel: [0, 0, 0, 0], people: [0, 0, 0, 0] };
    for (const { figures } of runs) {
      for (const f of figures.groups.filter((g) => g.group.kind === 'community-of-practice')) {
        const core = new Set(f.group.core);
        const cells = [0, 0, 0, 0, 0, 0];
        const m = f.group.members;
        for (let i = 0; i < m.length; i++) {
          for (let j = i + 1; j < m.length; j++) {
            const a = m[i] as string;
            const b = m[j] as string;
            const cell = (core.has(a) ? 1 : 0) + (core.has(b) ? 1 : 0);
            cells[3 + cell] = (cells[3 + cell] as number) + 1;
            if (f.ties.has(`${a}\u0000${b}`) || f.ties.has(`${b}\u0000${a}`)) cells[cell] = (cells[cell] as number) + 1;
          }
        }
        const s = sums[f.group.scope];
        for (let c = 0; c < 3; c++)
          s[c] = (s[c] as number) + (cells[2 - c] as number) / Math.max(1, cells[5 - c] as number);
        s[3] = (s[3] as number) + 1;
      }
    }
    for (const [scope, s] of Object.entries(sums)) {
      const [cc, cp, pp] = s.slice(0, 3).map((x) => x / (s[3] as number)) as [number, number, number];
      console.log(
        `${scope} CoPs: tie density core–core ${fmt(cc)}, core–periphery ${fmt(cp)}, periphery–periphery ${fmt(pp)}`,
      );
      expect(cc).toBeGreaterThan(cp + 0.05);
      expect(cp).toBeGreaterThan(pp + 0.05);
    }
  });
});

describe('not-a-unit groups', () => {
  it("internal tie density is within noise of random same-size sets (and CoP groups' is far above)", () => {
    const zNot: number[] = [];
    const zCop: number[] = [];
    for (const { seed, figures } of runs) {
      figures.groups.forEach((f, i) => {
        if (f.group.kind === 'not-a-unit') zNot.push(densityZ(figures, f.group.members, seed * 100 + i));
        if (f.group.kind === 'community-of-practice' && f.group.scope === 'people') {
          zCop.push(densityZ(figures, f.group.members, seed * 100 + i));
        }
      });
    }
    console.log(
      `density z: not-a-unit mean ${fmt(avg(zNot))}, max |z| ${fmt(Math.max(...zNot.map(Math.abs)))}; CoP min ${fmt(Math.min(...zCop))}`,
    );
    expect(zNot.length).toBe(40);
    expect(Math.abs(avg(zNot))).toBeLessThan(0.5);
    expect(Math.max(...zNot.map(Math.abs))).toBeLessThan(3.5);
    expect(Math.min(...zCop)).toBeGreaterThan(5);
  });
});

describe('residual cohesion: without their experts', () => {
  it('hybrid teams remain a unit; social-learning askers are none', () => {
    const zHybrid: number[] = [];
    const zAskers: number[] = [];
    for (const { seed, figures } of runs) {
      figures.groups.forEach((f, i) => {
        const rest = f.group.members.filter((m) => !f.group.experts.includes(m));
        if (f.group.kind === 'hybrid') zHybrid.push(densityZ(figures, rest, seed * 1000 + i));
        if (f.group.kind === 'social-learning') zAskers.push(densityZ(figures, rest, seed * 1000 + i));
      });
    }
    console.log(`residual density z: hybrid min ${fmt(Math.min(...zHybrid))}; SL askers mean ${fmt(avg(zAskers))}`);
    expect(Math.min(...zHybrid)).toBeGreaterThan(4);
    expect(Math.abs(avg(zAskers))).toBeLessThan(2);
  });

  it("hybrid teams' questions run through one or two experts", () => {
    const hybrid = all('hybrid');
    console.log(
      `first answers by planted experts in hybrid teams ${fmt(avg(hybrid.map((f) => f.expertFirstAnswerShare)))}`,
    );
    expect(avg(hybrid.map((f) => f.expertFirstAnswerShare))).toBeGreaterThan(0.75);
  });
});

describe('time: legitimate peripheral participation and churn', () => {
  const span = (times: number[]) => (Math.max(...times) - Math.min(...times)) / 86_400_000;

  it('CoP newcomers write more in the second half of their time in the period than in the first', () => {
    let early = 0;
    let late = 0;
    for (const { figures, start, days, hired } of runs) {
      const end = start + days * 86_400_000;
      for (const f of figures.groups.filter((g) => g.group.kind === 'community-of-practice')) {
        for (const person of f.group.newcomers) {
          const times = f.activity.get(person) ?? [];
          const from = hired.get(person) as number;
          const middle = from + (end - from) / 2;
          for (const t of times) {
            if (t < middle) early++;
            else late++;
          }
        }
      }
    }
    console.log(`CoP newcomers' messages: first half ${early}, second half ${late}`);
    expect(late).toBeGreaterThan(1.4 * early);
  });

  it('social-learning askers churn while experts stay', () => {
    const askerSpans: number[] = [];
    const expertSpans: number[] = [];
    for (const { figures, days } of runs) {
      for (const f of figures.groups.filter((g: GroupFigures) => g.group.kind === 'social-learning')) {
        for (const [person, times] of f.activity) {
          if (!f.group.members.includes(person) || times.length < 2) continue;
          (f.group.experts.includes(person) ? expertSpans : askerSpans).push(span(times) / days);
        }
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    console.log(
      `active span / period: askers median ${fmt(median(askerSpans))}, experts median ${fmt(median(expertSpans))}`,
    );
    expect(median(askerSpans)).toBeLessThan(0.4);
    expect(median(expertSpans)).toBeGreaterThan(0.85);
  });
});

describe('knobs make the planted signals harder', () => {
  const copZ = (options: Parameters<typeof simulateOrganization>[0], seed: number) => {
    const figures = measure(simulateOrganization({ ...options, seed }));
    const zs = figures.groups
      .map((f, i) =>
        f.group.kind === 'community-of-practice' ? densityZ(figures, f.group.members, seed + i, 100) : NaN,
      )
      .filter((z) => !Number.isNaN(z));
    return { z: avg(zs), expert: meanOf(figures.groups, 'social-learning', (f) => f.expertFirstAnswerShare) };
  };

  it('more mixing and less group activity weaken cohesion; a lower expert share spreads the answers', () => {
    for (const seed of [31, 32]) {
      const base = copZ({ people: 200, days: 60 }, seed);
      const mixed = copZ({ people: 200, days: 60, mixing: 0.6 }, seed);
      const quiet = copZ({ people: 200, days: 60, groupActivity: 0.3 }, seed);
      const spread = copZ({ people: 200, days: 60, expertAnswerShare: 0.4 }, seed);
      console.log(
        `seed ${seed}: CoP density z ${fmt(base.z)} → mixing 0.6: ${fmt(mixed.z)}, groupActivity 0.3: ${fmt(quiet.z)}; ` +
          `expert first answers ${fmt(base.expert)} → expertAnswerShare 0.4: ${fmt(spread.expert)}`,
      );
      expect(mixed.z).toBeLessThan(0.8 * base.z);
      expect(quiet.z).toBeLessThan(0.8 * base.z);
      expect(spread.expert).toBeLessThan(base.expert - 0.3);
    }
  });
});
