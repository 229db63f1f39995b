// Plain measurements of the planted signatures, written out in the test on purpose: they must not use
// the library's own analyses (graph builder, thread summaries), which the simulator exists to check.
import type { Message } from '../../src/log/message.js';
import { createRng } from '../../src/random.js';
import type { PlantedGroup } from '../../src/simulate/groups.js';
import type { SimulatedOrganization } from '../../src/simulate/simulate.js';

/** Messages with more recipients are mass mail and ignored (as the graph builder does by default). */
const MASS_MAIL = 50;

export interface GroupFigures {
  group: PlantedGroup;
  /** Directed internal ties (sender → recipient, cc, mention or replied-to author), as "a\0b". */
  ties: Set<string>;
  /** Share of directed internal ties whose reverse exists. */
  tieReciprocity: number;
  /** Help edges: replier → thread starter, in the group's threads. */
  help: Set<string>;
  /** Share of directed help edges whose reverse exists (does the helped person help back?). */
  helpReciprocity: number;
  /** Average local clustering of the undirected internal tie graph (NetworkX `average_clustering`). */
  clustering: number;
  /** Replies by someone other than the thread starter, in the group's threads, per replier. */
  answers: Map<string, number>;
  /** Share of those replies written by the two most frequent repliers. */
  top2Share: number;
  /** Share of the first replies to question threads written by the planted experts. */
  expertFirstAnswerShare: number;
  /** Messages per member in the group's threads, with their timestamps. */
  activity: Map<string, number[]>;
}

export interface OrgFigures {
  groups: GroupFigures[];
  /** Undirected ties of the whole organisation (mass mail excluded), as "a\0b" with a < b. */
  undirected: Set<string>;
  people: string[];
  messages: number;
}

const key = (a: string, b: string) => `${a}\u0000${b}`;
const ukey = (a: string, b: string) => (a < b ? key(a, b) : key(b, a));

function reciprocity(edges: Set<string>): number {
  if (edges.size === 0) return 0;
  let r = 0;
  for (const e of edges) {
    const [a, b] = e.split('\u0000') as [string, string];
    if (edges.has(key(b, a))) r++;
  }
  return r / edges.size;
}

/** Average local clustering over the nodes of the undirected version of `edges` (degree < 2 counts 0). */
export function averageClustering(edges: Iterable<string>): number {
  const adj = new Map<string, Set<string>>();
  for (const e of edges) {
    const [a, b] = e.split('\u0000') as [string, string];
    if (!adj.has(a)) adj.set(a, new Set());
    if (!adj.has(b)) adj.set(b, new Set());
    adj.get(a)?.add(b);
    adj.get(b)?.add(a);
  }
  if (adj.size === 0) return 0;
  let sum = 0;
  for (const ns of adj.values()) {
    const list = [...ns];
    const d = list.length;
    if (d < 2) continue;
    let t = 0;
    for (let i = 0; i < d; i++)
      for (let j = i + 1; j < d; j++) if (adj.get(list[i] as string)?.has(list[j] as string)) t++;
    sum += (2 * t) / (d * (d - 1));
  }
  return sum / adj.size;
}

/** Undirected tie density among `members`. */
export function density(undirected: Set<string>, members: readonly string[]): number {
  let e = 0;
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++)
      if (undirected.has(ukey(members[i] as string, members[j] as string))) e++;
  }
  const pairs = (members.length * (members.length - 1)) / 2;
  return pairs === 0 ? 0 : e / pairs;
}

/** z of the members' density against `samples` random same-size sets of `people` (seeded). */
export function densityZ(figures: OrgFigures, members: readonly string[], seed: number, samples = 200): number {
  const rng = createRng(seed);
  const values: number[] = [];
  for (let s = 0; s < samples; s++) {
    const set = new Set<string>();
    while (set.size < members.length) set.add(figures.people[Math.floor(rng() * figures.people.length)] as string);
    values.push(density(figures.undirected, [...set]));
  }
  const mean = values.reduce((a, b) => a + b, 0) / samples;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (samples - 1));
  return (density(figures.undirected, members) - mean) / sd;
}

interface Root {
  sender: string;
  addressees: string[];
  channel: string | undefined;
  kind: Message['kind'];
  firstReplyDone: boolean;
}

