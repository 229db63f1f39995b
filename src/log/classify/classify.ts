/**
 * Message classification: question, answer, share or discussion, by deterministic heuristics.
 *
 * Each class gets a score from cues in the author's own words (quotes and signatures stripped first,
 * see {@link stripQuotedText}) and from the message's place in its thread; the highest score wins, ties
 * broken in the order question, answer, share, discussion. With the default weights `w`:
 *
 *     question   = w.qmark·min(q, 2) + w.interrogative·min(i, 2) + w.request·min(r, 2)
 *                  + w.subjectQuestion·[subject ends with ?] + w.rootQuestion·[thread root]
 *     answer     = w.reply·[reply to someone else's thread] + w.answer·min(a, 3) − w.qmark·[q > 0 and r > 0]/2
 *     share      = w.patch·[diff or Signed-off-by] + w.shareSubject·[share subject tag] + w.share·min(s, 2)
 *                  + w.link·min(links, 2) + w.rootShare·[thread root]
 *     discussion = w.base + w.closure·min(c, 2) + w.ack·[acknowledgement] + w.short·[< 12 words]
 *                  + w.followUp·[reply by the thread's starter]
 *
 * where q counts question marks that end a sentence, i sentences opening with an interrogative, r
 * request phrases, a answer phrases, s share phrases, c closure phrases. When a message has no text and
 * no subject, structure decides alone: a thread root is a question, a reply to someone else's thread an
 * answer, and a reply by the thread's starter discussion (Zhang, Ackerman & Adamic 2007 read Q&A forums the
 * same way). Measured figures (Stack Exchange against PostTypeId; hand-labelled mailing-list messages) are in
 * docs/readers.md.
 *
 * @module
 */

import { OptionError } from '../../errors.js';
import type { MessageKind } from '../message.js';
import { type CompiledCues, CUE_SETS, type CueSet, compileCues } from './cues.js';
import { stripQuotedText } from './strip.js';

/** What the classifier reads of a message. Structure fields left undefined are unknown. */
export interface ClassifyInput {
  text?: string;
  subject?: string;
  /** Whether the message replies to another (has `replyTo` or sits in a thread it did not start). */
  isReply?: boolean;
  /** Whether the author started the thread this reply is in. */
  byThreadStarter?: boolean;
}

/** Weights of the scores (see the module description). */
export interface ClassifyWeights {
  qmark: number;
  interrogative: number;
  request: number;
  subjectQuestion: number;
  rootQuestion: number;
  reply: number;
  answer: number;
  patch: number;
  shareSubject: number;
  share: number;
  link: number;
  rootShare: number;
  base: number;
  closure: number;
  ack: number;
  short: number;
  followUp: number;
}

/** Options of {@link classifyMessage}. */
export interface ClassifyOptions {
  /** Cue set or language tag registered in {@link CUE_SETS}. Default `'en'`. */
  cues?: CueSet | string;
  /** Strip quotes and signatures before reading the text. Default `true`. */
  stripQuotes?: boolean;
  /** Score weights; missing ones take {@link CLASSIFY_DEFAULTS}`.weights`. */
  weights?: Partial<ClassifyWeights>;
}

/** Defaults of {@link ClassifyOptions}. */
export const CLASSIFY_DEFAULTS = Object.freeze({
  cues: 'en',
  stripQuotes: true,
  weights: Object.freeze({
    qmark: 1.5,
    interrogative: 1,
    request: 1.5,
    subjectQuestion: 1,
    rootQuestion: 1,
    reply: 1.5,
    answer: 1,
    patch: 4,
    shareSubject: 2,
    share: 1.25,
    link: 0.5,
    rootShare: 0.5,
    base: 0.75,
    closure: 1.5,
    ack: 1,
    short: 1,
    followUp: 0.75,
  } satisfies ClassifyWeights),
});

/** A classification with its evidence. */
export interface Classification {
  kind: MessageKind;
  /** Score per class. */
  scores: Record<MessageKind, number>;
  /** `'text'` when text or subject was read, `'structure'` when only the thread position decided. */
  basis: 'text' | 'structure';
  /** The cues that fired, e.g. `['qmark:2', 'request:1', 'root']`. */
  cues: string[];
}

const ORDER: readonly MessageKind[] = ['question', 'answer', 'share', 'discussion'];

function resolveCues(cues: CueSet | string | undefined): CompiledCues {
  if (cues === undefined || typeof cues === 'string') {
    const set = CUE_SETS.get(cues ?? 'en');
    if (!set) {
      throw new OptionError(`no cue set for language \`${cues}\``, {
        module: 'log/classify',
        got: cues,
        hint: `register one in CUE_SETS (have: ${[...CUE_SETS.keys()].join(', ')}) or pass a CueSet`,
      });
    }
    return compileCues(set);
  }
  return compileCues(cues);
}

