/**
 * Planting the formal groups and their experts.
 *
 * - **community-of-practice**: members drawn across departments (at most 40 % from one), a core of about
 *   a third of the tenured members, a periphery, and newcomers hired early in the period who start at the
 *   periphery; two core members are stewards with a moderate expertise level. Members have a small circle
 *   of close peers (a ring lattice, as in Watts & Strogatz 1998) that replies favour: triadic closure.
 * - **social-learning**: two or three experts from different departments who stay the whole period, with
 *   graded levels (the first clearly the strongest), and askers drawn from the whole organisation, each
 *   active in the group for a window of 20–45 % of the period (askers churn, experts stay).
 * - **hybrid**: a project team drawn from two departments with one or two experts.
 * - **not-a-unit**: people drawn uniformly from the whole organisation, with no process of their own.
 *
 * @module
 */

import { createRng, deriveSeed, type Rng } from '../random.js';
import type { Calendar } from './calendar.js';
import { PLANTED_KINDS, type PlantedKind, type ResolvedSimulateOptions } from './options.js';
import type { Organisation, PersonState } from './org.js';
import { between, sample } from './sampling.js';
import { COMMITTEES, PROJECTS, TOPICS } from './vocabulary.js';

/** A planted group as recorded in the truth. */
export interface PlantedGroup {
  /** Group name (as in groups.csv). */
  name: string;
  kind: PlantedKind;
  /** `'people'`: every interaction among members counts; `'channel'`: only the channel's messages. */
  scope: 'people' | 'channel';
  /** The channel, for channel groups. */
  channel?: string;
  /** The practice or subject of the group (used in subjects and texts). */
  topic: string;
  /** Member ids, sorted. */
  members: string[];
  /** Core members (communities of practice), sorted. */
  core?: string[];
  /** Members with a planted expertise level (see `truth.experts`), strongest first. */
  experts: string[];
  /** Members hired during the period, sorted. */
  newcomers: string[];
}

/** A planted expert: the level drives how often they answer the group's questions. */
export interface PlantedExpert {
  person: string;
  group: string;
  topic: string;
  /** Expertise level in (0, 1]: the chance of being picked to answer is proportional to level². */
  level: number;
}

