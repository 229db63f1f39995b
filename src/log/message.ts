/**
 * The message model: the one record every reader yields and every later stage consumes.
 *
 * A `Message` is one act of communication: an email, a chat post, a forum post, a comment, or (for
 * pre-aggregated sources such as static edge lists and Viva Insights person-to-person queries) one
 * aggregated interaction carrying a `weight`. Person ids are opaque strings; readers normalise them
 * (trimmed; e-mail addresses lower-cased; aliases merged), see {@link normalizePersonId}.
 *
 * @module
 */

/** Message classes used by the thread and expertise analyses. */
export type MessageKind = 'question' | 'answer' | 'share' | 'discussion';

/** The classes of {@link MessageKind}, in a fixed order. */
export const MESSAGE_KINDS: readonly MessageKind[] = Object.freeze(['question', 'answer', 'share', 'discussion']);

/** One message of a log. Arrays are never undefined for the addressing fields; they may be empty. */
export interface Message {
  /** Unique id within the log (Message-ID, post id, or `<source>#<row>` when the source has none). */
  id: string;
  /**
   * Time sent, in UTC milliseconds since the epoch. Optional: static edge lists have none, and the
   * temporal analyses then report themselves unavailable instead of guessing.
   */
  timestamp?: number;
  /** Author. */
  sender: string;
  /** Direct recipients (To). */
  recipients: string[];
  /** Carbon-copy recipients (Cc): a weaker tie than To. */
  cc: string[];
  /** Blind-copy recipients, when the source knows them. */
  bcc?: string[];
  /** Channel, mailing list, forum or site the message was posted to. */
  channel?: string;
  /** Thread / conversation id; messages of one thread share it. */
  threadId?: string;
  /** Id of the message this one replies to. */
  replyTo?: string;
  /** People mentioned (`@name`, `<@U123>`), whether or not they are recipients. */
  mentions: string[];
  /** Subject or title. */
  subject?: string;
  /** Body text; optional and never required by any analysis. */
  text?: string;
  /** Tags or topics (Stack Exchange tags, a topic label); used by scoped expertise. */
  tags?: string[];
  /** Class of the message when known (a reader's structure or the classifier). */
  kind?: MessageKind;
  /** Marked by the asker as the answer that solved the question (Stack Exchange accepted answers). */
  accepted?: boolean;
  /** Number of interactions this record stands for (pre-aggregated sources); default 1. */
  weight?: number;
}

/** The fields of a {@link Message} a reader can map from a column or key, plus `recipientType`. */
export type MessageField =
  | 'id'
  | 'timestamp'
  | 'sender'
  | 'recipients'
  | 'cc'
  | 'bcc'
  | 'channel'
  | 'threadId'
  | 'replyTo'
  | 'mentions'
  | 'subject'
  | 'text'
  | 'tags'
  | 'kind'
  | 'weight'
  /** Per-recipient layout only: `to`, `cc` or `bcc` for the row's recipient. */
  | 'recipientType';

/** All mappable fields, in a fixed order. */
export const MESSAGE_FIELDS: readonly MessageField[] = Object.freeze([
  'id',
  'timestamp',
  'sender',
  'recipients',
  'cc',
  'bcc',
  'channel',
  'threadId',
  'replyTo',
  'mentions',
  'subject',
  'text',
  'tags',
  'kind',
  'weight',
  'recipientType',
]);
