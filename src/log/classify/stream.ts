/**
 * `classifyMessages`: the classifier over a stream of messages, with the thread structure it needs
 * (whether a message replies, and whether its author started the thread) tracked on the way through.
 *
 * @module
 */

import { BoundedIdMap, DEFAULT_REPLY_INDEX_CAPACITY } from '../id-map.js';
import type { Message } from '../message.js';
import { type Classification, type ClassifyOptions, classifyMessage } from './classify.js';

/** Options of {@link classifyMessages}. */
export interface ClassifyMessagesOptions extends ClassifyOptions {
  /** Replace a `kind` the reader already set (Stack Exchange posts carry one). Default `false`. */
  overwrite?: boolean;
  /**
   * Classify only messages with a non-empty `text` (the others pass through unlabelled; their place in the
   * threads is still tracked). Without text the classifier reads structure alone (a root is a question), which
   * would label every thread a question. Default `false`.
   */
  requireText?: boolean;
  /** Recent message ids remembered to find a reply's thread starter. Default 2,000,000. */
  replyIndexCapacity?: number;
  /** Called with every classification made, e.g. to collect evidence. */
  onClassified?: (message: Message, classification: Classification) => void;
}

/**
 * A function that labels messages one after the other with {@link classifyMessage}, tracking the thread
 * structure on the way through: a message's thread starter is the author of the thread's root (by `threadId`,
 * else through `replyTo`); memory is bounded by the id index. Messages must be given in log order.
 *
 * @example
 * const label = messageClassifier();
 * for (const m of batch) out.push(label(m));
 */
export function messageClassifier(options: ClassifyMessagesOptions = {}): (message: Message) => Message {
  const capacity = options.replyIndexCapacity ?? DEFAULT_REPLY_INDEX_CAPACITY;
  const starterOfThread = new BoundedIdMap(capacity);
  const starterOfMessage = new BoundedIdMap(capacity);
  const people = new Map<string, number>();
  const person = (id: string) => {
    let i = people.get(id);
    if (i === undefined) {
      i = people.size + 1;
      people.set(id, i);
    }
    return i;
  };
  return (m) => {
    const sender = person(m.sender);
    const isReply = m.replyTo !== undefined || (m.threadId !== undefined && m.threadId !== m.id);
    let starter: number | undefined;
    if (!isReply) {
      starter = sender;
      starterOfThread.set(m.threadId ?? m.id, sender);
    } else {
      starter =
        (m.threadId !== undefined ? starterOfThread.get(m.threadId) : undefined) ??
        (m.replyTo !== undefined ? starterOfMessage.get(m.replyTo) : undefined);
    }
    if (starter !== undefined) starterOfMessage.set(m.id, starter);
    const readable = !options.requireText || (m.text !== undefined && m.text.trim() !== '');
    if ((m.kind === undefined || options.overwrite) && readable) {
      const input = {
        isReply,
        ...(m.text !== undefined ? { text: m.text } : {}),
        ...(m.subject !== undefined ? { subject: m.subject } : {}),
        ...(isReply && starter !== undefined ? { byThreadStarter: starter === sender } : {}),
      };
      const c = classifyMessage(input, options);
      options.onClassified?.(m, c);
      return { ...m, kind: c.kind };
    }
    return m;
  };
}

/**
 * Yields the messages with `kind` set by {@link classifyMessage} ({@link messageClassifier} over a stream).
 *
 * @example
 * for await (const m of classifyMessages(readMbox('list.mbox', { text: true }))) console.log(m.kind);
 */
export async function* classifyMessages(
  messages: AsyncIterable<Message> | Iterable<Message>,
  options: ClassifyMessagesOptions = {},
): AsyncGenerator<Message> {
  const label = messageClassifier(options);
  for await (const m of messages) yield label(m);
}
