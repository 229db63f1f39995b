/**
 * The state one pass of the simulation shares between its processes: the random streams, the calendar,
 * the people, the queue of generated messages, and the helpers that write roots and replies.
 *
 * Three independent random streams: `rng` (structure: who writes to whom, when), one for subjects and
 * one for texts, so that turning texts on or off never changes the structure.
 *
 * @module
 */

import type { Message, MessageKind } from '../log/message.js';
import { createRng, deriveSeed, type Rng } from '../random.js';
import type { Calendar } from './calendar.js';
import type { ResolvedSimulateOptions } from './options.js';
import type { Organisation, PersonState } from './org.js';
import { MessageQueue } from './queue.js';
import { MESSAGE_SOURCES, type MessageSource, subjectFor, textFor } from './templates.js';

const SOURCE_INDEX = new Map(MESSAGE_SOURCES.map((s, i) => [s, i]));

/** Addressing and labels of a message to write. */
export interface MessageInit {
  source: MessageSource;
  kind: MessageKind;
  topic: string;
  recipients?: string[];
  cc?: string[];
  mentions?: string[];
  channel?: string;
  /** An asker's thank-you reply (text only). */
  thanks?: boolean;
  /** A reply that leaves its parent's channel (a private reply, addressed to the parent's author). */
  private?: boolean;
}

/** Counters of one pass. */
export interface SimulationStats {
  /** Messages released, in total and per source. */
  messages: number;
  bySource: Record<MessageSource, number>;
  /** Most messages held at once (generated, not yet released): bounded by about two days of traffic. */
  peakQueued: number;
}

/** Shared state of one simulation pass. */
export class SimContext {
  readonly rng: Rng;
  private readonly subjectRng: Rng;
  private readonly textRng: Rng;
  readonly queue = new MessageQueue();
  readonly people: PersonState[];
  private seq = 0;

  constructor(
    readonly options: ResolvedSimulateOptions,
    readonly calendar: Calendar,
    readonly org: Organisation,
  ) {
    this.rng = createRng(deriveSeed(options.seed, 'traffic'));
    this.subjectRng = createRng(deriveSeed(options.seed, 'subjects'));
    this.textRng = createRng(deriveSeed(options.seed, 'texts'));
    this.people = org.people;
  }

  /** Whether a person is employed at instant `t`. */
  active(p: PersonState, t: number): boolean {
    return p.from <= t && t < p.until;
  }

  /** Whether a person is employed on period day `d`. */
  activeOnDay(p: PersonState, d: number): boolean {
    return p.hireDay <= d && d < p.leaveDay;
  }

  /** A uniformly drawn person employed at `t` who passes `accept`, or undefined after 30 tries. */
  randomPerson(t: number, accept?: (p: PersonState) => boolean): PersonState | undefined {
    const n = this.people.length;
    for (let tries = 0; tries < 30; tries++) {
      const p = this.people[Math.floor(this.rng() * n)] as PersonState;
      if (this.active(p, t) && (!accept || accept(p))) return p;
    }
    return undefined;
  }

  /** Up to `k` distinct people of `list` (indexes), other than `self`, employed at `t`. */
  pickFrom(list: readonly number[], k: number, self: number, t: number): PersonState[] {
    const out: PersonState[] = [];
    for (let tries = 0; out.length < k && tries < 4 * k + 4; tries++) {
      const p = this.people[list[Math.floor(this.rng() * list.length)] as number] as PersonState;
      if (p.index !== self && this.active(p, t) && !out.includes(p)) out.push(p);
    }
    return out;
  }

  private make(
    sender: string,
    t: number,
    init: MessageInit,
    subject: string | undefined,
    channel: string | undefined,
    threadId: string | undefined,
    replyTo: string | undefined,
  ): Message {
    const id = `m${++this.seq}`;
    const m: Message = {
      id,
      timestamp: t,
      sender,
      recipients: init.recipients ?? [],
      cc: init.cc ?? [],
      mentions: init.mentions ?? [],
    };
    if (channel !== undefined) m.channel = channel;
    m.threadId = threadId ?? id;
    if (replyTo !== undefined) m.replyTo = replyTo;
    if (subject !== undefined) m.subject = subject;
    if (this.options.text) m.text = textFor(this.textRng, init.source, init.kind, init.topic, init.thanks);
    if (this.options.kinds) m.kind = init.kind;
    this.queue.push(m, t, this.seq, SOURCE_INDEX.get(init.source) as number);
    return m;
  }

  /**
   * Writes the root of a thread at `t`; returns undefined (and writes nothing) outside the period.
   * Chat channels (`#name`) have no subjects; e-mail and mailing lists do.
   */
  root(sender: string, t: number, init: MessageInit): Message | undefined {
    if (t < this.calendar.start || t >= this.calendar.end) return undefined;
    const chat = init.channel?.startsWith('#') ?? false;
    const subject = chat ? undefined : subjectFor(this.subjectRng, init.source, init.kind, init.topic);
    return this.make(sender, t, init, subject, init.channel, undefined, undefined);
  }

  /** Writes a reply to `parent` at `t`; undefined (nothing written) at or after the end of the period. */
  reply(parent: Message, sender: string, t: number, init: MessageInit): Message | undefined {
    if (t >= this.calendar.end) return undefined;
    const subject =
      parent.subject === undefined
        ? undefined
        : parent.subject.startsWith('Re: ')
          ? parent.subject
          : `Re: ${parent.subject}`;
    const channel = init.private ? undefined : parent.channel;
    return this.make(sender, t, init, subject, channel, parent.threadId ?? parent.id, parent.id);
  }

  /**
   * A back-and-forth e-mail exchange after `root`: the first addressee answers with probability
   * `replyProb`, then the previous writer answers back, each further reply `decay` times as likely;
   * with `replyAll` the other participants are copied.
   */
  conversation(
    root: Message,
    starter: PersonState,
    addressees: PersonState[],
    init: Omit<MessageInit, 'kind'>,
    shape: { replyProb: number; decay: number; maxReplies: number; replyAll: number; meanDelay: number },
  ): void {
    const first = addressees[0];
    if (!first) return;
    const participants = [starter, ...addressees];
    let last = root;
    let lastWriter = starter;
    let previousWriter = first;
    let prob = shape.replyProb;
    const rng = this.rng;
    for (let n = 0; n < shape.maxReplies && rng() < prob; n++) {
      let writer = n === 0 ? first : previousWriter;
      if (n > 0 && participants.length > 2 && rng() < 0.25) {
        writer = participants[Math.floor(rng() * participants.length)] as PersonState;
      }
      if (writer === lastWriter) break;
      const t = this.calendar.replyTime(rng, last.timestamp as number, writer.offset, shape.meanDelay);
      if (!this.active(writer, t)) break;
      const cc: string[] = [];
      if (rng() < shape.replyAll && !init.channel) {
        for (const p of participants) if (p !== writer && p !== lastWriter && this.active(p, t)) cc.push(p.id);
      }
      const reply = this.reply(last, writer.id, t, {
        source: init.source,
        topic: init.topic,
        kind: 'discussion',
        recipients: init.channel ? [] : [lastWriter.id],
        cc,
      });
      if (!reply) break;
      previousWriter = lastWriter;
      lastWriter = writer;
      last = reply;
      prob *= shape.decay;
    }
  }
}
