import { describe, expect, it } from 'vitest';
import { summarizeThreads } from '../../src/log/threads.js';
import { msg } from './helpers.js';

describe('summarizeThreads', () => {
  it('builds threads from replyTo chains, with depth, repliers, questions and answers (by hand)', async () => {
    // q1 by ann: bob answers, ann thanks bob, cy answers bob's answer; q2 by bob: nobody answers
    const s = await summarizeThreads([
      msg({ id: 'q1', sender: 'ann', timestamp: 1 }),
      msg({ id: 'a1', sender: 'bob', replyTo: 'q1', timestamp: 2 }),
      msg({ id: 'a2', sender: 'ann', replyTo: 'a1', timestamp: 3 }),
      msg({ id: 'a3', sender: 'cy', replyTo: 'a1', timestamp: 4 }),
      msg({ id: 'q2', sender: 'bob', timestamp: 5 }),
    ]);
    const t1 = s.threads.find((t) => t.id === 'q1');
    expect(t1).toMatchObject({
      root: 'ann',
      messages: 4,
      replies: 3,
      repliers: [
        { person: 'bob', replies: 1 },
        { person: 'cy', replies: 1 },
      ],
      selfReplies: 1,
      participants: 3,
      depth: 2,
      start: 1,
      end: 4,
    });
    expect(s.people).toEqual([
      { person: 'ann', started: 1, questions: 1, answers: 0, threadsAnswered: 0 },
      { person: 'bob', started: 1, questions: 0, answers: 1, threadsAnswered: 1 },
      { person: 'cy', started: 0, questions: 0, answers: 1, threadsAnswered: 1 },
    ]);
    expect(s.stats).toMatchObject({ messages: 5, placed: 5, threads: 2, threadsWithoutRoot: 0, unresolvedReplies: 0 });
  });

  it('resolves replies that arrive before their parent; unresolved ones form an orphan thread, counted', async () => {
    const s = await summarizeThreads([
      msg({ id: 'r', sender: 'bob', replyTo: 'q' }),
      msg({ id: 'q', sender: 'ann' }),
      msg({ id: 'x', sender: 'cy', replyTo: 'gone' }),
    ]);
    expect(s.threads.find((t) => t.id === 'q')).toMatchObject({
      root: 'ann',
      repliers: [{ person: 'bob', replies: 1 }],
    });
    expect(s.stats.unresolvedReplies).toBe(1);
    expect(s.stats.threadsWithoutRoot).toBe(1);
    expect(s.threads.find((t) => t.id === 'orphan:gone')).toMatchObject({ messages: 1, replies: 1 });
  });

  it('threadId places messages; the root is the message whose id is the thread id, else the earliest', async () => {
    const s = await summarizeThreads([
      msg({ id: 'b', sender: 'bob', threadId: 'T', timestamp: 20 }),
      msg({ id: 'a', sender: 'ann', threadId: 'T', timestamp: 10 }),
      msg({ id: 'S', sender: 'sam', threadId: 'S', timestamp: 30, channel: '#help', tags: ['ci'], kind: 'question' }),
      msg({ id: 's1', sender: 'tim', threadId: 'S', replyTo: 'S', timestamp: 31, kind: 'answer' }),
    ]);
    expect(s.threads.find((t) => t.id === 'T')).toMatchObject({
      root: 'ann',
      repliers: [{ person: 'bob', replies: 1 }],
    });
    expect(s.threads.find((t) => t.id === 'S')).toMatchObject({
      root: 'sam',
      channel: '#help',
      tags: ['ci'],
      rootKind: 'question',
      kinds: { question: 1, answer: 1, share: 0, discussion: 0 },
      depth: 1,
    });
  });

  it('excluded senders and messages outside the range are counted, not placed', async () => {
    const s = await summarizeThreads(
      [
        msg({ id: '1', sender: 'bot', timestamp: 5 }),
        msg({ id: '2', sender: 'ann', timestamp: 50 }),
        msg({ id: '3', sender: 'ann' }),
        msg({ id: '4', sender: 'ann', timestamp: 5 }),
      ],
      { exclude: ['bot'], from: 1, to: 10 },
    );
    expect(s.stats).toMatchObject({ messages: 4, excluded: 1, outOfRange: 2, placed: 1 });
    expect(s.stats.messages).toBe(s.stats.excluded + s.stats.outOfRange + s.stats.placed);
  });

  it('rejects a reply index smaller than 2', async () => {
    await expect(summarizeThreads([], { replyIndexCapacity: 1 })).rejects.toThrow(/replyIndexCapacity/);
  });
});
