import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ThreadSummary } from '../../src/log/threads.js';
import {
  answerPurity,
  centralisation,
  helpBasisOf,
  helpEvents,
  helpIndicators,
  topAnswerers,
} from '../../src/practice/help.js';
import { structuralIndicators } from '../../src/practice/structure.js';
import { type GroupEvents, groupEvents, temporalIndicators, tenureShare } from '../../src/practice/temporal.js';
import { shareModeOf, threadBaseline, threadMixIndicators } from '../../src/practice/thread-mix.js';
import { createRng, shuffleInPlace } from '../../src/random.js';

const kinds = { question: 0, answer: 0, share: 0, discussion: 0 };
function thread(
  id: string,
  root: string,
  repliers: [string, number][],
  extra: Partial<ThreadSummary> = {},
): ThreadSummary {
  const participants = new Set([root, ...repliers.map((r) => r[0])]).size;
  return {
    id,
    root,
    messages: 1 + repliers.reduce((s, r) => s + r[1], 0),
    replies: repliers.reduce((s, r) => s + r[1], 0),
    repliers: repliers.map(([person, replies]) => ({ person, replies })),
    selfReplies: 0,
    participants,
    depth: 1,
    kinds,
    ...extra,
  };
}

describe('help indicators', () => {
  it('Freeman centralisation of answers: 1 for a single answerer, 0 for equal answerers (hand computation)', () => {
    expect(centralisation([6, 0, 0, 0])).toBe(1);
    expect(centralisation([2, 2, 2])).toBe(0);
    // (n·max − Σ) / ((n − 1)·Σ) = (3·4 − 6) / (2·6) = 0.5
    expect(centralisation([4, 2, 0])).toBeCloseTo(0.5, 12);
    expect(centralisation([0, 0])).toBeNaN();
  });

  const threads = [
    thread('t1', 'ann', [['exp', 2]], { rootKind: 'question' }),
    thread(
      't2',
      'bob',
      [
        ['exp', 1],
        ['ann', 1],
      ],
      { rootKind: 'question' },
    ),
    thread('t3', 'cy', [['exp', 1]], { rootKind: 'question' }),
    thread('t4', 'dee', [['out', 3]], { rootKind: 'question' }),
    thread('t5', 'exp', [['bob', 1]], { rootKind: 'share' }),
  ];

  it('help events count asks, answers (members only) and, with kinds, shares', () => {
    const members = new Set(['ann', 'bob', 'cy', 'dee', 'exp']);
    const ev = helpEvents(threads, members, helpBasisOf(threads, 'auto'));
    expect(ev.basis).toBe('questions');
    // t4 is answered only by a non-member: left out
    expect(ev.threads).toHaveLength(3);
    const at = (p: string) => ev.people.indexOf(p);
    expect(ev.gives[at('exp')]).toBe(4);
    expect(ev.asks[at('ann')]).toBe(1);
    expect(ev.shares[at('exp')]).toBe(1);
    const all = helpEvents(threads, members, 'all');
    expect(all.threads).toHaveLength(4);
    expect(helpBasisOf([thread('x', 'a', [['b', 1]])], 'auto')).toBe('all');
  });

  it('top answerers give at least twice the even share, at most `max` of them', () => {
    const ev = helpEvents(threads, null, 'questions');
    // answers: exp 4, ann 1, out 3 over 6 people (ann, exp, bob, cy, dee, out): even share 8/6; ≥ 2 × → ≥ 2.67
    expect(topAnswerers(ev, 2, 3).map((t) => [t.person, t.answers])).toEqual([
      ['exp', 4],
      ['out', 3],
    ]);
    expect(topAnswerers(ev, 2, 1)).toHaveLength(1);
  });

  it('asks and gives are the expertise module’s questions and answers; top answerers follow its ranking', () => {
    // 'busy' answers 6 but asks 6 (z = 0); 'pure' answers 4 and never asks (z = 2): the expert ranking puts
    // 'pure' first although 'busy' gives more answers; both give ≥ 2 × the even share (Σa = 16 over 10
    // active people: ≥ 3.2), the n's who answer 'busy' (3 each) do not
    const ts = [
      ...Array.from({ length: 4 }, (_, i) => thread(`p${i}`, `m${i}`, [['pure', 1]])),
      ...Array.from({ length: 6 }, (_, i) => thread(`b${i}`, `m${i % 2}`, [['busy', 1]])),
      ...Array.from({ length: 6 }, (_, i) => thread(`q${i}`, 'busy', [[`m${2 + (i % 4)}`, 0]])),
      ...Array.from({ length: 6 }, (_, i) => thread(`r${i}`, 'busy', [[`n${i % 2}`, 1]])),
    ];
    const ev = helpEvents(ts, null, 'all');
    const at = (p: string) => ev.people.indexOf(p);
    for (const r of ev.expertise.people) {
      if (at(r.person) < 0) continue;
      expect([ev.asks[at(r.person)], ev.gives[at(r.person)]]).toEqual([r.questions, r.answers]);
    }
    expect(ev.gives[at('busy')]).toBe(6);
    expect(ev.asks[at('busy')]).toBe(6);
    expect(topAnswerers(ev, 2, 3).map((t) => [t.person, t.answers])).toEqual([
      ['pure', 4],
      ['busy', 6],
    ]);
  });

  it('a star of answers is a hub; spread answers are flat (against uniform re-assignment)', () => {
    const star = Array.from({ length: 30 }, (_, i) => thread(`s${i}`, `a${i}`, [['hub', 1]]));
    const starEvents = helpEvents(star, null);
    const [, hub] = helpIndicators(starEvents, {
      samples: 99,
      rng: createRng(1),
      hubCentralisation: 0.3,
      flatCentralisation: 0.15,
      topAnswerers: [starEvents.people.indexOf('hub')],
      minAnswerPurity: 0.9,
    });
    expect(hub?.observed).toBe(1);
    // the hub only answers: an answer person
    expect(hub?.detail?.answerPurity).toBe(1);
    expect(hub?.judge?.(1, 0.01, 'above', 0.05).regime).toBe('social-learning');
    const ring = Array.from({ length: 30 }, (_, i) => thread(`r${i}`, `a${i}`, [[`a${(i + 1) % 30}`, 1]]));
    const [role, flat] = helpIndicators(helpEvents(ring, null), {
      samples: 99,
      rng: createRng(1),
      hubCentralisation: 0.3,
      flatCentralisation: 0.15,
      topAnswerers: [],
      minAnswerPurity: 0.9,
    });
    expect(flat?.observed).toBe(0);
    expect(flat?.judge?.(0, 1, 'below', 0.05).regime).toBe('community-of-practice');
    // everyone both asks and answers in the ring
    expect(role?.observed).toBe(1);
  });

  it('a concentration on answerers who also ask (stewards of a practice) is no hub', () => {
    // s1 and s2 answer most questions but also ask their own
    const threads = [
      ...Array.from({ length: 40 }, (_, i) => thread(`q${i}`, `m${i % 12}`, [[i % 2 ? 's1' : 's2', 1]])),
      ...Array.from({ length: 10 }, (_, i) => thread(`s${i}`, i % 2 ? 's1' : 's2', [[`m${i}`, 1]])),
    ];
    const ev = helpEvents(threads, null);
    const top = [ev.people.indexOf('s1'), ev.people.indexOf('s2')];
    // s1 and s2: 40 answers, 10 questions of their own
    expect(answerPurity(ev, top)).toBeCloseTo(40 / 50, 12);
    const [, cen] = helpIndicators(ev, {
      samples: 99,
      rng: createRng(1),
      hubCentralisation: 0.3,
      flatCentralisation: 0.15,
      topAnswerers: top,
      minAnswerPurity: 0.9,
    });
    expect(cen?.observed).toBeGreaterThan(0.3);
    expect(cen?.judge?.(cen.observed, 0.01, 'above', 0.05).regime).toBe('neither');
  });
});

