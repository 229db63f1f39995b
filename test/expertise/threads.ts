// Builders of thread summaries for the expertise tests.
import type { ThreadSummary } from '../../src/log/threads.js';

export function thread(
  id: string,
  root: string | undefined,
  repliers: Array<[string, number]>,
  extra: Partial<ThreadSummary> = {},
): ThreadSummary {
  const replies = repliers.reduce((s, [, r]) => s + r, 0);
  return {
    id,
    ...(root !== undefined ? { root } : {}),
    messages: replies + (root !== undefined ? 1 : 0),
    replies,
    repliers: repliers.map(([person, r]) => ({ person, replies: r })),
    selfReplies: 0,
    participants: repliers.length + (root !== undefined ? 1 : 0),
    depth: repliers.length > 0 ? 1 : 0,
    kinds: { question: 0, answer: 0, share: 0, discussion: 0 },
    ...extra,
  };
}

/**
 * The hand-worked example of the expertise tests:
 *   t1 ann asks; bob replies twice, cat once      t4 cat asks; nobody answers
 *   t2 ann asks; bob replies once                  t5 bob asks; cat replies once
 *   t3 dan asks; bob and ann reply once each       t6 root not in the log (eve replies)
 */
export const HAND_THREADS: ThreadSummary[] = [
  thread(
    't1',
    'ann',
    [
      ['bob', 2],
      ['cat', 1],
    ],
    { tags: ['brakes'], channel: 'help', subject: 'Brake pads squeal' },
  ),
  thread('t2', 'ann', [['bob', 1]], { tags: ['brakes', 'wheels'], channel: 'help', subject: 'Disc rub' }),
  thread(
    't3',
    'dan',
    [
      ['bob', 1],
      ['ann', 1],
    ],
    { tags: ['wheels'], channel: 'general', subject: 'Truing a wheel' },
  ),
  thread('t4', 'cat', [], { channel: 'general', subject: 'Chain wear?' }),
  thread('t5', 'bob', [['cat', 1]], { tags: ['chains'], channel: 'help', subject: 'Chain wear tool' }),
  thread('t6', undefined, [['eve', 1]]),
];