/** One pass over the simulated log. */
export function measure(org: SimulatedOrganization): OrgFigures {
  const groups = org.truth.groups;
  const members = groups.map((g) => new Set(g.members));
  const experts = groups.map((g) => new Set(g.experts));
  const byChannel = new Map<string, number>();
  groups.forEach((g, i) => {
    if (g.channel) byChannel.set(g.channel, i);
  });
  const author = new Map<string, string>();
  const roots = new Map<string, Root>();
  const ties = groups.map(() => new Set<string>());
  const help = groups.map(() => new Set<string>());
  const answers = groups.map(() => new Map<string, number>());
  const activity = groups.map(() => new Map<string, number[]>());
  const firstAnswers = groups.map(() => ({ all: 0, experts: 0 }));
  const undirected = new Set<string>();
  let messages = 0;
  for (const m of org) {
    messages++;
    author.set(m.id, m.sender);
    const mass = m.recipients.length + m.cc.length > MASS_MAIL;
    const targets = mass ? [...m.mentions] : [...m.recipients, ...m.cc, ...m.mentions];
    const parent = m.replyTo === undefined ? undefined : author.get(m.replyTo);
    if (parent !== undefined) targets.push(parent);
    for (const t of targets) if (t !== m.sender) undirected.add(ukey(m.sender, t));
    const channelGroup = m.channel === undefined ? undefined : byChannel.get(m.channel);
    groups.forEach((g, i) => {
      const set = members[i] as Set<string>;
      if (g.scope === 'channel' ? channelGroup !== i : !set.has(m.sender)) return;
      for (const t of targets)
        if (t !== m.sender && (g.scope === 'channel' || set.has(t))) ties[i]?.add(key(m.sender, t));
    });
    if (m.replyTo === undefined) {
      roots.set(m.id, {
        sender: m.sender,
        addressees: [...m.recipients, ...m.cc],
        channel: m.channel,
        kind: m.kind,
        firstReplyDone: false,
      });
    }
    const root = roots.get(m.threadId ?? m.id);
    if (!root) continue;
    groups.forEach((g, i) => {
      const set = members[i] as Set<string>;
      const inGroup =
        g.scope === 'channel'
          ? root.channel === g.channel
          : set.has(root.sender) && root.addressees.length > 0 && root.addressees.every((a) => set.has(a));
      if (!inGroup) return;
      const times = activity[i]?.get(m.sender) ?? [];
      times.push(m.timestamp as number);
      activity[i]?.set(m.sender, times);
      if (m.replyTo === undefined || m.sender === root.sender) return;
      if (g.scope === 'people' && !set.has(m.sender)) return;
      answers[i]?.set(m.sender, (answers[i]?.get(m.sender) ?? 0) + 1);
      help[i]?.add(key(m.sender, root.sender));
      if (m.replyTo === m.threadId && root.kind === 'question' && !root.firstReplyDone) {
        const f = firstAnswers[i] as { all: number; experts: number };
        f.all++;
        if (experts[i]?.has(m.sender)) f.experts++;
      }
    });
    if (m.replyTo === m.threadId && m.sender !== root.sender) root.firstReplyDone = true;
  }
  const figures = groups.map((group, i): GroupFigures => {
    const counts = [...(answers[i] as Map<string, number>).values()].sort((a, b) => b - a);
    const total = counts.reduce((a, b) => a + b, 0);
    const f = firstAnswers[i] as { all: number; experts: number };
    return {
      group,
      ties: ties[i] as Set<string>,
      tieReciprocity: reciprocity(ties[i] as Set<string>),
      help: help[i] as Set<string>,
      helpReciprocity: reciprocity(help[i] as Set<string>),
      clustering: averageClustering(ties[i] as Set<string>),
      answers: answers[i] as Map<string, number>,
      top2Share: total === 0 ? 0 : ((counts[0] ?? 0) + (counts[1] ?? 0)) / total,
      expertFirstAnswerShare: f.all === 0 ? 0 : f.experts / f.all,
      activity: activity[i] as Map<string, number[]>,
    };
  });
  return { groups: figures, undirected, people: org.people.map((p) => p.id), messages };
}

/** Mean of the values of `figures` for groups of one kind. */
export function meanOf(figures: GroupFigures[], kind: string, pick: (f: GroupFigures) => number): number {
  const values = figures.filter((f) => f.group.kind === kind).map(pick);
  return values.reduce((a, b) => a + b, 0) / values.length;
}