describe('temporal indicators', () => {
  it('tenure share: (last − first + 1) / span, averaged over active columns (hand computation)', () => {
    // span 4, width 2: column 0 active in windows 0 and 2 → 3/4; column 1 only in window 3 → 1/4
    const m = Uint8Array.from([1, 0, 0, 0, 1, 0, 0, 1]);
    expect(tenureShare(m, 4, 2)).toBeCloseTo(0.5, 12);
  });

  it('members who stay all along keep their tenure under the time shuffle; churners fall below it', () => {
    const windows = Array.from({ length: 8 }, (_, w) => {
      const src: number[] = [];
      const dst: number[] = [];
      // a steady pair 0–1 every window; pairs (2+w)–0 one window each (askers who come once)
      src.push(0, 2 + w);
      dst.push(1, 0);
      const outOffsets = new Int32Array(11);
      for (const a of src) for (let i = a + 1; i <= 10; i++) outOffsets[i] = (outOffsets[i] as number) + 1;
      return {
        index: w,
        start: w,
        end: w + 1,
        outOffsets,
        src: Int32Array.from(src),
        dst: Int32Array.from(dst),
        weight: Float64Array.from([1, 1]),
        count: Float64Array.from([3, 3]),
      };
    });
    const members = Int32Array.from({ length: 10 }, (_, i) => i);
    const ev = groupEvents(windows, members);
    expect(ev.span).toBe(8);
    expect(ev.dyadA.length).toBe(9);
    const { indicators, unavailable } = temporalIndicators(ev, {
      samples: 199,
      rng: createRng(3),
      minNewcomers: 3,
      memberRatios: [0.75, 0.85],
      tieRatios: [0.65, 0.72],
    });
    const tie = indicators.find((i) => i.name === 'tiePersistence');
    // observed: dyad 0–1 spans 8/8, eight one-window dyads 1/8 each → (1 + 8/8) / 9
    expect(tie?.observed).toBeCloseTo((1 + 1) / 9, 12);
    const nullMean = Array.from(tie?.nulls ?? []).reduce((s, x) => s + x, 0) / 199;
    expect(tie?.observed).toBeLessThan(nullMean);
    // every asker arrives after window 0 and never comes back: slope of coreness on tenure
    expect(unavailable).toEqual([]);
    expect(indicators.find((i) => i.name === 'newcomerSlope')?.observed).toBeLessThan(0);
    // time runs over the observed windows: the same eight windows spread over years (gaps in the record)
    // give the same events, the same span and the same tenures
    const spread = groupEvents(
      windows.map((w, i) => ({ ...w, index: i * 365, start: i * 365, end: i * 365 + 1 })),
      members,
    );
    expect([spread.span, spread.firstWindow]).toEqual([8, 0]);
    expect(Array.from(spread.window)).toEqual(Array.from(ev.window));
  });
});

