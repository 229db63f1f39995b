/**
 * Subjects and body texts from small templates, so that a message classifier has something to read.
 * Nothing else depends on them: the structure of a simulation (who writes to whom, when) is the same
 * whether texts are written or not, because templates draw from their own random streams.
 *
 * @module
 */

import type { MessageKind } from '../log/message.js';
import type { Rng } from '../random.js';

/** What produced a message: background processes or a planted group's process. */
export type MessageSource =
  | 'work'
  | 'noise'
  | 'broadcast'
  | 'list'
  | 'bot'
  | 'community-of-practice'
  | 'social-learning'
  | 'hybrid';

/** The sources of {@link MessageSource}, in a fixed order. */
export const MESSAGE_SOURCES: readonly MessageSource[] = Object.freeze([
  'work',
  'noise',
  'broadcast',
  'list',
  'bot',
  'community-of-practice',
  'social-learning',
  'hybrid',
]);

const WORDS: Record<string, readonly string[]> = {
  task: [
    'set up the staging environment',
    'speed up the nightly job',
    'read the quarterly export',
    'write a test for this',
    'fix the flaky check',
    'share a dashboard',
    'clean up old records',
    'estimate this properly',
    'review a change quickly',
    'structure the handbook',
  ],
  problem: [
    'it times out after a minute',
    'the numbers do not add up',
    'the build fails on my machine',
    'nobody seems to own it',
    'the docs are out of date',
    'it works locally but not in production',
  ],
  artifact: [
    'a checklist we wrote',
    'slides from last week',
    'a short write-up',
    'a template that saved us hours',
    'a recording of the demo',
    'notes on what we learned',
  ],
  opinion: [
    'we should agree on one way of doing this',
    'the current approach does not scale',
    'a shared guide would help newcomers',
    'we could pair on the next one',
    'this deserves a proper retrospective',
  ],
  work: [
    'the plan for next week',
    'the draft for review',
    'the figures you asked for',
    'notes from the meeting',
    'the updated schedule',
    'the customer follow-up',
    'the handover notes',
  ],
  alert: [
    'build failed on main',
    'ticket assigned to you',
    'invitation: weekly sync',
    'latency above threshold',
    'deployment finished',
    'backup completed',
  ],
};

function word(rng: Rng, key: string): string {
  const list = WORDS[key] as readonly string[];
  return list[Math.floor(rng() * list.length)] as string;
}

/** Subject of a thread's root message (`undefined` for chat channels, which have none). */
export function subjectFor(rng: Rng, source: MessageSource, kind: MessageKind, topic: string): string {
  switch (source) {
    case 'work':
      return capitalise(word(rng, 'work'));
    case 'noise':
      return rng() < 0.5 ? 'Quick question' : 'Introduction';
    case 'broadcast':
      return `${capitalise(topic)} update`;
    case 'list':
      return `[${topic}] ${capitalise(word(rng, kind === 'share' ? 'artifact' : 'opinion'))}`;
    case 'bot':
      return `[${topic}] ${word(rng, 'alert')}`;
    default:
      if (kind === 'question') return `[${topic}] How do I ${word(rng, 'task')}?`;
      if (kind === 'share') return `[${topic}] ${capitalise(word(rng, 'artifact'))}`;
      return `[${topic}] ${capitalise(word(rng, 'opinion'))}`;
  }
}

/** Body text of a message. `thanks` marks an asker's thank-you reply. */
export function textFor(rng: Rng, source: MessageSource, kind: MessageKind, topic: string, thanks = false): string {
  if (thanks) return rng() < 0.5 ? 'Thanks, that worked!' : 'Thank you, that solved it.';
  if (source === 'bot') return `Automated notice: ${word(rng, 'alert')}.`;
  if (source === 'broadcast') return `Hello all, here is the ${topic} update for this week.`;
  if (source === 'work') return `Hi, please find ${word(rng, 'work')}. Can we discuss it tomorrow?`;
  if (source === 'noise') return `Hi, do you know who can help me ${word(rng, 'task')}?`;
  const about = topic ? ` (${topic})` : '';
  switch (kind) {
    case 'question':
      return `How do I ${word(rng, 'task')}${about}? I tried, but ${word(rng, 'problem')}.`;
    case 'answer':
      return `You can ${word(rng, 'task')} with the approach in our guide; ${word(rng, 'problem')} usually means a setting is wrong.`;
    case 'share':
      return `Sharing ${word(rng, 'artifact')}${about}. Feedback welcome.`;
    default:
      return `I think ${word(rng, 'opinion')}.`;
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
