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
 * Memory grows with the number of threads and the distinct authors in each, not with message text.
 *
 * @module
 */

import { type Instant, parseInstant } from '../duration.js';
import { OptionError } from '../errors.js';
import { BoundedIdMap, DEFAULT_REPLY_INDEX_CAPACITY } from './id-map.js';
import type { Message, MessageKind } from './message.js';
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

interface ThreadAcc {
  id: string;
  channel?: string;
  subject?: string;
  tags?: Set<string>;
  rootAuthor?: string;
  rootExplicit: boolean;
  rootTime: number;
  rootOrder: number;
  rootKind?: MessageKind;
  start?: number;
  end?: number;
  messages: number;
  depth: number;
  authors: Map<string, number>;
  kinds: Record<MessageKind, number>;
}

const zeroKinds = (): Record<MessageKind, number> => ({ question: 0, answer: 0, share: 0, discussion: 0 });

/**
 * Streaming accumulator behind {@link summarizeThreads}; feed it with `add` (e.g. in the same pass that
 * builds the graph) and call `finish` once.
 */
export class ThreadCollector {
  private readonly threads = new Map<string, ThreadAcc>();
  private readonly index: BoundedIdMap;
  private readonly threadIds: string[] = [];
  private readonly threadNumber = new Map<string, number>();
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

  private thread(id: string): ThreadAcc {
    let t = this.threads.get(id);
    if (!t) {
      t = {
        id,
        rootExplicit: false,
        rootTime: Number.POSITIVE_INFINITY,
        rootOrder: Number.POSITIVE_INFINITY,
        messages: 0,
        depth: 0,
        authors: new Map(),
        kinds: zeroKinds(),
      };
      this.threads.set(id, t);
      this.threadNumber.set(id, this.threadIds.length);
      this.threadIds.push(id);
    }
    return t;
  }

  private place(m: Message, threadId: string, depth: number, isRoot: boolean, explicitRoot: boolean): void {
    const t = this.thread(threadId);
    const order = this.order++;
    t.messages++;
    t.authors.set(m.sender, (t.authors.get(m.sender) ?? 0) + 1);
    if (m.kind) t.kinds[m.kind]++;
    if (m.channel !== undefined && t.channel === undefined) t.channel = m.channel;
    if (m.tags) {
      if (!t.tags) t.tags = new Set();
      for (const tag of m.tags) t.tags.add(tag);
    }
    if (m.timestamp !== undefined) {
      if (t.start === undefined || m.timestamp < t.start) t.start = m.timestamp;
      if (t.end === undefined || m.timestamp > t.end) t.end = m.timestamp;
    }
    if (depth > t.depth) t.depth = depth;
    if (isRoot) {
      const time = m.timestamp ?? Number.POSITIVE_INFINITY;
      const better =
        (explicitRoot && !t.rootExplicit) ||
        (explicitRoot === t.rootExplicit && (time < t.rootTime || (time === t.rootTime && order < t.rootOrder)));
      if (better) {
        t.rootAuthor = m.sender;
        t.rootExplicit = explicitRoot;
        t.rootTime = time;
        t.rootOrder = order;
        t.rootKind = m.kind;
        if (m.subject !== undefined) t.subject = m.subject;
      }
    }
    if (t.subject === undefined && m.subject !== undefined) t.subject = m.subject;
    this.index.set(m.id, (this.threadNumber.get(threadId) as number) * 1024 + Math.min(depth, 1023));
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
      this.place(m, this.threadIds[Math.floor(parent / 1024)] as string, (parent % 1024) + 1, false, false);
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
          this.place(m, this.threadIds[Math.floor(parent / 1024)] as string, (parent % 1024) + 1, false, false);
          progress = true;
        }
      }
      pending = next;
    }
    for (const m of pending) {
      this.stats.unresolvedReplies++;
      this.place(m, `orphan:${m.replyTo}`, 1, false, false);
    }

    const threads: ThreadSummary[] = [];
    const people = new Map<string, PersonThreadStats>();
    const person = (id: string) => {
      let p = people.get(id);
      if (!p) {
        p = { person: id, started: 0, questions: 0, answers: 0, threadsAnswered: 0 };
        people.set(id, p);
      }
      return p;
    };
    for (const t of this.threads.values()) {
      const root = t.rootAuthor;
      const repliers: ThreadReplier[] = [];
      let selfReplies = 0;
      for (const [author, count] of t.authors) {
        if (author === root) selfReplies = count - 1;
        else repliers.push({ person: author, replies: count });
      }
      const summary: ThreadSummary = {
        id: t.id,
        ...(t.channel !== undefined ? { channel: t.channel } : {}),
        ...(t.subject !== undefined ? { subject: t.subject } : {}),
        ...(t.tags ? { tags: [...t.tags].sort() } : {}),
        ...(root !== undefined ? { root } : {}),
        ...(t.rootKind !== undefined ? { rootKind: t.rootKind } : {}),
        ...(t.start !== undefined ? { start: t.start, end: t.end as number } : {}),
        messages: t.messages,
        replies: t.messages - (root !== undefined ? 1 : 0),
        repliers,
        selfReplies,
        participants: t.authors.size,
        depth: t.depth,
        kinds: t.kinds,
      };
      threads.push(summary);
      if (root === undefined) {
        this.stats.threadsWithoutRoot++;
        for (const author of t.authors.keys()) person(author);
        continue;
      }
      const starter = person(root);
      starter.started++;
      if (repliers.length > 0) starter.questions++;
      for (const r of repliers) {
        const p = person(r.person);
        p.answers += r.replies;
        p.threadsAnswered++;
      }
    }
    this.stats.threads = threads.length;
    return {
      method: 'thread-summaries',
      threads,
      people: [...people.values()].sort((a, b) => (a.person < b.person ? -1 : a.person > b.person ? 1 : 0)),
      stats: { ...this.stats },
    };
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
