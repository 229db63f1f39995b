/**
 * The public API of the real-world readers (mbox and .eml, Slack exports, Stack Exchange dumps, Viva
 * Insights person-to-person queries, text chat logs) and of message classification, re-exported as one
 * block by the package index.
 *
 * @module
 */

export { CHAT_DEFAULTS, type ChatReadOptions, looksLikeChatLog, type ReplyInference, readChatLog } from './chat.js';
export {
  CLASSIFY_DEFAULTS,
  type Classification,
  type ClassifyInput,
  type ClassifyOptions,
  type ClassifyWeights,
  classifyMessage,
} from './classify/classify.js';
export { type CompiledCues, CUE_SETS, type CueSet, compileCues, ENGLISH_CUES } from './classify/cues.js';
export { type ClassifyMessagesOptions, classifyMessages, messageClassifier } from './classify/stream.js';
export { type StripOptions, stripQuotedText } from './classify/strip.js';
export { MBOX_DEFAULTS, type MboxReadOptions, readMbox } from './mail/mbox.js';
export { detectFormatFromText } from './read.js';
export { readSlackExport, readSlackUsers, type SlackReadOptions } from './slack/read.js';
export {
  locateStackExchangeDump,
  readStackExchange,
  type StackExchangeFiles,
  type StackExchangeReadOptions,
} from './stackexchange/read.js';
export { readStackExchangeUsers } from './stackexchange/users.js';
export { isVivaP2PHeader, readVivaP2P, readVivaRoster, type VivaReadOptions } from './viva.js';
