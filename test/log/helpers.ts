import type { Message } from '../../src/log/message.js';

/** Collects an (async) iterable of messages. */
export async function collect(messages: AsyncIterable<Message> | Iterable<Message>): Promise<Message[]> {
  const out: Message[] = [];
  for await (const m of messages) out.push(m);
  return out;
}

/** A minimal message with defaults for the addressing fields. */
export function msg(partial: Partial<Message> & { id: string; sender: string }): Message {
  return { recipients: [], cc: [], mentions: [], ...partial };
}
