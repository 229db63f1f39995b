// Deterministic generator of a large e-mail-like message CSV for the ingestion benchmark.
//   node bench/lib/generate-csv.mjs <out.csv> <messages> [people]
// Columns: id,timestamp,sender,recipients,cc,reply_to,subject — 1–3 recipients drawn (Zipf-ish) from the
// sender's fixed circle of 100 contacts, a Cc on one message in five, a reply (to a contact's latest message) on about one in three.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createRng } from '../../dist/index.js';

export async function generateCsv(path, messages, people = 10_000, seed = 1) {
  const rng = createRng(seed);
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  const team = 20;
  // each person writes to a fixed circle of 100 contacts (their team, then 80 others chosen by a hash), so
  // the set of ties saturates and longer logs add messages, not ties: memory can be compared across sizes
  const contact = (s, k) => {
    if (k < team) return s - (s % team) + k;
    let h = Math.imul(s ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(k, 0xc2b2ae35);
    h = Math.imul(h ^ (h >>> 15), 0x27d4eb2d) >>> 0;
    return h % people;
  };
  const pick = (s) => contact(s, Math.floor(rng() ** 2 * 100));
  const last = new Int32Array(people).fill(-1);
  const t0 = Date.parse('2024-01-01T00:00:00Z');
  const span = 365 * 86_400_000;
  let buf = 'id,timestamp,sender,recipients,cc,reply_to,subject\n';
  for (let i = 0; i < messages; i++) {
    const s = Math.floor(rng() * people);
    const n = 1 + Math.floor(rng() * 3);
    const rcpt = new Set();
    for (let k = 0; k < n; k++) {
      const r = pick(s);
      if (r !== s) rcpt.add(`p${r}@example.org`);
    }
    if (rcpt.size === 0) rcpt.add(`p${(s + 1) % people}@example.org`);
    const cc = rng() < 0.2 ? `p${pick(s)}@example.org` : '';
    // a reply answers the latest message of one of the sender's contacts (so it adds no new pair either)
    const to = pick(s);
    const reply = rng() < 0.33 && last[to] >= 0 ? `m${last[to]}` : '';
    last[s] = i;
    const ts = new Date(t0 + Math.floor((i / messages) * span)).toISOString();
    buf += `m${i},${ts},p${s}@example.org,${[...rcpt].join(';')},${cc},${reply},"status ${i % 97}"\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [path, messages, people] = process.argv.slice(2);
  await generateCsv(path, Number(messages), Number(people ?? 10_000));
}