describe('thread mix', () => {
  it('uses kinds when at least half of the threads have one, else structure', () => {
    expect(shareModeOf([thread('a', 'x', [['y', 1]], { rootKind: 'share' }), thread('b', 'x', [['y', 1]])])).toBe(
      'kinds',
    );
    expect(shareModeOf([thread('a', 'x', [['y', 1]])])).toBe('structure');
  });

  it('share mix against an even mix; participants unavailable without enough other threads', () => {
    const group = Array.from({ length: 20 }, (_, i) =>
      thread(`g${i}`, `a${i}`, [
        ['b', 1],
        ['c', 1],
      ]),
    );
    const out = threadMixIndicators(group, threadBaseline(group), { samples: 99, rng: createRng(1), minBaseline: 30 });
    const share = out.indicators[0];
    expect(out.mode).toBe('structure');
    expect(share?.observed).toBe(1);
    expect(out.unavailable).toMatch(/0 answered threads outside the group/);
    const others = Array.from({ length: 40 }, (_, i) => thread(`o${i}`, `x${i}`, [['y', 1]]));
    const full = threadMixIndicators(group, threadBaseline([...group, ...others]), {
      samples: 99,
      rng: createRng(1),
      minBaseline: 30,
    });
    expect(full.indicators.map((i) => i.name)).toEqual(['shareMix', 'threadParticipants']);
    // the pool's marks are shared between calls on one baseline: a second call draws exactly as the first
    // (a large pool, so that most threads are drawn once and a mark left over would change the draws)
    const few = group.slice(0, 5);
    const many = Array.from({ length: 3000 }, (_, i) =>
      thread(`p${i}`, `x${i}`, [['y', 1]], { participants: 2 + (i % 7) }),
    );
    const pool = threadBaseline([...few, ...many]);
    const draw = () =>
      Array.from(
        threadMixIndicators(few, pool, { samples: 99, rng: createRng(4), minBaseline: 30 }).indicators[1]?.nulls ?? [],
      );
    const first = draw();
    expect(new Set(first).size).toBeGreaterThan(1);
    expect(draw()).toEqual(first);
    expect(full.indicators[1]?.observed).toBe(3);
    expect([...(full.indicators[1]?.nulls ?? [])].every((x) => x === 2)).toBe(true);
  });
});