/** Internal state of a planted group, used by the traffic generator. */
export interface GroupState {
  index: number;
  truth: PlantedGroup;
  kind: PlantedKind;
  channel: string | undefined;
  members: number[];
  memberSet: Set<number>;
  /** Per member (parallel to `members`): base engagement (CoP), expertise level, circle (CoP). */
  engagement: number[];
  level: number[];
  circle: number[][];
  /** Positions (in `members`) of the experts, strongest first. */
  experts: number[];
  /** Per member: first and last period day of activity in the group (social-learning askers churn). */
  activeFrom: number[];
  activeTo: number[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Draws `k` people from `pool` with at most `cap` from one department. */
function drawCapped(rng: Rng, people: PersonState[], pool: number[], k: number, cap: number): number[] {
  const out: number[] = [];
  const perDept = new Map<number, number>();
  for (const i of sample(rng, pool, pool.length)) {
    if (out.length === k) break;
    const d = (people[i] as PersonState).department;
    if ((perDept.get(d) ?? 0) >= cap) continue;
    perDept.set(d, (perDept.get(d) ?? 0) + 1);
    out.push(i);
  }
  return out;
}

function makeGroup(index: number, kind: PlantedKind, name: string, topic: string, channel: boolean): GroupState {
  const truth: PlantedGroup = {
    name,
    kind,
    scope: channel ? 'channel' : 'people',
    ...(channel ? { channel: `#${name}` } : {}),
    topic,
    members: [],
    experts: [],
    newcomers: [],
  };
  return {
    index,
    truth,
    kind,
    channel: truth.channel,
    members: [],
    memberSet: new Set(),
    engagement: [],
    level: [],
    circle: [],
    experts: [],
    activeFrom: [],
    activeTo: [],
  };
}

/** Plants every group of the options' plan. Returns the groups and the expert records, in planting order. */
export function plantGroups(
  options: ResolvedSimulateOptions,
  org: Organisation,
  calendar: Calendar,
): { groups: GroupState[]; experts: PlantedExpert[] } {
  const rng = createRng(deriveSeed(options.seed, 'groups'));
  const people = org.people;
  const all = people.map((p) => p.index);
  const stayers = people.filter((p) => !p.newcomer && !p.leaver).map((p) => p.index);
  const veterans = people.filter((p) => !p.newcomer).map((p) => p.index);
  const earlyNewcomers = people.filter((p) => p.newcomer && p.hireDay < 0.6 * calendar.days).map((p) => p.index);
  const usedExperts = new Set<number>();
  const topics = sample(rng, TOPICS, TOPICS.length);
  let topicIndex = 0;
  const nextTopic = () => {
    const t = topics[topicIndex % topics.length] as string;
    const round = Math.floor(topicIndex++ / topics.length);
    return round === 0 ? t : `${t}-${round + 1}`;
  };
  const groups: GroupState[] = [];
  const days = calendar.days;
  const fixedName = (list: readonly string[], i: number, suffix: string) => {
    const base = list[i % list.length] as string;
    const round = Math.floor(i / list.length);
    return `${suffix === 'project' ? `project-${base}` : `${base}-committee`}${round === 0 ? '' : `-${round + 1}`}`;
  };

  for (const kind of PLANTED_KINDS) {
    const spec = options.groups[kind];
    for (let i = 0; i < spec.count; i++) {
      const channel = i < spec.channels;
      const size = between(rng, spec.minSize, spec.maxSize);
      let g: GroupState;
      let chosen: number[];
      let expertPicks: number[] = [];
      let expertLevels: number[] = [];
      if (kind === 'community-of-practice') {
        const topic = nextTopic();
        g = makeGroup(groups.length, kind, topic, topic, channel);
        const newcomers = sample(rng, earlyNewcomers, Math.min(Math.max(1, Math.round(0.12 * size)), size - 3));
        const tenured = drawCapped(rng, people, veterans, size - newcomers.length, Math.max(2, Math.ceil(0.4 * size)));
        const tenuredStayers = tenured.filter((x) => !(people[x] as PersonState).leaver);
        const core = new Set(sample(rng, tenuredStayers, Math.ceil(0.35 * tenured.length)));
        chosen = [...tenured, ...newcomers];
        expertPicks = sample(rng, [...core], 2);
        expertLevels = expertPicks.map((_, k) => round2(0.8 - 0.1 * k - 0.15 * rng()));
        g.truth.core = [...core].map((x) => (people[x] as PersonState).id).sort();
        for (const x of chosen) g.engagement.push(core.has(x) ? 1 : 0.25);
      } else if (kind === 'social-learning') {
        const topic = nextTopic();
        g = makeGroup(groups.length, kind, topic, topic, channel);
        const nExperts = size >= 30 ? 3 : 2;
        const pool = stayers.filter((x) => !usedExperts.has(x));
        expertPicks = drawCapped(rng, people, pool, nExperts, 1);
        expertLevels = expertPicks.map((_, k) => round2(([0.92, 0.72, 0.52][k] as number) + 0.08 * rng()));
        const expertSet = new Set(expertPicks);
        const askers = sample(
          rng,
          all.filter((x) => !expertSet.has(x)),
          size - expertPicks.length,
        );
        chosen = [...expertPicks, ...askers];
        for (const x of chosen) g.engagement.push(expertSet.has(x) ? 1 : 0);
      } else if (kind === 'hybrid') {
        g = makeGroup(groups.length, kind, fixedName(PROJECTS, i, 'project'), '', channel);
        const depts = sample(
          rng,
          org.departments.map((_, d) => d),
          2,
        );
        const pool = depts.flatMap((d) => org.departments[d]?.members ?? []).sort((a, b) => a - b);
        chosen = sample(rng, pool, size);
        const candidates = chosen.filter((x) => !(people[x] as PersonState).newcomer && !people[x]?.leaver);
        expertPicks = sample(rng, candidates.length > 0 ? candidates : chosen, size >= 8 ? 2 : 1);
        expertLevels = expertPicks.map((_, k) => round2(0.95 - 0.2 * k - 0.1 * rng()));
        g.truth.topic = `${g.truth.name.slice('project-'.length)} delivery`;
        for (const _ of chosen) g.engagement.push(1);
      } else {
        g = makeGroup(groups.length, kind, fixedName(COMMITTEES, i, 'committee'), '', channel);
        g.truth.topic = g.truth.name.replace(/-committee.*/, '');
        chosen = sample(rng, all, size);
        for (const _ of chosen) g.engagement.push(0);
      }
      for (const x of expertPicks) usedExperts.add(x);
      // members in person order; per-member arrays follow
      const order = chosen.map((x, k) => [x, k] as const).sort((a, b) => a[0] - b[0]);
      const engagement = g.engagement;
      g.engagement = order.map(([, k]) => engagement[k] as number);
      g.members = order.map(([x]) => x);
      g.memberSet = new Set(g.members);
      g.level = g.members.map((x) => {
        const e = expertPicks.indexOf(x);
        return e < 0 ? 0 : (expertLevels[e] as number);
      });
      g.experts = expertPicks.map((x) => g.members.indexOf(x));
      for (const x of g.members) {
        const p = people[x] as PersonState;
        let from = 0;
        let to = days - 1;
        if (kind === 'social-learning' && !expertPicks.includes(x)) {
          const len = Math.max(5, Math.round((0.2 + 0.25 * rng()) * days));
          from = between(rng, 0, Math.max(0, days - len));
          to = from + len - 1;
        }
        g.activeFrom.push(Math.max(from, p.hireDay));
        g.activeTo.push(Math.min(to, p.leaveDay - 1));
      }
      if (kind === 'community-of-practice') {
        const ring = sample(
          rng,
          g.members.map((_, k) => k),
          g.members.length,
        );
        const n = ring.length;
        g.circle = g.members.map(() => []);
        ring.forEach((k, pos) => {
          for (const step of [1, 2, n - 1, n - 2]) {
            const other = ring[(pos + step) % n] as number;
            const c = g.circle[k] as number[];
            if (other !== k && !c.includes(other)) c.push(other);
          }
        });
      }
      g.truth.members = g.members.map((x) => (people[x] as PersonState).id).sort();
      g.truth.experts = expertPicks.map((x) => (people[x] as PersonState).id);
      g.truth.newcomers = g.members
        .filter((x) => (people[x] as PersonState).newcomer)
        .map((x) => (people[x] as PersonState).id)
        .sort();
      groups.push(g);
    }
  }
  const experts: PlantedExpert[] = [];
  for (const g of groups) {
    for (const k of g.experts) {
      experts.push({
        person: (people[g.members[k] as number] as PersonState).id,
        group: g.truth.name,
        topic: g.truth.topic,
        level: g.level[k] as number,
      });
    }
  }
  return { groups, experts };
}
