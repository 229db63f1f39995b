// Precision and recall of inferred chat reply links against the human annotations of the shared #ubuntu
// logs (Kummerfeld et al. 2019): a link j → i ("line j responds to line i"), on the annotated lines only.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ChatReadOptions, readChatLog } from '../../../src/log/chat.js';
import { dataPath } from '../../data-path.js';

export interface LinkScores {
  predicted: number;
  gold: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Scores the reader's reply links over every annotated file of the dataset (dev and test). */
export async function scoreReplyLinks(options: ChatReadOptions = {}): Promise<LinkScores> {
  let predicted = 0;
  let gold = 0;
  let correct = 0;
  for (const split of ['dev', 'test']) {
    const folder = dataPath('irc-ubuntu-disentanglement', split);
    for (const f of readdirSync(folder)
      .filter((n) => n.endsWith('.raw.txt'))
      .sort()) {
      const links = new Set<string>();
      let first = Number.POSITIVE_INFINITY;
      const annotation = readFileSync(join(folder, f.replace('.raw.txt', '.annotation.txt')), 'utf8');
      for (const line of annotation.split('\n')) {
        const [a, b] = line.trim().split(/\s+/).map(Number);
        if (a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b)) continue;
        first = Math.min(first, b);
        if (a !== b) links.add(`${a} ${b}`);
      }
      gold += links.size;
      const path = join(folder, f);
      const lineOf = (id: string) => Number(id.slice(id.lastIndexOf('#') + 1)) - 1;
      for await (const m of readChatLog(path, options)) {
        if (m.replyTo === undefined) continue;
        const j = lineOf(m.id);
        if (j < first) continue;
        predicted++;
        if (links.has(`${lineOf(m.replyTo)} ${j}`)) correct++;
      }
    }
  }
  const precision = correct / predicted;
  const recall = correct / gold;
  return { predicted, gold, correct, precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}