describe('structural indicators', () => {
  it('a fully reciprocal ring is more mutual than its rewiring; a star reads as a star', () => {
    const k = 12;
    const src: number[] = [];
    const dst: number[] = [];
    // a reciprocal ring, arcs grouped by source (CSR order)
    for (let i = 0; i < k; i++) {
      src.push(i, i);
      dst.push((i + 1) % k, (i + k - 1) % k);
    }
    const opts = { samples: 99, burnIn: 10, thin: 1, minCoreSize: 3, minCoreShare: 0.15, rng: createRng(2) };
    const [rec] = structuralIndicators(
      { k, src: Int32Array.from(src), dst: Int32Array.from(dst), weight: new Float64Array(src.length) },
      opts,
    );
    expect(rec?.observed).toBe(1);
    expect(Math.max(...(rec?.nulls ?? []))).toBeLessThan(1);
    const ss: number[] = [];
    const sd: number[] = [];
    for (let i = 1; i < k; i += 2) {
      ss.push(0);
      sd.push(i);
    }
    for (let i = 1; i < k; i++) {
      ss.push(i);
      sd.push(0);
    }
    const cp = structuralIndicators(
      { k, src: Int32Array.from(ss), dst: Int32Array.from(sd), weight: new Float64Array(ss.length) },
      opts,
    )[2];
    expect(cp?.observed).toBe(1);
    expect(cp?.detail?.coreSize).toBe(1);
    expect(cp?.copWhen).toBe('lower');
  });
});

/**
 * The temporal nulls as first written, on span × width activity matrices (the definition): the fast version
 * in src/practice/temporal.ts must give the same numbers bit for bit, sample by sample.
 */
function referenceTemporal(ev: GroupEvents, samples: number, seed: number, minNewcomers: number) {
  const { k, span } = ev;
  const D = ev.dyadA.length;
  const activity = (window: Int32Array) => {
    const member = new Uint8Array(span * k);
    const dyad = new Uint8Array(span * D);
    const partners = new Int32Array(span * k);
    for (let e = 0; e < window.length; e++) {
      const w = window[e] as number;
      const d = ev.dyad[e] as number;
      if (dyad[w * D + d] === 1) continue;
      dyad[w * D + d] = 1;
      const a = ev.dyadA[d] as number;
      const b = ev.dyadB[d] as number;
      member[w * k + a] = 1;
      member[w * k + b] = 1;
      partners[w * k + a] = (partners[w * k + a] as number) + 1;
      partners[w * k + b] = (partners[w * k + b] as number) + 1;
    }
    return { member, dyad, partners };
  };
  const tenure = (matrix: Uint8Array, width: number) => {
    let sum = 0;
    let n = 0;
    for (let i = 0; i < width; i++) {
      let first = -1;
      let last = -1;
      for (let w = 0; w < span; w++) {
        if (matrix[w * width + i] === 1) {
          if (first < 0) first = w;
          last = w;
        }
      }
      if (first < 0) continue;
      sum += (last - first + 1) / span;
      n++;
    }
    return n > 0 ? sum / n : Number.NaN;
  };
  const observed = activity(ev.window);
  const arrival = Int32Array.from({ length: k }, (_, i) => {
    for (let w = 0; w < span; w++) if (observed.member[w * k + i] === 1) return w;
    return -1;
  });
  const slope = (partners: Int32Array) => {
    const maxPartners = Array.from({ length: span }, (_, w) =>
      Math.max(0, ...Array.from({ length: k }, (_, i) => partners[w * k + i] as number)),
    );
    let n = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < k; i++) {
      const a = arrival[i] as number;
      if (a <= 0) continue;
      for (let w = a; w < span; w++) {
        const mp = maxPartners[w] as number;
        const y = mp > 0 ? (partners[w * k + i] as number) / mp : 0;
        const x = w - a;
        n++;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
      }
    }
    const den = n * sxx - sx * sx;
    return n > 1 && den > 0 ? (n * sxy - sx * sy) / den : Number.NaN;
  };
  const newcomers = Array.from(arrival).filter((a) => a > 0 && a < span - 1).length;
  const rng = createRng(seed);
  const shuffled = Int32Array.from(ev.window);
  const nulls: number[][] = [[], [], []];
  for (let r = 0; r < samples; r++) {
    shuffleInPlace(shuffled, rng);
    const x = activity(shuffled);
    nulls[0]?.push(tenure(x.member, k));
    nulls[1]?.push(tenure(x.dyad, D));
    nulls[2]?.push(newcomers >= minNewcomers ? slope(x.partners) : Number.NaN);
  }
  return {
    observed: [tenure(observed.member, k), tenure(observed.dyad, D), slope(observed.partners)],
    nulls,
    newcomers,
  };
}

