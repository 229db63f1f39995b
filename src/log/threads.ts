/**
 * Thread summaries: who started each conversation, who replied, how deep it went — and, per person, how
 * many questions they asked and answers they gave. The expertise and community-of-practice analyses read
 * these summaries, never the messages.
 *
 * Thread membership:
 * - a message with `threadId` belongs to that thread. Its root is the message whose id equals the thread id
 *   (Slack `thread_ts`, a Stack Exchange question, the first id of an e-mail's References); when no
 *   message has that id, the earliest message without `replyTo` (by timestamp, then log order);
 * - otherwise a message with `replyTo` belongs to its parent's thread (looked up in a bounded index of
 *   recent ids; replies that arrive before their parent are resolved at the end);
 * - otherwise the message starts a thread of its own (id = its message id).
 *
 * Definitions (Zhang, Ackerman & Adamic 2007; Welser et al. 2007):
 * - an **answer** is a reply by someone other than the thread's root author; the replier "answers" the
 *   root author (the asker);
 * - a **question** is a thread a person started that received at least one answer;
 * - depth: root 0, a reply to the root 1, a reply to that reply 2, ... (messages placed by `threadId`
 *   without `replyTo` have depth 1).
 * The same definitions serve e-mail reply chains, forum/Q&A threads and chat threads; for chat without
 * explicit links the quality depends on the reply inference of the reader.
 *
 * Memory grows with the number of threads and the distinct authors in each, not with message text: while
 * the log is read, a thread is a row of typed-array columns and its authors integers in shared pools.
 *
 * @module
 */

import { type Instant, parseInstant } from '../duration.js';
import { OptionError } from '../errors.js';
import { grow, ownString, PersonIndex, StringPool } from './columns.js';
import { BoundedIdMap, DEFAULT_REPLY_INDEX_CAPACITY } from './id-map.js';
import { MESSAGE_KINDS, type Message, type MessageKind } from './message.js';
import { forEachMessage } from './message-log.js';

/** One replier of a thread. */
export interface ThreadReplier {
  person: string;
  /** Replies this person posted in the thread. */
  replies: number;
}

/** The summary of one thread. */
export interface ThreadSummary {
  id: string;
  channel?: string;
  /** Subject/title of the root message (or of the first message that had one). */
  subject?: string;
  tags?: string[];
  /** Author of the root message; absent when the root is not in the log. */
  root?: string;
  /** Kind of the root message, when known. */
  rootKind?: MessageKind;
  /** Earliest and latest timestamps in the thread. */
  start?: number;
  end?: number;
  /** Messages in the thread, root included. */
  messages: number;
  /** Messages other than the root. */
  replies: number;
  /** Other people's replies (answers), by replier, in order of first reply. */
  repliers: ThreadReplier[];
  /** Replies by the root author to their own thread. */
  selfReplies: number;
  /** Distinct authors, root author included. */
  participants: number;
  /** Longest reply chain below the root. */
  depth: number;
  /** Messages per kind, when kinds are known. */
  kinds: Record<MessageKind, number>;
}

/** Per-person thread figures. */
export interface PersonThreadStats {
  person: string;
  /** Threads this person started. */
  started: number;
  /** Threads this person started that got at least one answer from someone else. */
  questions: number;
  /** Replies in threads started by someone else. */
  answers: number;
  /** Distinct threads (started by others) this person answered in. */
  threadsAnswered: number;
}

/** Options of {@link summarizeThreads}. */
export interface ThreadOptions {
  /** People whose messages are left out (bots, list addresses); counted in `stats.excluded`. */
  exclude?: Iterable<string>;
  /** Most recent message ids kept to resolve `replyTo`. Default 2,000,000. */
  replyIndexCapacity?: number;
  /** Keep messages at or after this instant (messages without a timestamp are then left out, counted). */
  from?: Instant;
  /** Keep messages before this instant. */
  to?: Instant;
}

/** Result of {@link summarizeThreads}. */
export interface ThreadSummaries {
  method: 'thread-summaries';
  threads: ThreadSummary[];
  /** Per person, sorted by id. */
  people: PersonThreadStats[];
  stats: {
    /** Messages consumed. */
    messages: number;
    /** Messages left out because their sender is excluded. */
    excluded: number;
    /** Messages outside `from`/`to`, or without a timestamp when a range is set. */
    outOfRange: number;
    /** Messages placed in threads: `messages = excluded + outOfRange + placed`. */
    placed: number;
    threads: number;
    /** Threads whose root message is not in the log (answers cannot be attributed there). */
    threadsWithoutRoot: number;
    /** Replies whose parent id never appeared (they start an orphan thread keyed by the parent id). */
    unresolvedReplies: number;
  };
}