const count = (re: RegExp, text: string) => {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
};

/**
 * Classifies one message.
 *
 * @example
 * classifyMessage({ text: 'How do I mount an ISO?', isReply: false }).kind; // 'question'
 * classifyMessage({ isReply: true, byThreadStarter: false }).kind; // 'answer' (structure only)
 */
export function classifyMessage(input: ClassifyInput, options: ClassifyOptions = {}): Classification {
  const w = { ...CLASSIFY_DEFAULTS.weights, ...options.weights };
  const cues: string[] = [];
  const root = input.isReply === false;
  const otherReply = input.isReply === true && input.byThreadStarter !== true;
  const followUp = input.isReply === true && input.byThreadStarter === true;
  const raw = input.text ?? '';
  const text = (options.stripQuotes ?? CLASSIFY_DEFAULTS.stripQuotes) ? stripQuotedText(raw) : raw.trim();
  const subject = (input.subject ?? '').trim();
  const scores: Record<MessageKind, number> = { question: 0, answer: 0, share: 0, discussion: 0 };
  if (text === '' && subject === '') {
    const kind: MessageKind =
      input.isReply === undefined ? 'discussion' : root ? 'question' : otherReply ? 'answer' : 'discussion';
    scores[kind] = 1;
    return {
      kind,
      scores,
      basis: 'structure',
      cues: [input.isReply === undefined ? 'no-structure' : root ? 'root' : otherReply ? 'reply' : 'follow-up'],
    };
  }
  const c = resolveCues(options.cues);
  const prose = text
    .split('\n')
    .filter((l) => !/^\s*[-+@]|^\s*(diff --git|index [0-9a-f]+|\$ |#include)/.test(l))
    .join('\n');
  const sentences = prose
    .split(/(?<=[.!?])\s+|\n{2,}/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const q = (prose.match(/\?(?=\s|$|["')\]])/g) ?? []).length;
  const interrogatives =
    sentences.filter((s) => c.interrogative.test(s) && /\?\s*$/.test(s)).length +
    sentences.filter((s) => c.interrogative.test(s) && !/\?\s*$/.test(s) && /^\s*(how|why|what|where|which)\b/i.test(s))
      .length;
  const requests = count(c.requests, prose);
  const answers = count(c.answers, prose);
  const shares = count(c.shares, prose);
  const closures = count(c.closures, prose);
  const acks = count(c.acknowledgements, prose);
  const links = (text.match(/https?:\/\/\S+/g) ?? []).length;
  const patch = /^(diff --git |Signed-off-by: |---\s*$\n[^\n]*\|\s+\d+ [+-])/m.test(text);
  const shareSubject = c.shareSubjects.test(subject.replace(/^(re|aw|sv|fwd?):\s*/gi, '')) && !/^re:/i.test(subject);
  const words = prose.split(/\s+/).filter((x) => x !== '').length;

  scores.question =
    w.qmark * Math.min(q, 2) +
    w.interrogative * Math.min(interrogatives, 2) +
    w.request * Math.min(requests, 2) +
    (/\?\s*$/.test(subject) ? w.subjectQuestion : 0) +
    (root ? w.rootQuestion : 0);
  scores.answer =
    (otherReply ? w.reply : 0) + w.answer * Math.min(answers, 3) - (q > 0 && requests > 0 ? w.qmark / 2 : 0);
  scores.share =
    (patch ? w.patch : 0) +
    (shareSubject ? w.shareSubject : 0) +
    w.share * Math.min(shares, 2) +
    w.link * Math.min(links, 2) +
    (root ? w.rootShare : 0);
  scores.discussion =
    w.base +
    w.closure * Math.min(closures, 2) +
    (acks > 0 ? w.ack : 0) +
    (words < 12 ? w.short : 0) +
    (followUp ? w.followUp : 0);

  const fired: [string, number | boolean][] = [
    ['qmark', q],
    ['interrogative', interrogatives],
    ['request', requests],
    ['answer', answers],
    ['share', shares],
    ['closure', closures],
    ['ack', acks],
    ['link', links],
    ['patch', patch],
    ['share-subject', shareSubject],
    ['root', root],
    ['reply', otherReply],
    ['follow-up', followUp],
    ['short', words < 12],
  ];
  for (const [name, v] of fired) if (v) cues.push(typeof v === 'number' ? `${name}:${v}` : name);
  let kind: MessageKind = 'question';
  for (const k of ORDER) if (scores[k] > scores[kind]) kind = k;
  return { kind, scores, basis: 'text', cues };
}
