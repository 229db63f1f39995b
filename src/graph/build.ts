/**
 * The interaction graph: a directed graph of people whose ties aggregate every message between them.
 *
 * Edge rules (each message is read once; `w_k` are the `weights` option, `c` the message's own `weight`,
 * default 1):
 * - **to / cc / bcc**: sender → each distinct recipient. A person listed under several headers counts once,
 *   under the strongest (to > cc > bcc). Contribution `w_k · c / n` where `n` is the number of distinct
 *   recipients other than the sender when `splitBroadcasts` is on (default), else `w_k · c`. A message
 *   with more than `maxRecipients` recipients is mass mail and excluded (counted).
 * - **reply**: sender → author of the message named by `replyTo`, `w_reply · c` (a strong tie: a direct
 *   response). Resolved through a bounded index of recent message ids; replies that arrive before their
 *   parent are resolved at the end; the rest are counted as unresolved.
 * - **mention**: sender → each mentioned person, `w_mention · c`.
 * - Self-ties are dropped and counted; a message whose every tie is a self-tie is a self-message: it adds
 *   its sender as a person but no tie.
 *
 * Each tie carries `weight` (strength: more and more direct messages = closer), `distance` = 1/weight
 * (for shortest paths: betweenness and closeness must read `distance`, never `weight`), counts per kind
 * (`to`, `cc`, `bcc`, `reply`, `mention`: messages contributing that kind) and `first`/`last` timestamps.
 * Each person carries `sent`, `received`, `firstSeen`, `lastSeen` and any roster attributes.
 *
 * Memory grows with people and ties (typed arrays keyed by integer ids; the graphology graph is built once
 * at the end) plus a bounded reply index, never with the number of messages.
 *
 * Accounting (graph attribute `stats`): `messages = used + Σ dropped`, where a message is *used* when it
 * adds at least one tie.
 *
 * @module
 */

import { DirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { type Duration, type Instant, parseDuration, parseInstant } from '../duration.js';
import { OptionError } from '../errors.js';
import { BoundedIdMap, DEFAULT_REPLY_INDEX_CAPACITY } from '../log/id-map.js';
import type { Message } from '../log/message.js';
import { forEachMessage, type ReadStats } from '../log/message-log.js';
import { optionChecker } from '../options.js';
import { GraphAccumulator, KINDS, MessageMarks, PersonIndex } from './accumulate.js';
import type { Roster } from './roster.js';

const MODULE = 'graph/build';
const check = optionChecker(MODULE);

/** Kinds of tie contribution. */
export type TieKind = 'to' | 'cc' | 'bcc' | 'reply' | 'mention';

/** The kinds of {@link TieKind}, in a fixed order. */
export const TIE_KINDS: readonly TieKind[] = Object.freeze(['to', 'cc', 'bcc', 'reply', 'mention']);

/** Attributes of a person (node). Roster attributes are added as further string attributes. */
export interface PersonAttributes {
  /** Messages sent (that entered the graph). */
  sent: number;
  /** Messages in which this person received a tie. */
  received: number;
  firstSeen?: number;
  lastSeen?: number;
  [rosterAttribute: string]: string | number | undefined;
}

/** Attributes of a directed tie (edge). */
export interface TieAttributes {
  /** Strength: Σ of the weighted contributions. Louvain, PageRank and modularity read this. */
  weight: number;
  /** 1 / weight. Betweenness, closeness and other shortest-path measures read this. */
  distance: number;
  /** Messages contributing to this tie, all kinds. */
  count: number;
  to: number;
  cc: number;
  bcc: number;
  reply: number;
  mention: number;
  first?: number;
  last?: number;
}

/** How the messages of a build were used. `messages = used + Σ dropped`. */
export interface BuildStats {
  messages: number;
  used: number;
  dropped: {
    /** Every tie was a self-tie (the sender still becomes a person). */
    self: number;
    /** More than `maxRecipients` recipients. */
    massMail: number;
    /** Outside `from`/`to`. */
    outOfRange: number;
    /** No timestamp while a time range (`from`/`to`) was asked for. */
    untimed: number;
    /** Sender in `exclude`. */
    excludedSender: number;
    /** No recipient, reply or mention (e.g. a channel post nobody was addressed in). */
    noTies: number;
    /** Only tie was a reply whose parent was never seen. */
    unresolvedReply: number;
  };
  /** Self-ties dropped from messages that had other ties (or from self-messages). */
  selfTies: number;
  /** Ties to excluded people dropped. */
  excludedTies: number;
  /** Replies whose parent was never seen (whatever else the message did). */
  unresolvedReplies: number;
  /** Message ids forgotten by the bounded reply index. */
  replyIndexEvicted: number;
  /** Messages in the whole-period graph but in no window graph, for lack of a timestamp (windows only). */
  notWindowed: number;
  people: number;
  ties: number;
  /** Ties removed by `minWeight`. */
  tiesBelowMinWeight: number;
  /** Roster people with no message in the graph (added as isolated nodes only with `includeRosterOnly`). */
  rosterOnly: number;
  /** People in the graph absent from the roster. */
  notInRoster: number;
}

/** Graph-level attributes: provenance and accounting. */
export interface InteractionGraphAttributes {
  method: 'interaction-graph';
  params: ResolvedBuildParams;
  stats: BuildStats;
  /** Reader accounting, when the messages came from a reader. */
  read?: ReadStats;
  /** Earliest and latest timestamps of the messages used. */
  from?: number;
  to?: number;
  /** Window bounds, for graphs of one time window. */
  window?: { index: number; start: number; end: number };
  [key: string]: unknown;
}

/** The interaction graph: graphology directed graph with typed attributes. */
export type InteractionGraph = AbstractGraph<PersonAttributes, TieAttributes, InteractionGraphAttributes>;

/** Options of {@link buildInteractionGraph}. */
export interface BuildOptions {
  /** Weight per kind of contribution. Default `{ to: 1, cc: 0.5, bcc: 0.5, reply: 2, mention: 1 }`. */
  weights?: Partial<Record<TieKind, number>>;
  /** Divide a message's recipient weight by its number of recipients. Default `true`. */
  splitBroadcasts?: boolean;
  /** Messages with more recipients are mass mail and excluded. Default 50. */
  maxRecipients?: number;
  /** Keep messages at or after this instant. */
  from?: Instant;
  /** Keep messages before this instant. */
  to?: Instant;
  /** Drop ties weaker than this after aggregation. Default 0 (keep all). */
  minWeight?: number;
  /** People left out of the graph (bots, list addresses). */
  exclude?: Iterable<string>;
  /** Attributes joined onto people. */
  roster?: Roster;
  /** Add roster people who sent and received nothing, as isolated nodes. Default `false`. */
  includeRosterOnly?: boolean;
  /** Most recent message ids kept to resolve replies. Default 2,000,000. */
  replyIndexCapacity?: number;
}

/** Defaults of {@link BuildOptions}. */
export const BUILD_DEFAULTS = Object.freeze({
  weights: Object.freeze({ to: 1, cc: 0.5, bcc: 0.5, reply: 2, mention: 1 }) as Readonly<Record<TieKind, number>>,
  splitBroadcasts: true,
  maxRecipients: 50,
  minWeight: 0,
  includeRosterOnly: false,
  replyIndexCapacity: DEFAULT_REPLY_INDEX_CAPACITY,
});

/** Options as resolved and recorded on the graph (serialisable). */
export interface ResolvedBuildParams {
  weights: Record<TieKind, number>;
  splitBroadcasts: boolean;
  maxRecipients: number;
  from?: number;
  to?: number;
  minWeight: number;
  exclude: string[];
  roster?: { source: string; people: number; attributes: string[] };
  includeRosterOnly: boolean;
  replyIndexCapacity: number;
  window?: number;
  origin?: number;
}

/** Resolves and validates build options. */
export function resolveBuildOptions(options: BuildOptions = {}): ResolvedBuildParams {
  const weights = { ...BUILD_DEFAULTS.weights };
  for (const [k, v] of Object.entries(options.weights ?? {})) {
    if (!TIE_KINDS.includes(k as TieKind)) check.fail(`weights.${k}`, `one of ${TIE_KINDS.join(', ')}`, k);
    weights[k as TieKind] = check.nonNegative(`weights.${k}`, v);
  }
  const params: ResolvedBuildParams = {
    weights,
    splitBroadcasts: options.splitBroadcasts ?? BUILD_DEFAULTS.splitBroadcasts,
    maxRecipients: check.positiveInt('maxRecipients', options.maxRecipients ?? BUILD_DEFAULTS.maxRecipients),
    minWeight: check.nonNegative('minWeight', options.minWeight ?? BUILD_DEFAULTS.minWeight),
    exclude: [...new Set(options.exclude ?? [])].sort(),
    includeRosterOnly: options.includeRosterOnly ?? BUILD_DEFAULTS.includeRosterOnly,
    replyIndexCapacity: check.positiveInt(
      'replyIndexCapacity',
      options.replyIndexCapacity ?? BUILD_DEFAULTS.replyIndexCapacity,
    ),
  };
  if (options.from !== undefined) params.from = parseInstant(options.from, 'from', MODULE);
  if (options.to !== undefined) params.to = parseInstant(options.to, 'to', MODULE);
  if (params.from !== undefined && params.to !== undefined && params.from >= params.to) {
    throw new OptionError('`from` must be before `to`', {
      module: MODULE,
      got: { from: options.from, to: options.to },
    });
  }
  if (options.roster) {
    params.roster = {
      source: options.roster.stats.source,
      people: options.roster.people.size,
      attributes: options.roster.attributes,
    };
  }
  return params;
}

const KIND_INDEX: Record<TieKind, number> = { to: 0, cc: 1, bcc: 2, reply: 3, mention: 4 };

interface PendingReply {
  sender: number;
  parent: string;
  weight: number;
  time: number;
  window: number | undefined;
  /** Whether the message added other ties (then it is already counted as used). */
  used: boolean;
  /** People who already counted this message as received. */
  touched: number[];
}

/**
 * A window's ties as typed arrays, in the order the window's graph holds them: tie e goes from
 * `people[src[e]]` to `people[dst[e]]` with strength `weight[e]` and `count[e]` messages (ties below
 * `minWeight` left out, as in the graph).
 */
export interface WindowTies {
  people: readonly string[];
  src: Int32Array;
  dst: Int32Array;
  weight: Float64Array;
  count: Float64Array;
}

/** One window's graph. */
export interface WindowGraph {
  /** Window number: floor((t − origin) / window). */
  index: number;
  /** Window start (inclusive) and end (exclusive), UTC ms. */
  start: number;
  end: number;
  /**
   * The window's interaction graph. The builder materialises it on first access: the analyses read
   * {@link WindowGraph.ties} instead, so that a log's windows do not hold a graphology graph each.
   */
  readonly graph: InteractionGraph;
  /** The window's ties without materialising its graph (given by the builder; absent on hand-made windows). */
  ties?: () => WindowTies;
}

/** Options of {@link InteractionGraphBuilder} with windows. */
export interface WindowOptions {
  /** Window length (`'30d'`, `'1w'`, ms). When set, one graph per window is built as well. */
  window?: Duration;
  /** Instant windows are aligned to. Default 1970-01-05T00:00Z, a Monday, so weeks start on Mondays. */
  origin?: Instant;
}

/** Default window origin: Monday 1970-01-05 00:00 UTC. */
export const DEFAULT_WINDOW_ORIGIN = 4 * 86_400_000;

/**
 * Streaming builder of the interaction graph (and optional window graphs): `add` every message once,
 * then `finish`. {@link buildInteractionGraph} and the one-pass `ingest` are built on it.
 */
export class InteractionGraphBuilder {
  readonly params: ResolvedBuildParams;
  private readonly people = new PersonIndex();
  private readonly whole = new GraphAccumulator();
  private readonly windows = new Map<number, GraphAccumulator>();
  private readonly replyIndex: BoundedIdMap;
  private readonly excluded: Set<string>;
  private readonly pending: PendingReply[] = [];
  private readonly roster: Roster | undefined;
  private readonly windowMs: number | undefined;
  private readonly origin: number;
  private readonly marks = new MessageMarks();
  private readonly recipientMarks = new MessageMarks();
  // scratch lists of one message's recipients and their kinds
  private rcpt: number[] = [];
  private rcptKind: number[] = [];
  private finished = false;
  readonly stats: BuildStats = {
    messages: 0,
    used: 0,
    dropped: { self: 0, massMail: 0, outOfRange: 0, untimed: 0, excludedSender: 0, noTies: 0, unresolvedReply: 0 },
    selfTies: 0,
    excludedTies: 0,
    unresolvedReplies: 0,
    replyIndexEvicted: 0,
    notWindowed: 0,
    people: 0,
    ties: 0,
    tiesBelowMinWeight: 0,
    rosterOnly: 0,
    notInRoster: 0,
  };

  constructor(options: BuildOptions & WindowOptions = {}) {
    this.params = resolveBuildOptions(options);
    this.replyIndex = new BoundedIdMap(this.params.replyIndexCapacity);
    this.excluded = new Set(this.params.exclude);
    this.roster = options.roster;
    if (options.window !== undefined) {
      this.windowMs = parseDuration(options.window, 'window', MODULE);
      this.origin =
        options.origin !== undefined ? parseInstant(options.origin, 'origin', MODULE) : DEFAULT_WINDOW_ORIGIN;
      this.params.window = this.windowMs;
      this.params.origin = this.origin;
    } else {
      this.origin = DEFAULT_WINDOW_ORIGIN;
    }
  }

  private windowKey(time: number): number | undefined {
    if (this.windowMs === undefined || Number.isNaN(time)) return undefined;
    return Math.floor((time - this.origin) / this.windowMs);
  }

  private windowAt(key: number | undefined): GraphAccumulator | undefined {
    if (key === undefined) return undefined;
    let acc = this.windows.get(key);
    if (!acc) {
      acc = new GraphAccumulator();
      this.windows.set(key, acc);
    }
    return acc;
  }

  /** Adds a recipient of the current message under the strongest header seen (0 to, 1 cc, 2 bcc). */
  private addRecipient(id: string, kind: number, sender: string): void {
    if (id === sender) return;
    const p = this.people.get(id);
    if (this.recipientMarks.stamp(p)) {
      this.rcpt.push(p);
      this.rcptKind.push(kind);
    }
  }

  /** Adds one message. */
  add(m: Message): void {
    if (this.finished) throw new OptionError('the builder is finished; create a new one', { module: MODULE });
    const stats = this.stats;
    stats.messages++;
    const p = this.params;
    const time = m.timestamp ?? Number.NaN;
    const sender = m.sender;
    const s = this.people.get(sender);
    this.replyIndex.set(m.id, s);
    if (this.excluded.has(sender)) {
      stats.dropped.excludedSender++;
      return;
    }
    if (p.from !== undefined || p.to !== undefined) {
      if (Number.isNaN(time)) {
        stats.dropped.untimed++;
        return;
      }
      if ((p.from !== undefined && time < p.from) || (p.to !== undefined && time >= p.to)) {
        stats.dropped.outOfRange++;
        return;
      }
    }
    // distinct recipients under their strongest header (lists are visited strongest first)
    this.recipientMarks.next();
    this.rcpt.length = 0;
    this.rcptKind.length = 0;
    for (const r of m.recipients) this.addRecipient(r, 0, sender);
    for (const r of m.cc) this.addRecipient(r, 1, sender);
    if (m.bcc) for (const r of m.bcc) this.addRecipient(r, 2, sender);
    const n = this.rcpt.length;
    if (n > p.maxRecipients) {
      stats.dropped.massMail++;
      return;
    }
    const c = m.weight ?? 1;
    const winKey = this.windowKey(time);
    const win = this.windowAt(winKey);
    if (this.windowMs !== undefined && winKey === undefined) stats.notWindowed++;
    this.whole.activity.send(s, time);
    win?.activity.send(s, time);

    const marks = this.marks;
    marks.next();
    let ties = 0;
    let selfTies = 0;
    const weights = p.weights;
    const kindWeight = [weights.to, weights.cc, weights.bcc];
    const share = p.splitBroadcasts && n > 0 ? 1 / n : 1;
    for (let i = 0; i < n; i++) {
      const d = this.rcpt[i] as number;
      if (this.excluded.has(this.people.ids[d] as string)) {
        stats.excludedTies++;
        continue;
      }
      const kind = this.rcptKind[i] as number;
      this.tie(s, d, kind, (kindWeight[kind] as number) * c * share, time, win);
      ties++;
    }
    if (m.recipients.includes(sender) || m.cc.includes(sender) || (m.bcc?.includes(sender) ?? false)) selfTies++;
    if (m.mentions.length > 0) {
      this.recipientMarks.next();
      for (const r of m.mentions) {
        if (r === sender) {
          selfTies++;
          continue;
        }
        if (this.excluded.has(r)) {
          stats.excludedTies++;
          continue;
        }
        const d = this.people.get(r);
        if (!this.recipientMarks.stamp(d)) continue;
        this.tie(s, d, KIND_INDEX.mention, weights.mention * c, time, win);
        ties++;
      }
    }
    let awaitingReply = false;
    if (m.replyTo !== undefined) {
      const parent = this.replyIndex.get(m.replyTo);
      if (parent === s) selfTies++;
      else if (parent === undefined) {
        // the parent may come later in the log: resolve at the end
        awaitingReply = true;
        const touched: number[] = [];
        for (let i = 0; i < n; i++) touched.push(this.rcpt[i] as number);
        this.pending.push({
          sender: s,
          parent: m.replyTo,
          weight: weights.reply * c,
          time,
          window: winKey,
          used: ties > 0,
          touched,
        });
      } else if (this.excluded.has(this.people.ids[parent] as string)) {
        stats.excludedTies++;
      } else {
        this.tie(s, parent, KIND_INDEX.reply, weights.reply * c, time, win);
        ties++;
      }
    }
    stats.selfTies += selfTies;
    if (ties > 0) stats.used++;
    else if (awaitingReply) {
      // classified when the reply resolves (or does not)
    } else if (selfTies > 0) stats.dropped.self++;
    else stats.dropped.noTies++;
  }

  /** Adds a contribution and counts the receiver once per message. */
  private tie(s: number, d: number, kind: number, w: number, time: number, win: GraphAccumulator | undefined): void {
    this.whole.ties.add(s, d, kind, w, time);
    win?.ties.add(s, d, kind, w, time);
    if (this.marks.stamp(d)) {
      this.whole.activity.receive(d, time);
      win?.activity.receive(d, time);
    }
  }

  private resolvePending(): void {
    for (const r of this.pending) {
      const parent = this.replyIndex.get(r.parent);
      const win = this.windowAt(r.window);
      if (parent === undefined) {
        this.stats.unresolvedReplies++;
        if (!r.used) this.stats.dropped.unresolvedReply++;
        continue;
      }
      if (parent === r.sender) {
        this.stats.selfTies++;
        if (!r.used) this.stats.dropped.self++;
        continue;
      }
      if (this.excluded.has(this.people.ids[parent] as string)) {
        this.stats.excludedTies++;
        if (!r.used) this.stats.dropped.noTies++;
        continue;
      }
      this.marks.next();
      for (const t of r.touched) this.marks.stamp(t);
      this.tie(r.sender, parent, KIND_INDEX.reply, r.weight, r.time, win);
      if (!r.used) this.stats.used++;
    }
    this.pending.length = 0;
  }

  private toGraph(acc: GraphAccumulator): InteractionGraph {
    const graph = new DirectedGraph<PersonAttributes, TieAttributes, InteractionGraphAttributes>();
    const rosterPeople = this.roster?.people;
    const below = fillGraph(graph, acc, this.people.ids, rosterPeople, this.params.minWeight);
    const act = acc.activity;
    const graphAttrs: InteractionGraphAttributes = {
      method: 'interaction-graph',
      params: this.params,
      stats: this.stats,
      ...(!Number.isNaN(act.from) ? { from: act.from, to: act.to } : {}),
    };
    this.stats.tiesBelowMinWeight = below;
    if (rosterPeople) {
      let notInRoster = 0;
      graph.forEachNode((id) => {
        if (!rosterPeople.has(id)) notInRoster++;
      });
      let rosterOnly = 0;
      for (const [id, extra] of rosterPeople) {
        if (graph.hasNode(id)) continue;
        rosterOnly++;
        if (this.params.includeRosterOnly) graph.addNode(id, { sent: 0, received: 0, ...extra });
      }
      this.stats.rosterOnly = rosterOnly;
      this.stats.notInRoster = notInRoster;
    }
    this.stats.people = graph.order;
    this.stats.ties = graph.size;
    this.stats.replyIndexEvicted = this.replyIndex.evicted;
    graphAttrs.stats = { ...this.stats, dropped: { ...this.stats.dropped } };
    graph.replaceAttributes(graphAttrs);
    return graph;
  }

  /** Resolves pending replies and builds the graph(s). Call once. */
  finish(): { graph: InteractionGraph; windows: WindowGraph[] } {
    if (this.finished) throw new OptionError('`finish` was already called', { module: MODULE });
    this.finished = true;
    this.resolvePending();
    const graph = this.toGraph(this.whole);
    const windows: WindowGraph[] = [];
    if (this.windowMs !== undefined) {
      const keys = [...this.windows.keys()].sort((a, b) => a - b);
      // what a window's graph is made of, without the builder (its reply index is not kept alive)
      const source: WindowSource = {
        ids: this.people.ids,
        rosterPeople: this.roster?.people,
        params: this.params,
        stats: { ...this.stats, dropped: { ...this.stats.dropped } },
      };
      for (const index of keys) {
        const start = this.origin + index * this.windowMs;
        windows.push(
          lazyWindow(source, this.windows.get(index) as GraphAccumulator, { index, start, end: start + this.windowMs }),
        );
      }
    }
    return { graph, windows };
  }
}

/** What the graph of a window is built from, once the builder has finished. */
interface WindowSource {
  ids: readonly string[];
  rosterPeople: ReadonlyMap<string, Record<string, unknown>> | undefined;
  params: ResolvedBuildParams;
  /** The builder's stats at `finish` (copied). */
  stats: BuildStats;
}

/**
 * Adds an accumulator's people (in order of their index) and ties (in the tie table's order, those below
 * `minWeight` left out) to `graph`; returns how many ties were left out.
 */
function fillGraph(
  graph: InteractionGraph,
  acc: GraphAccumulator,
  ids: readonly string[],
  rosterPeople: ReadonlyMap<string, Record<string, unknown>> | undefined,
  minWeight: number,
): number {
  const act = acc.activity;
  const order = [...act.order].sort((a, b) => a - b);
  for (const i of order) {
    const attrs: PersonAttributes = { sent: act.sent[i] as number, received: act.received[i] as number };
    const f = act.firstSeen[i] as number;
    if (!Number.isNaN(f)) {
      attrs.firstSeen = f;
      attrs.lastSeen = act.lastSeen[i] as number;
    }
    const extra = rosterPeople?.get(ids[i] as string);
    if (extra) Object.assign(attrs, extra);
    graph.addNode(ids[i] as string, attrs);
  }
  const t = acc.ties;
  const c = t.counts;
  let below = 0;
  for (let e = 0; e < t.size; e++) {
    const w = t.weight[e] as number;
    if (w < minWeight || w <= 0) {
      below++;
      continue;
    }
    const k = e * KINDS;
    const attrs: TieAttributes = {
      weight: w,
      distance: 1 / w,
      count:
        (c[k] as number) + (c[k + 1] as number) + (c[k + 2] as number) + (c[k + 3] as number) + (c[k + 4] as number),
      to: c[k] as number,
      cc: c[k + 1] as number,
      bcc: c[k + 2] as number,
      reply: c[k + 3] as number,
      mention: c[k + 4] as number,
    };
    const first = t.first[e] as number;
    if (!Number.isNaN(first)) {
      attrs.first = first;
      attrs.last = t.last[e] as number;
    }
    graph.addEdge(ids[t.src[e] as number] as string, ids[t.dst[e] as number] as string, attrs);
  }
  return below;
}

/** A window whose graph is materialised on first access, and whose ties can be read without it. */
function lazyWindow(
  source: WindowSource,
  acc: GraphAccumulator,
  bounds: { index: number; start: number; end: number },
): WindowGraph {
  let graph: InteractionGraph | undefined;
  const materialise = (): InteractionGraph => {
    const g = new DirectedGraph<PersonAttributes, TieAttributes, InteractionGraphAttributes>();
    fillGraph(g, acc, source.ids, source.rosterPeople, source.params.minWeight);
    const act = acc.activity;
    g.replaceAttributes({
      method: 'interaction-graph',
      params: source.params,
      stats: { ...source.stats, dropped: { ...source.stats.dropped }, people: g.order, ties: g.size },
      ...(!Number.isNaN(act.from) ? { from: act.from, to: act.to } : {}),
      window: bounds,
    });
    return g;
  };
  const ties = (): WindowTies => {
    const t = acc.ties;
    const c = t.counts;
    const minWeight = source.params.minWeight;
    let kept = 0;
    for (let e = 0; e < t.size; e++) {
      const w = t.weight[e] as number;
      if (!(w < minWeight || w <= 0)) kept++;
    }
    const out: WindowTies = {
      people: source.ids,
      src: new Int32Array(kept),
      dst: new Int32Array(kept),
      weight: new Float64Array(kept),
      count: new Float64Array(kept),
    };
    let j = 0;
    for (let e = 0; e < t.size; e++) {
      const w = t.weight[e] as number;
      if (w < minWeight || w <= 0) continue;
      const k = e * KINDS;
      out.src[j] = t.src[e] as number;
      out.dst[j] = t.dst[e] as number;
      out.weight[j] = w;
      out.count[j] =
        (c[k] as number) + (c[k + 1] as number) + (c[k + 2] as number) + (c[k + 3] as number) + (c[k + 4] as number);
      j++;
    }
    return out;
  };
  return Object.defineProperty({ ...bounds, ties } as WindowGraph, 'graph', {
    enumerable: true,
    get: () => {
      graph ??= materialise();
      return graph;
    },
  });
}

/** Reader stats of a message source, when it is a `MessageLog`. */
function readStatsOf(messages: unknown): ReadStats | undefined {
  const stats = (messages as { stats?: ReadStats }).stats;
  return stats && typeof stats.read === 'number' ? stats : undefined;
}

/**
 * Builds the interaction graph from a stream of messages, consuming it once.
 *
 * @param messages - any (async) iterable of messages, e.g. a reader's `MessageLog`
 * @returns a graphology `DirectedGraph` whose attributes hold `method`, `params`, `stats` (and the reader's
 *   `read` accounting when `messages` is a `MessageLog`)
 * @throws OptionError for invalid options
 * @example
 * const graph = await buildInteractionGraph(readCsv('fixtures/sample-org/messages.csv'));
 * graph.getEdgeAttribute('ada@x.org', 'bob@x.org', 'weight');
 */
export async function buildInteractionGraph(
  messages: AsyncIterable<Message> | Iterable<Message>,
  options: BuildOptions = {},
): Promise<InteractionGraph> {
  const builder = new InteractionGraphBuilder(options);
  await forEachMessage(messages, (m) => builder.add(m));
  const { graph } = builder.finish();
  const read = readStatsOf(messages);
  if (read) graph.setAttribute('read', read);
  return graph;
}

/**
 * Builds one interaction graph per time window (and the whole-period graph) in one pass.
 * Messages without a timestamp cannot be placed and are counted in `stats.dropped.untimed`.
 *
 * @example
 * const { windows } = await buildWindowGraphs(log, { window: '30d' });
 */
export async function buildWindowGraphs(
  messages: AsyncIterable<Message> | Iterable<Message>,
  options: BuildOptions & WindowOptions & { window: Duration },
): Promise<{ graph: InteractionGraph; windows: WindowGraph[] }> {
  const builder = new InteractionGraphBuilder(options);
  await forEachMessage(messages, (m) => builder.add(m));
  const result = builder.finish();
  const read = readStatsOf(messages);
  if (read) result.graph.setAttribute('read', read);
  return result;
}
