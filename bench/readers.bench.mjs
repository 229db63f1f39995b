// Readers benchmark: messages/s of every reader on the shared real data, and of readMbox on a synthetic
// 1 GiB mbox (generated here into bench/.data, never committed), each next to the floor — reading the same
// bytes (gunzipped where the input is gzip) without parsing — and, for e-mail, next to postal-mime parsing
// every message (the well-kept MIME parser readMbox was measured against).
//   node bench/readers.bench.mjs [--dry]        (--dry: a 4 MiB synthetic mbox, one run, no postal-mime at scale)
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import PostalMime from 'postal-mime';
import { createRng, readChatLog, readMbox, readSlackExport, readStackExchange, readVivaP2P } from '../dist/index.js';
import { DATA_DIR, DRY, ensureDir, fmt, table, time, writeResults } from './lib/common.mjs';

const SHARED = [
  process.env.PRACTICE_GRAPH_DATA,
  join(DATA_DIR, '..', '..', '..', 'shared', 'data'),
  '/work/shared/data',
].find((p) => p && existsSync(p));
if (!SHARED) throw new Error('shared data not found (set PRACTICE_GRAPH_DATA)');
const RUNS = DRY ? 1 : 3;
const MBOX_BYTES = DRY ? 4 * 2 ** 20 : 2 ** 30;
ensureDir(DATA_DIR);