describe('temporal indicators: the fast nulls equal the matrix definition', () => {
  it('bit for bit on random groups, sample by sample', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 2, max: 7 }),
        fc.array(fc.tuple(fc.nat(11), fc.nat(11), fc.nat(6), fc.integer({ min: 1, max: 3 })), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.nat(1000),
        (k, span, raw, seed) => {
          // windows with arcs grouped by source, among k members
          const windows = Array.from({ length: span }, (_, w) => {
            const arcs = raw
              .filter(([a, b, x]) => x % span === w && a % k !== b % k)
              .map(([a, b, , c]) => [a % k, b % k, c] as const)
              .sort((p, q) => p[0] - q[0] || p[1] - q[1]);
            const outOffsets = new Int32Array(k + 1);
            for (const [a] of arcs) outOffsets[a + 1] = (outOffsets[a + 1] as number) + 1;
            for (let i = 0; i < k; i++) outOffsets[i + 1] = (outOffsets[i + 1] as number) + (outOffsets[i] as number);
            return {
              index: w,
              start: w,
              end: w + 1,
              outOffsets,
              src: Int32Array.from(arcs, (x) => x[0]),
              dst: Int32Array.from(arcs, (x) => x[1]),
              weight: Float64Array.from(arcs, () => 1),
              count: Float64Array.from(arcs, (x) => x[2]),
            };
          });
          const ev = groupEvents(
            windows,
            Int32Array.from({ length: k }, (_, i) => i),
          );
          if (ev.span < 2) return;
          const ref = referenceTemporal(ev, 25, seed, 1);
          const { indicators } = temporalIndicators(ev, {
            samples: 25,
            rng: createRng(seed),
            minNewcomers: 1,
            memberRatios: [0.75, 0.85],
            tieRatios: [0.65, 0.72],
          });
          const byName = new Map(indicators.map((i) => [i.name, i]));
          expect(byName.get('memberPersistence')?.observed).toBe(ref.observed[0]);
          expect(Array.from(byName.get('memberPersistence')?.nulls ?? [])).toEqual(ref.nulls[0]);
          expect(byName.get('tiePersistence')?.observed).toBe(ref.observed[1]);
          expect(Array.from(byName.get('tiePersistence')?.nulls ?? [])).toEqual(ref.nulls[1]);
          if (ref.newcomers >= 1) {
            expect(byName.get('newcomerSlope')?.observed).toBe(ref.observed[2]);
            expect(Array.from(byName.get('newcomerSlope')?.nulls ?? [])).toEqual(ref.nulls[2]);
          } else expect(byName.has('newcomerSlope')).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});
