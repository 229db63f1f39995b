/**
 * A binary min-heap of messages keyed by (timestamp, creation number): the simulator generates whole
 * threads ahead and releases messages in time order, holding only the messages not yet released.
 *
 * @module
 */

import type { Message } from '../log/message.js';

/** Messages ordered by timestamp, ties by creation order. */
export class MessageQueue {
  private readonly items: Message[] = [];
  private readonly times: number[] = [];
  private readonly seqs: number[] = [];
  private readonly tags: number[] = [];
  /** The tag pushed with the message last returned by {@link MessageQueue.pop}. */
  poppedTag = -1;
  /** Largest size reached. */
  peak = 0;

  get size(): number {
    return this.items.length;
  }

  private less(i: number, j: number): boolean {
    const a = this.times[i] as number;
    const b = this.times[j] as number;
    return a < b || (a === b && (this.seqs[i] as number) < (this.seqs[j] as number));
  }

  private swap(i: number, j: number): void {
    const m = this.items[i] as Message;
    this.items[i] = this.items[j] as Message;
    this.items[j] = m;
    const t = this.times[i] as number;
    this.times[i] = this.times[j] as number;
    this.times[j] = t;
    const s = this.seqs[i] as number;
    this.seqs[i] = this.seqs[j] as number;
    this.seqs[j] = s;
    const g = this.tags[i] as number;
    this.tags[i] = this.tags[j] as number;
    this.tags[j] = g;
  }

  /** Queues a message at `time`; `seq` breaks ties (creation order); `tag` is returned with it. */
  push(message: Message, time: number, seq: number, tag: number): void {
    this.items.push(message);
    this.times.push(time);
    this.seqs.push(seq);
    this.tags.push(tag);
    let i = this.items.length - 1;
    if (i + 1 > this.peak) this.peak = i + 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Timestamp of the next message (Infinity when empty). */
  peekTime(): number {
    return this.items.length === 0 ? Number.POSITIVE_INFINITY : (this.times[0] as number);
  }

  /** Removes and returns the earliest message. */
  pop(): Message | undefined {
    const n = this.items.length;
    if (n === 0) return undefined;
    const top = this.items[0] as Message;
    this.poppedTag = this.tags[0] as number;
    const lastTag = this.tags.pop() as number;
    const lastItem = this.items.pop() as Message;
    const lastTime = this.times.pop() as number;
    const lastSeq = this.seqs.pop() as number;
    if (n > 1) {
      this.items[0] = lastItem;
      this.times[0] = lastTime;
      this.seqs[0] = lastSeq;
      this.tags[0] = lastTag;
      let i = 0;
      const size = n - 1;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < size && this.less(l, m)) m = l;
        if (r < size && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}
