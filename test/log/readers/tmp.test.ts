import { writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { stripQuotedText } from '../../../src/log/classify/strip.js';
import { readMbox } from '../../../src/log/mail/mbox.js';
import type { Message } from '../../../src/log/message.js';
import { createRng } from '../../../src/random.js';

test('sample', async () => {
  const out: string[] = [];
  const ids: string[] = [];
  for (const [list, seed] of [
    ['mailing-list-linux-man-2023', 71],
    ['mailing-list-usrp-users-2020-2022', 72],
  ] as const) {
    const all: Message[] = [];
    for await (const m of readMbox(`/work/shared/data/${list}/messages.mbox.gz`, { text: true })) all.push(m);
    const byId = new Map(all.map((m) => [m.id, m]));
    const rng = createRng(seed);
    const idx = all.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
    }
    for (const i of idx.slice(0, 125)) {
      const m = all[i] as Message;
      const root = m.threadId ? byId.get(m.threadId) : undefined;
      const pos = m.replyTo ? (root && root.sender === m.sender ? 'reply-by-root-author' : 'reply') : 'root';
      ids.push(`${list.includes('linux') ? 'linux-man' : 'usrp-users'},${m.id}`);
      out.push(
        `#${ids.length} [${list.includes('linux') ? 'LM' : 'USRP'}] ${pos} | ${m.subject}\n${stripQuotedText(m.text ?? '').slice(0, 900)}\n`,
      );
    }
  }
  writeFileSync('/tmp/sample.txt', out.join('\n=========\n'));
  writeFileSync('/tmp/sample-ids.csv', ids.join('\n'));
});