const zeroKinds = (): Record<MessageKind, number> => ({ question: 0, answer: 0, share: 0, discussion: 0 });
const KIND_COUNT = MESSAGE_KINDS.length;
const KIND_NUMBER: Readonly<Record<MessageKind, number>> = { question: 0, answer: 1, share: 2, discussion: 3 };

/**
 * Streaming accumulator behind {@link summarizeThreads}; feed it with `add` (e.g. in the same pass that
 * builds the graph) and call `finish` once.
 *
 * Threads are numbered in order of first appearance and held in typed-array columns; authors are interned
 * as integers and each thread's authors (with their message counts, in order of first message) form a
 * linked list in shared pools, so a thread costs a few dozen bytes while the log is read, whatever its size.
 */
export class ThreadCollector {
  private readonly index: BoundedIdMap;
  private readonly exclude: Set<string>;
  private pending: Message[] = [];
  private readonly from: number | undefined;
  private readonly to: number | undefined;
  private order = 0;
  private readonly stats = {
    messages: 0,
    excluded: 0,
    outOfRange: 0,
    placed: 0,
    threads: 0,
    threadsWithoutRoot: 0,
    unresolvedReplies: 0,
  };
  private readonly people = new PersonIndex();
  private readonly channels = new PersonIndex();
  private readonly numberOf = new Map<string, number>();
  // one entry per thread, in order of first appearance
  private readonly ids: string[] = [];
  private readonly subjects: (string | undefined)[] = [];
  private readonly subjectPool = new StringPool();
  private readonly tags = new Map<number, Set<string>>();
  private channel = new Int32Array(0);
  private rootAuthor = new Int32Array(0);
  private rootExplicit = new Uint8Array(0);
  private rootTime = new Float64Array(0);
  private rootOrder = new Float64Array(0);
  private rootKind = new Int8Array(0);
  private timed = new Uint8Array(0);
  private start = new Float64Array(0);
  private end = new Float64Array(0);
  private count = new Int32Array(0);
  private depth = new Int32Array(0);
  private kinds = new Int32Array(0);
  private head = new Int32Array(0);
  private tail = new Int32Array(0);
  // authors of every thread: linked lists in shared pools
  private author = new Int32Array(0);
  private authored = new Int32Array(0);
  private next = new Int32Array(0);
  private authorsUsed = 0;

  constructor(options: ThreadOptions = {}) {
    const capacity = options.replyIndexCapacity ?? DEFAULT_REPLY_INDEX_CAPACITY;
    if (!Number.isInteger(capacity) || capacity < 2) {
      throw new OptionError('`replyIndexCapacity` must be an integer ≥ 2', { module: 'log/threads', got: capacity });
    }
    this.index = new BoundedIdMap(capacity);
    this.exclude = new Set(options.exclude ?? []);
    if (options.from !== undefined) this.from = parseInstant(options.from, 'from', 'log/threads');
    if (options.to !== undefined) this.to = parseInstant(options.to, 'to', 'log/threads');
  }

  /** The number of thread `id`, creating the thread if new. */
  private thread(id: string): number {
    let t = this.numberOf.get(id);
    if (t !== undefined) return t;
    t = this.ids.length;
    const own = ownString(id);
    this.numberOf.set(own, t);
    this.ids.push(own);
    this.subjects.push(undefined);
    if (t >= this.channel.length) {
      const n = t + 1;
      this.channel = grow(this.channel, n);
      this.rootAuthor = grow(this.rootAuthor, n);
      this.rootExplicit = grow(this.rootExplicit, n);
      this.rootTime = grow(this.rootTime, n);
      this.rootOrder = grow(this.rootOrder, n);
      this.rootKind = grow(this.rootKind, n);
      this.timed = grow(this.timed, n);
      this.start = grow(this.start, n);
      this.end = grow(this.end, n);
      this.count = grow(this.count, n);
      this.depth = grow(this.depth, n);
      this.kinds = grow(this.kinds, n * KIND_COUNT);
      this.head = grow(this.head, n);
      this.tail = grow(this.tail, n);
    }
    this.channel[t] = -1;
    this.rootAuthor[t] = -1;
    this.rootTime[t] = Number.POSITIVE_INFINITY;
    this.rootOrder[t] = Number.POSITIVE_INFINITY;
    this.rootKind[t] = -1;
    this.head[t] = -1;
    this.tail[t] = -1;
    return t;
  }

