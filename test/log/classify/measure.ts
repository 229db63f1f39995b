// Measures the classifier on the shared data: Stack Exchange posts against PostTypeId, and the hand
// labels of fixtures/labels/mail-kinds.csv. Used by evaluate.test.ts (floors) and docs/readers.md (figures).
import { readFileSync } from 'node:fs';
import { type ClassifyOptions, classifyMessage } from '../../../src/log/classify/classify.js';
import { classifyMessages } from '../../../src/log/classify/stream.js';
import { readMbox } from '../../../src/log/mail/mbox.js';
import { MESSAGE_KINDS, type Message, type MessageKind } from '../../../src/log/message.js';
import { readStackExchange } from '../../../src/log/stackexchange/read.js';
import { dataPath, repoPath } from '../../data-path.js';

export interface ClassScores {
  precision: number;
  recall: number;
  support: number;
}
export interface Scores {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<string, ClassScores>;
  confusion: Record<string, Record<string, number>>;
}

export function score(pairs: [string, string][], classes: readonly string[]): Scores {
  const confusion: Record<string, Record<string, number>> = {};
  for (const t of classes) confusion[t] = Object.fromEntries(classes.map((p) => [p, 0]));
  let correct = 0;
  for (const [truth, predicted] of pairs) {
    (confusion[truth] as Record<string, number>)[predicted] =
      ((confusion[truth] as Record<string, number>)[predicted] ?? 0) + 1;
    if (truth === predicted) correct++;
  }
  const perClass: Record<string, ClassScores> = {};
  let f1 = 0;
  for (const k of classes) {
    const tp = pairs.filter(([t, p]) => t === k && p === k).length;
    const predicted = pairs.filter(([, p]) => p === k).length;
    const support = pairs.filter(([t]) => t === k).length;
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    perClass[k] = { precision, recall, support };
    f1 += precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  return { n: pairs.length, accuracy: correct / pairs.length, macroF1: f1 / classes.length, perClass, confusion };
}

/** Stack Exchange: questions vs answers; `structure` says whether root/reply is given to the classifier. */
export async function measureStackExchange(structure: boolean, options: ClassifyOptions = {}): Promise<Scores> {
  const pairs: [string, string][] = [];
  for await (const m of readStackExchange(dataPath('stackexchange-meta-bicycles-sample'), {
    text: true,
    comments: false,
  })) {
    if (m.kind !== 'question' && m.kind !== 'answer') continue;
    const c = classifyMessage(
      {
        ...(m.text !== undefined ? { text: m.text } : {}),
        ...(structure ? { isReply: m.kind === 'answer', byThreadStarter: false } : {}),
      },
      options,
    );
    pairs.push([m.kind, c.kind === 'question' ? 'question' : 'answer']);
  }
  return score(pairs, ['question', 'answer']);
}

export interface Labelled {
  list: string;
  id: string;
  label: MessageKind;
  split: 'dev' | 'test';
}

export function readLabels(): Labelled[] {
  const lines = readFileSync(repoPath('fixtures', 'labels', 'mail-kinds.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  return lines.map((l) => {
    const [, list, id, label, split] = l.split(',');
    return { list: list as string, id: id as string, label: label as MessageKind, split: split as 'dev' | 'test' };
  });
}

const ARCHIVES: Record<string, string> = {
  'linux-man': 'mailing-list-linux-man-2023',
  'usrp-users': 'mailing-list-usrp-users-2020-2022',
};

/** The labelled messages with the classifier's verdict, text+structure and structure only. */
export async function classifyLabelled(
  options: ClassifyOptions = {},
): Promise<{ item: Labelled; full: MessageKind; structure: MessageKind; message: Message }[]> {
  const labels = readLabels();
  const out: { item: Labelled; full: MessageKind; structure: MessageKind; message: Message }[] = [];
  for (const [list, folder] of Object.entries(ARCHIVES)) {
    const wanted = new Map(labels.filter((l) => l.list === list).map((l) => [l.id, l]));
    const structureOnly = new Map<string, MessageKind>();
    const log = readMbox(dataPath(folder, 'messages.mbox.gz'), { text: true });
    const messages: Message[] = [];
    for await (const m of log) messages.push(m);
    for await (const m of classifyMessages(messages.map(({ text: _t, subject: _s, ...rest }) => rest))) {
      if (wanted.has(m.id)) structureOnly.set(m.id, m.kind as MessageKind);
    }
    for await (const m of classifyMessages(messages, options)) {
      const item = wanted.get(m.id);
      if (item)
        out.push({ item, full: m.kind as MessageKind, structure: structureOnly.get(m.id) as MessageKind, message: m });
    }
  }
  return out;
}

export const KINDS = MESSAGE_KINDS;