// --- child mode: one read of a big mbox, reporting time and peak RSS ------------------------------------
if (process.argv[2] === '--child') {
  const [, , , path, mode] = process.argv;
  const t = performance.now();
  let n = 0;
  let chars = 0;
  if (mode === 'postal-mime') {
    for await (const raw of rawMessages(path)) {
      const email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
      n++;
      chars += (email.text ?? '').length;
    }
  } else if (mode === 'floor') {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) chars += chunk.length;
  } else {
    for await (const batch of readMbox(path, { text: mode === 'text' }).batches()) {
      n += batch.length;
      for (const m of batch) chars += m.text?.length ?? 0;
    }
  }
  const seconds = (performance.now() - t) / 1000;
  console.log(JSON.stringify({ seconds, messages: n, chars, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

/** Messages of a (plain or gzip) mbox as Buffers, split at `\nFrom ` lines: the input postal-mime needs. */
async function* rawMessages(path) {
  const stream = path.endsWith('.gz') ? createReadStream(path).pipe(createGunzip()) : createReadStream(path);
  let rest = Buffer.alloc(0);
  for await (const chunk of stream) {
    let buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (;;) {
      const at = buf.indexOf('\nFrom ', start + 1);
      if (at < 0) break;
      if (start > 0 || buf.subarray(0, 5).toString() === 'From ') yield buf.subarray(start, at + 1);
      start = at + 1;
    }
    rest = Buffer.from(buf.subarray(start));
    buf = undefined;
  }
  if (rest.length) yield rest;
}

/** Reads the bytes of a file or folder (gunzipping .gz files) without parsing; returns bytes read. */
async function floorBytes(paths) {
  let bytes = 0;
  for (const p of paths) {
    const stream = p.endsWith('.gz')
      ? createReadStream(p).pipe(createGunzip())
      : createReadStream(p, { highWaterMark: 1 << 20 });
    for await (const chunk of stream) bytes += chunk.length;
  }
  return bytes;
}

const filesUnder = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );

async function count(log) {
  let n = 0;
  for await (const batch of log.batches()) n += batch.length;
  return n;
}

// --- synthetic inputs for the formats without real data here (Slack, Viva) -------------------------------
function syntheticSlack(dir, days, perDay) {
  if (existsSync(join(dir, 'users.json'))) return dir;
  mkdirSync(join(dir, 'general'), { recursive: true });
  const rng = createRng(7);
  const users = Array.from({ length: 500 }, (_, i) => ({ id: `U${i}`, name: `user${i}`, is_bot: i === 0 }));
  writeFileSync(join(dir, 'users.json'), JSON.stringify(users));
  writeFileSync(join(dir, 'channels.json'), JSON.stringify([{ id: 'C1', name: 'general', members: [] }]));
  for (let d = 0; d < days; d++) {
    const date = new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
    const day = [];
    for (let i = 0; i < perDay; i++) {
      const ts = `${1672531200 + d * 86400 + i}.000100`;
      const u = Math.floor(rng() * 500);
      const m = { type: 'message', ts, user: `U${u}`, text: `<@U${Math.floor(rng() * 500)}> ${'words '.repeat(12)}` };
      if (i % 5 && i > 5) {
        m.thread_ts = `${1672531200 + d * 86400 + i - (i % 5)}.000100`;
        m.parent_user_id = `U${(u * 7) % 500}`;
      }
      if (i % 50 === 0) m.subtype = 'channel_join';
      day.push(m);
    }
    writeFileSync(join(dir, 'general', `${date}.json`), JSON.stringify(day));
  }
  return dir;
}

async function syntheticViva(path, rows) {
  if (existsSync(path)) return path;
  const out = createWriteStream(path);
  out.write(
    'PrimaryCollaborator_PersonId,SecondaryCollaborator_PersonId,MetricDate,Diverse_tie_score,Strong_tie_score,PrimaryCollaborator_Organization,SecondaryCollaborator_Organization\n',
  );
  const rng = createRng(8);
  for (let i = 0; i < rows; i++) {
    const a = Math.floor(rng() * 5000);
    const b = Math.floor(rng() * 5000);
    const line = `p${a},p${b},${1 + (i % 12)}/${1 + (i % 28)}/2024,${(rng() * 2).toFixed(3)},${(rng() * 3).toFixed(3)},Org${a % 20},Org${b % 20}\n`;
    if (!out.write(line)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  return path;
}

/** A synthetic mbox of about `bytes` bytes: list traffic with Received chains, threads, QP and base64 bodies, attachments. */
async function syntheticMbox(path, bytes) {
  if (existsSync(path) && statSync(path).size >= bytes) return path;
  const rng = createRng(9);
  const out = createWriteStream(path);
  const words =
    'the radio driver sample rate clock buffer thread patch review page section error works fails why how'.split(' ');
  const sentence = () =>
    Array.from({ length: 8 + Math.floor(rng() * 12) }, () => words[Math.floor(rng() * words.length)]).join(' ');
  const attachment = Buffer.alloc(48 * 1024, 7)
    .toString('base64')
    .replace(/.{76}/g, '$&\n');
  let written = 0;
  for (let i = 0; written < bytes; i++) {
    const from = `person${Math.floor(rng() * 3000)}@example.org`;
    const to = `person${Math.floor(rng() * 3000)}@example.org`;
    const reply = i > 10 && rng() < 0.7;
    const parent = reply ? `<m${i - 1 - Math.floor(rng() * 10)}@example.org>` : '';
    const date = new Date(Date.UTC(2023, 0, 1) + i * 60_000).toUTCString().replace('GMT', '+0000');
    const received = Array.from(
      { length: 4 },
      (_, k) =>
        `Received: from relay${k}.example.net (relay${k}.example.net [10.0.0.${k}])\n\tby mx.example.org with ESMTPS id ${i}x${k}\n\tfor <list@lists.example.org>; ${date}\n`,
    ).join('');
    const body = Array.from({ length: 6 + Math.floor(rng() * 30) }, sentence).join('\n');
    const head =
      `From ${from} ${date}\n${received}From: =?UTF-8?Q?P=C3=A9rson_${i % 3000}?= <${from}>\nTo: list@lists.example.org\nCc: ${to}\n` +
      `Subject: ${reply ? 'Re: ' : ''}[list] ${sentence()}\nDate: ${date}\nMessage-ID: <m${i}@example.org>\n` +
      (reply ? `In-Reply-To: ${parent}\nReferences: ${parent}\n` : '') +
      'List-Id: Example list <list.lists.example.org>\nMIME-Version: 1.0\n';
    let msg;
    if (i % 10 === 0) {
      msg = `${head}Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n${body.replace(/=/g, '=3D')}\n--b${i}\nContent-Type: application/octet-stream; name=a.bin\nContent-Disposition: attachment; filename=a.bin\nContent-Transfer-Encoding: base64\n\n${attachment}\n--b${i}--\n\n`;
    } else {
      msg = `${head}Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n${body}\n\n`;
    }
    written += Buffer.byteLength(msg);
    if (!out.write(msg)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  return path;
}

// --- real data ------------------------------------------------------------------------------------------------
const rows = [];
async function measure(label, input, open, paths) {
  await count(open()); // warm-up: compile the reader's hot paths before timing
  const floor = await time(() => floorBytes(paths), RUNS);
  const r = await time(() => count(open()), RUNS);
  const bytes = floor.result;
  rows.push([
    label,
    input,
    r.result.toLocaleString('en-US'),
    fmt(r.seconds, 3),
    `${Math.round(r.result / r.seconds).toLocaleString('en-US')}`,
    fmt(bytes / 2 ** 20 / r.seconds, 1),
    fmt(bytes / 2 ** 20 / floor.seconds, 1),
    `${fmt((floor.seconds / r.seconds) * 100, 1)} %`,
  ]);
}

const linuxMan = join(SHARED, 'mailing-list-linux-man-2023', 'messages.mbox.gz');
const usrp = join(SHARED, 'mailing-list-usrp-users-2020-2022', 'messages.mbox.gz');
const se = join(SHARED, 'stackexchange-meta-bicycles-sample');
const irc = [join(SHARED, 'irc-ubuntu-disentanglement', 'dev'), join(SHARED, 'irc-ubuntu-disentanglement', 'test')]
  .flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.raw.txt'))
      .map((f) => join(d, f)),
  )
  .sort();

await measure('readMbox (headers)', 'linux-man 2023 (gzip, 24.6 MB)', () => readMbox(linuxMan), [linuxMan]);
await measure('readMbox (headers + text)', 'linux-man 2023', () => readMbox(linuxMan, { text: true }), [linuxMan]);
await measure('readMbox (headers)', 'usrp-users 2020–22 (gzip, 25.2 MB)', () => readMbox(usrp), [usrp]);
await measure('readMbox (headers + text)', 'usrp-users 2020–22', () => readMbox(usrp, { text: true }), [usrp]);
await measure(
  'readStackExchange (+ comments)',
  'Bicycles Meta dump (Posts, Comments, Users)',
  () => readStackExchange(se),
  ['Posts.xml.gz', 'Comments.xml.gz', 'Users.xml.gz'].map((f) => join(se, f)),
);
await measure(
  'readChatLog',
  '#ubuntu, 20 annotated files',
  () => ({
    async *batches() {
      for (const f of irc) yield* readChatLog(f).batches();
    },
  }),
  irc,
);
const slackDir = syntheticSlack(join(DATA_DIR, `slack-${DRY ? 'dry' : 'full'}`), DRY ? 5 : 200, DRY ? 200 : 2000);
await measure(
  'readSlackExport',
  `synthetic export (${DRY ? '5 days × 200' : '200 days × 2,000'} messages)`,
  () => readSlackExport(slackDir),
  filesUnder(slackDir),
);
const vivaPath = await syntheticViva(join(DATA_DIR, `viva-${DRY ? 'dry' : 'full'}.csv`), DRY ? 10_000 : 1_000_000);
await measure('readVivaP2P', `synthetic P2P query (${DRY ? '10k' : '1M'} rows)`, () => readVivaP2P(vivaPath), [
  vivaPath,
]);

// postal-mime on the real archives (every message parsed, as a full MIME parser does)
const peerRows = [];
for (const [name, path] of [
  ['linux-man 2023', linuxMan],
  ['usrp-users 2020–22', usrp],
]) {
  await count(readMbox(path, { text: true }));
  const ours = await time(() => count(readMbox(path, { text: true })), RUNS);
  const peer = await time(async () => {
    let n = 0;
    for await (const raw of rawMessages(path)) {
      await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
      n++;
    }
    return n;
  }, RUNS);
  peerRows.push([
    name,
    `${Math.round(ours.result / ours.seconds).toLocaleString('en-US')}`,
    `${Math.round(peer.result / peer.seconds).toLocaleString('en-US')}`,
    `${fmt(peer.seconds / ours.seconds, 1)}×`,
  ]);
}

// --- synthetic 1 GiB mbox, one child process per reading (peak RSS) ------------------------------------------
const bigPath = await syntheticMbox(join(DATA_DIR, `synthetic-${DRY ? 'dry' : '1g'}.mbox`), MBOX_BYTES);
const bigBytes = statSync(bigPath).size;
const child = (mode) => {
  const r = spawnSync(process.execPath, [new URL(import.meta.url).pathname, '--child', bigPath, mode], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop());
};
const big = { floor: child('floor'), headers: child('headers'), text: child('text') };
big.peer = child('postal-mime');
const bigRows = [
  ['read the bytes, no parsing (floor)', big.floor],
  ['readMbox: headers only', big.headers],
  ['readMbox: headers + first text/plain part', big.text],
  ['postal-mime: parse every message (split on From_ lines)', big.peer],
].map(([what, r]) => [
  what,
  r.messages ? r.messages.toLocaleString('en-US') : '—',
  fmt(r.seconds, 2),
  r.messages ? Math.round(r.messages / r.seconds).toLocaleString('en-US') : '—',
  fmt(bigBytes / 2 ** 20 / r.seconds, 1),
  fmt(r.maxRssMB, 0),
]);

writeResults('readers', 'Readers benchmark: messages/s per reader, next to reading the same bytes', [
  `Medians of ${RUNS} run(s). "Floor" reads the same bytes (gunzipped where the input is gzip) without parsing; MB/s are of the uncompressed bytes. Slack and Viva inputs are synthetic (no real export is available here), generated by this script.`,
  '## Real data',
  table(
    ['reader', 'input', 'messages', 'seconds', 'messages/s', 'MB/s', 'floor MB/s', 'share of the floor rate'],
    rows,
  ),
  '## readMbox next to postal-mime on the real archives (messages/s, text extracted)',
  table(['archive', 'readMbox (text: true)', 'postal-mime', 'postal-mime time ÷ readMbox time'], peerRows),
  `## Synthetic mbox: ${fmt(bigBytes / 2 ** 30, 2)} GiB, ${big.headers.messages.toLocaleString('en-US')} messages (1 in 10 with a 48 KiB base64 attachment), one run each in a fresh process`,
  table(['what', 'messages', 'seconds', 'messages/s', 'MB/s', 'peak RSS (MB)'], bigRows),
]);