  /** Counts one message of `person` in thread `t` (authors kept in order of their first message). */
  private addAuthor(t: number, person: number): void {
    let a = this.head[t] as number;
    while (a >= 0) {
      if (this.author[a] === person) {
        this.authored[a] = (this.authored[a] as number) + 1;
        return;
      }
      a = this.next[a] as number;
    }
    a = this.authorsUsed++;
    if (a >= this.author.length) {
      this.author = grow(this.author, a + 1);
      this.authored = grow(this.authored, a + 1);
      this.next = grow(this.next, a + 1);
    }
    this.author[a] = person;
    this.authored[a] = 1;
    this.next[a] = -1;
    const last = this.tail[t] as number;
    if (last < 0) this.head[t] = a;
    else this.next[last] = a;
    this.tail[t] = a;
  }

  private place(m: Message, threadId: string, depth: number, isRoot: boolean, explicitRoot: boolean): void {
    const t = this.thread(threadId);
    const order = this.order++;
    const sender = this.people.get(m.sender);
    this.count[t] = (this.count[t] as number) + 1;
    this.addAuthor(t, sender);
    if (m.kind) {
      const k = t * KIND_COUNT + KIND_NUMBER[m.kind];
      this.kinds[k] = (this.kinds[k] as number) + 1;
    }
    if (m.channel !== undefined && this.channel[t] === -1) this.channel[t] = this.channels.get(m.channel);
    if (m.tags) {
      let set = this.tags.get(t);
      if (!set) {
        set = new Set();
        this.tags.set(t, set);
      }
      for (const tag of m.tags) set.add(tag);
    }
    if (m.timestamp !== undefined) {
      const time = m.timestamp;
      if (this.timed[t] === 0) {
        this.timed[t] = 1;
        this.start[t] = time;
        this.end[t] = time;
      } else {
        if (time < (this.start[t] as number)) this.start[t] = time;
        if (time > (this.end[t] as number)) this.end[t] = time;
      }
    }
    if (depth > (this.depth[t] as number)) this.depth[t] = depth;
    if (isRoot) {
      const time = m.timestamp ?? Number.POSITIVE_INFINITY;
      const rootExplicit = this.rootExplicit[t] === 1;
      const rootTime = this.rootTime[t] as number;
      const better =
        (explicitRoot && !rootExplicit) ||
        (explicitRoot === rootExplicit &&
          (time < rootTime || (time === rootTime && order < (this.rootOrder[t] as number))));
      if (better) {
        this.rootAuthor[t] = sender;
        this.rootExplicit[t] = explicitRoot ? 1 : 0;
        this.rootTime[t] = time;
        this.rootOrder[t] = order;
        this.rootKind[t] = m.kind ? KIND_NUMBER[m.kind] : -1;
        if (m.subject !== undefined) this.subjects[t] = this.subjectPool.get(m.subject);
      }
    }
    if (this.subjects[t] === undefined && m.subject !== undefined) this.subjects[t] = this.subjectPool.get(m.subject);
    this.index.set(m.id, t * 1024 + Math.min(depth, 1023));
    this.stats.placed++;
  }

  /** Adds one message. */
  add(m: Message): void {
    this.stats.messages++;
    if (this.exclude.has(m.sender)) {
      this.stats.excluded++;
      return;
    }
    if (this.from !== undefined || this.to !== undefined) {
      const t = m.timestamp;
      if (t === undefined || (this.from !== undefined && t < this.from) || (this.to !== undefined && t >= this.to)) {
        this.stats.outOfRange++;
        return;
      }
    }
    if (m.threadId !== undefined) {
      const explicit = m.id === m.threadId;
      const isRoot = explicit || m.replyTo === undefined;
      let depth = isRoot ? 0 : 1;
      if (m.replyTo !== undefined) {
        const parent = this.index.get(m.replyTo);
        if (parent !== undefined) depth = (parent % 1024) + 1;
      }
      // a message placed by thread id that is not the explicit root counts as a reply if the thread
      // already has an explicit root or an earlier candidate; `finish` settles the root
      this.place(m, m.threadId, explicit ? 0 : depth, isRoot, explicit);
      return;
    }
    if (m.replyTo !== undefined) {
      const parent = this.index.get(m.replyTo);
      if (parent === undefined) {
        this.pending.push(m);
        return;
      }
      this.place(m, this.ids[Math.floor(parent / 1024)] as string, (parent % 1024) + 1, false, false);
      return;
    }
    this.place(m, m.id, 0, true, true);
  }

  /** Resolves late replies and returns the summaries. */
  finish(): ThreadSummaries {
    let pending = this.pending;
    this.pending = [];
    for (let progress = true; pending.length > 0 && progress; ) {
      progress = false;
      const next: Message[] = [];
      for (const m of pending) {
        const parent = this.index.get(m.replyTo as string);
        if (parent === undefined) next.push(m);
        else {
          this.place(m, this.ids[Math.floor(parent / 1024)] as string, (parent % 1024) + 1, false, false);
          progress = true;
        }
      }
      pending = next;
    }
    for (const m of pending) {
      this.stats.unresolvedReplies++;
      this.place(m, `orphan:${m.replyTo}`, 1, false, false);
    }

    const names = this.people.ids;
    const channels = this.channels.ids;
    // per person: started, questions, answers, threads answered; listed once they play a part
    const P = names.length;
    const listed = new Uint8Array(P);
    const started = new Int32Array(P);
    const questions = new Int32Array(P);
    const answers = new Int32Array(P);
    const threadsAnswered = new Int32Array(P);
    const threads: ThreadSummary[] = new Array(this.ids.length);
    for (let t = 0; t < this.ids.length; t++) {
      const root = this.rootAuthor[t] as number;
      const repliers: ThreadReplier[] = [];
      let selfReplies = 0;
      let participants = 0;
      for (let a = this.head[t] as number; a >= 0; a = this.next[a] as number) {
        participants++;
        const person = this.author[a] as number;
        const n = this.authored[a] as number;
        if (person === root) selfReplies = n - 1;
        else repliers.push({ person: names[person] as string, replies: n });
      }
      const k = t * KIND_COUNT;
      const kinds = zeroKinds();
      kinds.question = this.kinds[k] as number;
      kinds.answer = this.kinds[k + 1] as number;
      kinds.share = this.kinds[k + 2] as number;
      kinds.discussion = this.kinds[k + 3] as number;
      const count = this.count[t] as number;
      const summary = { id: this.ids[t] as string } as ThreadSummary;
      if (this.channel[t] !== -1) summary.channel = channels[this.channel[t] as number] as string;
      const subject = this.subjects[t];
      if (subject !== undefined) summary.subject = subject;
      const tags = this.tags.get(t);
      if (tags) summary.tags = [...tags].sort();
      if (root >= 0) summary.root = names[root] as string;
      if (this.rootKind[t] !== -1) summary.rootKind = MESSAGE_KINDS[this.rootKind[t] as number] as MessageKind;
      if (this.timed[t] === 1) {
        summary.start = this.start[t] as number;
        summary.end = this.end[t] as number;
      }
      summary.messages = count;
      summary.replies = count - (root >= 0 ? 1 : 0);
      summary.repliers = repliers;
      summary.selfReplies = selfReplies;
      summary.participants = participants;
      summary.depth = this.depth[t] as number;
      summary.kinds = kinds;
      threads[t] = summary;
      if (root < 0) {
        this.stats.threadsWithoutRoot++;
        for (let a = this.head[t] as number; a >= 0; a = this.next[a] as number) listed[this.author[a] as number] = 1;
        continue;
      }
      listed[root] = 1;
      started[root] = (started[root] as number) + 1;
      if (repliers.length > 0) questions[root] = (questions[root] as number) + 1;
      for (let a = this.head[t] as number; a >= 0; a = this.next[a] as number) {
        const person = this.author[a] as number;
        if (person === root) continue;
        listed[person] = 1;
        answers[person] = (answers[person] as number) + (this.authored[a] as number);
        threadsAnswered[person] = (threadsAnswered[person] as number) + 1;
      }
    }
    this.stats.threads = threads.length;
    const people: PersonThreadStats[] = [];
    for (let p = 0; p < P; p++) {
      if (listed[p] === 0) continue;
      people.push({
        person: names[p] as string,
        started: started[p] as number,
        questions: questions[p] as number,
        answers: answers[p] as number,
        threadsAnswered: threadsAnswered[p] as number,
      });
    }
    people.sort((a, b) => (a.person < b.person ? -1 : a.person > b.person ? 1 : 0));
    return { method: 'thread-summaries', threads, people, stats: { ...this.stats } };
  }
}

/**
 * Summarises the threads of a message stream (one pass).
 *
 * @example
 * const s = await summarizeThreads([
 *   { id: 'q', sender: 'ann', recipients: [], cc: [], mentions: [] },
 *   { id: 'a', sender: 'bob', recipients: [], cc: [], mentions: [], replyTo: 'q' },
 * ]);
 * s.people; // ann: 1 question; bob: 1 answer
 */
export async function summarizeThreads(
  messages: AsyncIterable<Message> | Iterable<Message>,
  options: ThreadOptions = {},
): Promise<ThreadSummaries> {
  const collector = new ThreadCollector(options);
  await forEachMessage(messages, (m) => collector.add(m));
  return collector.finish();
}
