import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError, InputError } from '../../../src/errors.js';
import { csvRows } from '../../../src/log/csv.js';
import { readMbox } from '../../../src/log/mail/mbox.js';
import { dataPath } from '../../data-path.js';
import { collect } from '../helpers.js';
import { expectAccounting, repeatChunks, streamedHeapGrowth, tempDir } from './support.js';

const { file } = tempDir('pg-mbox-');

const THREAD = `From ada@example.org Mon Jan  2 10:00:00 2023
From: Ada Lovelace <Ada@Example.org>
To: dev@lists.example.org
Cc: "Babbage, Charles" <charles@example.org>, undisclosed:;
Subject: =?UTF-8?Q?Na=C3=AFve?= question
 about engines
Date: Mon, 2 Jan 2023 10:00:00 +0100
Message-ID: <root@example.org>
List-Id: Developers <dev.lists.example.org>

How do I compute Bernoulli numbers?

From charles@example.org Mon Jan  2 11:00:00 2023
From: Charles via Dev <dev@lists.example.org>
Reply-To: Charles Babbage <charles@example.org>
To: Dev <dev@lists.example.org>
Date: Mon, 2 Jan 2023 11:00:00 +0100
Message-ID: <reply1@example.org>
In-Reply-To: <root@example.org>
References: <root@example.org>
List-Id: Developers <dev.lists.example.org>
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: multipart/alternative; boundary=b2

--b2
Content-Type: text/html; charset=utf-8

<p>ignored</p>
--b2
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

Use the engine, na=EFve friend. A soft=
 break.
>From the notes.
--b2--
--b1
Content-Type: application/octet-stream; name=engine.bin
Content-Disposition: attachment; filename=engine.bin
Content-Transfer-Encoding: base64

AAECAwQFBgcICQ==
--b1--

From grace@example.org Mon Jan  2 12:00:00 2023
From: Grace via Dev <dev@lists.example.org>
To: dev@lists.example.org
Date: Mon, 2 Jan 2023 12:00:00 GMT
Message-ID: <reply2@example.org>
References: <root@example.org> <reply1@example.org>
List-Id: <dev.lists.example.org>
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: base64

VGhhbmtzLCB0aGF0IHdvcmtlZCEg4pyT

`;

describe('readMbox', () => {
  it('reads headers, lists, munged senders, threads and (when asked) the first text/plain part', async () => {
    const log = readMbox({ text: THREAD }, { text: true });
    const [root, reply1, reply2] = await collect(log);
    expect(root).toEqual({
      id: 'root@example.org',
      sender: 'ada@example.org',
      recipients: [],
      cc: ['charles@example.org'],
      mentions: [],
      timestamp: Date.parse('2023-01-02T09:00:00Z'),
      channel: 'dev@lists.example.org',
      subject: 'Naïve question about engines',
      text: 'How do I compute Bernoulli numbers?\n\n',
    });
    expect(reply1).toMatchObject({
      sender: 'charles@example.org',
      recipients: [],
      replyTo: 'root@example.org',
      threadId: 'root@example.org',
      channel: 'dev@lists.example.org',
      text: 'Use the engine, naïve friend. A soft break.\nFrom the notes.',
    });
    // no Reply-To: the display name before "via" is the best id there is, and the case is counted
    expect(reply2).toMatchObject({ sender: 'Grace', replyTo: 'reply1@example.org', threadId: 'root@example.org' });
    expect(reply2?.text).toBe('Thanks, that worked! ✓');
    expect(log.stats.notes).toContain('1 messages sent "via" the list: author taken from Reply-To / X-Original-From');
    expect(log.stats.notes.some((n) => n.startsWith('1 messages sent "via" the list without'))).toBe(true);
    expectAccounting(log.stats);
  });

  it('leaves bodies alone unless text is asked for', async () => {
    const messages = await collect(readMbox({ text: THREAD }));
    expect(messages.every((m) => m.text === undefined)).toBe(true);
  });

  it('gives the same messages whatever the chunking, for LF, CRLF and gzip input', async () => {
    const whole = await collect(readMbox({ text: THREAD }, { text: true }));
    const bytes = Buffer.from(THREAD);
    for (const size of [1, 5, 7, 64]) {
      const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
        bytes.subarray(i * size, (i + 1) * size),
      );
      expect(await collect(readMbox(Readable.from(chunks), { text: true }))).toEqual(whole);
    }
    const crlf = await collect(readMbox({ text: THREAD.replace(/\n/g, '\r\n') }, { text: true }));
    expect(crlf.map((m) => [m.id, m.sender, m.subject, m.text?.trim()])).toEqual(
      whole.map((m) => [m.id, m.sender, m.subject, m.text?.trim()]),
    );
    expect(await collect(readMbox(file('t.mbox.gz', gzipSync(THREAD)), { text: true }))).toEqual(whole);
  });

  it('splits any mbox into the same messages whatever the chunking, LF or CRLF (property)', async () => {
    const line = fc.stringMatching(/^[a-z >.:?-]{0,30}$/).map((l) => (l.startsWith('From ') ? `>${l}` : l));
    const mail = fc.record({ body: fc.array(line, { maxLength: 6 }), cc: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(
        fc.array(mail, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        async (mails, size, crlf) => {
          let text = mails
            .map(
              (m, i) =>
                `From p${i}@x.org Mon Jan  2 10:00:00 2023\nFrom: p${i}@x.org\n${m.cc ? 'Cc: q@x.org\n' : ''}Message-ID: <m${i}@x>\n\n${m.body.join('\n')}\n`,
            )
            .join('\n');
          if (crlf) text = text.replace(/\n/g, '\r\n');
          const bytes = Buffer.from(text);
          const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
            bytes.subarray(i * size, (i + 1) * size),
          );
          const messages = await collect(readMbox(Readable.from(chunks), { text: true }));
          expect(messages.map((m) => m.id)).toEqual(mails.map((_, i) => `m${i}@x`));
          expect(messages.map((m) => m.cc.length)).toEqual(mails.map((m) => (m.cc ? 1 : 0)));
          messages.forEach((m, i) => {
            const body = (mails[i]?.body ?? []).join('\n').replace(/^>From /gm, 'From ');
            expect(m.text?.replace(/\r\n/g, '\n').trim()).toBe(body.trim());
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads a single .eml message (no From_ line)', async () => {
    const eml = THREAD.split('\n\nFrom charles')[0]?.split('\n').slice(1).join('\n') ?? '';
    const [m] = await collect(readMbox(file('one.eml', eml)));
    expect(m).toMatchObject({ id: 'root@example.org', sender: 'ada@example.org' });
  });

  describe('malformed input', () => {
    it('rejects a message cut off inside its header (truncated file), and counts', async () => {
      const cut = THREAD.slice(0, THREAD.indexOf('Message-ID: <reply2') + 12);
      const log = readMbox({ text: cut });
      const messages = await collect(log);
      expect(messages.map((m) => m.id)).toEqual(['root@example.org', 'reply1@example.org']);
      expect(log.stats.rejects[0]).toMatchObject({ row: 3, code: 'MALFORMED_INPUT' });
      expectAccounting(log.stats);
    });

    it('throws MALFORMED_INPUT on a truncated gzip file', async () => {
      const gz = gzipSync(THREAD.repeat(50));
      const path = file('cut.mbox.gz', gz.subarray(0, Math.floor(gz.length / 2)));
      await expect(collect(readMbox(path))).rejects.toMatchObject({ code: 'MALFORMED_INPUT' });
    });

    it('reads header bytes that are not UTF-8 as windows-1252 and says so', async () => {
      const latin = Buffer.concat([
        Buffer.from('From x Mon Jan  2 10:00:00 2023\nFrom: Ren'),
        Buffer.from([0xe9]),
        Buffer.from(' <rene@example.org>\nSubject: caf'),
        Buffer.from([0xe9]),
        Buffer.from('\nDate: Mon, 2 Jan 2023 10:00:00 +0000\n\nbody\n'),
      ]);
      const log = readMbox(Readable.from([latin]));
      const [m] = await collect(log);
      expect(m).toMatchObject({ sender: 'rene@example.org', subject: 'café' });
      expect(log.stats.notes).toContain('1 header blocks were not UTF-8 and were read as windows-1252');
    });

    it('rejects messages without From, with an unreadable From or Date, or without any header', async () => {
      const text = [
        'From a Mon Jan  2 10:00:00 2023\nTo: b@x.org\nSubject: no sender\n\nhi\n',
        'From a Mon Jan  2 10:00:00 2023\nFrom: nobody at all\n\nhi\n',
        'From a Mon Jan  2 10:00:00 2023\nFrom: a@x.org\nDate: someday\n\nhi\n',
        'From a Mon Jan  2 10:00:00 2023\nthis is not a header\n\nhi\n',
        'From a Mon Jan  2 10:00:00 2023\nFrom: a@x.org\nTo: b@x.org\n\nfine, without a date\n',
      ].join('\n');
      const log = readMbox({ text });
      const messages = await collect(log);
      expect(messages).toHaveLength(1);
      expect(log.stats.rejects.map((r) => [r.row, r.code, r.field])).toEqual([
        [1, 'MISSING_FIELD', 'From'],
        [2, 'INVALID_FIELD', 'From'],
        [3, 'INVALID_TIMESTAMP', 'Date'],
        [4, 'MISSING_HEADER', undefined],
      ]);
      expect(log.stats.notes).toContain('1 messages had no Date (no timestamp)');
      expectAccounting(log.stats);
      await expect(collect(readMbox({ text }, { strict: true }))).rejects.toBeInstanceOf(InputError);
    });

    it('throws EMPTY_INPUT on an empty file and FILE_NOT_FOUND on a missing one', async () => {
      await expect(collect(readMbox(file('empty.mbox', '')))).rejects.toMatchObject({ code: 'EMPTY_INPUT' });
      await expect(collect(readMbox(file('blank.mbox', '\n\n')))).rejects.toBeInstanceOf(FormatError);
      await expect(collect(readMbox('/nonexistent/x.mbox'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    });
  });

  it('streams a large mbox with flat memory (bodies with attachments are never held)', async () => {
    const attachment = 'QUJD'.repeat(19).concat('\n').repeat(30); // ~2.3 KB base64 body per message
    const make = (i: number) =>
      `From p${i % 97}@x.org Mon Jan  2 10:00:00 2023\nFrom: p${i % 97}@x.org\nTo: p${(i * 7) % 97}@x.org\n` +
      `Date: Mon, 2 Jan 2023 10:00:00 +0000\nMessage-ID: <m${i}@x.org>\n\n${attachment}\n`;
    const total = 128 * 2 ** 20;
    const { messages, growthMB, driftMB, samples } = await streamedHeapGrowth(
      readMbox(Readable.from(repeatChunks(total, make))),
    );
    expect(messages).toBeGreaterThan(50_000);
    expect(samples).toBeGreaterThanOrEqual(6);
    expect(driftMB).toBeLessThan(6);
    expect(growthMB).toBeLessThan(48);
  });
});

describe('readMbox on the shared mailing-list archives', () => {
  async function headerRows(folder: string): Promise<Record<string, string>[]> {
    const rows: Record<string, string>[] = [];
    let header: string[] | undefined;
    for await (const cells of csvRows(dataPath(folder, 'messages_headers.csv.gz'))) {
      if (!header) header = cells;
      else rows.push(Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
    }
    return rows;
  }
  const bare = (ids: string) => /<([^<>]+)>/.exec(ids)?.[1] ?? ids;

  it('usrp-users 2020–2022: every author de-munged as in the archive CSV (551 authors), list = channel', async () => {
    const log = readMbox(dataPath('mailing-list-usrp-users-2020-2022', 'messages.mbox.gz'));
    const messages = await collect(log);
    const rows = await headerRows('mailing-list-usrp-users-2020-2022');
    expect(messages).toHaveLength(6107);
    expect(rows).toHaveLength(6107);
    messages.forEach((m, i) => {
      const row = rows[i] as Record<string, string>;
      expect(m.id).toBe(bare(row.message_id as string));
      expect(m.sender).toBe(row.author_addr);
      if (row.in_reply_to) expect(m.replyTo).toBe(bare(row.in_reply_to));
    });
    expect(new Set(messages.map((m) => m.sender)).size).toBe(551);
    expect(messages.every((m) => m.channel === 'usrp-users@lists.ettus.com')).toBe(true);
    expect(messages.some((m) => m.recipients.includes('usrp-users@lists.ettus.com'))).toBe(false);
    expect(messages.filter((m) => m.replyTo !== undefined).length).toBeGreaterThanOrEqual(4643);
    expectAccounting(log.stats);
  });

  it('linux-man 2023: 3,114 messages, one spam From rejected, the maintainer on top', async () => {
    const log = readMbox(dataPath('mailing-list-linux-man-2023', 'messages.mbox.gz'));
    const messages = await collect(log);
    expect(log.stats).toMatchObject({ read: 3114, accepted: 3113, rejected: 1 });
    expect(log.stats.rejects[0]).toMatchObject({ code: 'INVALID_FIELD', field: 'From' });
    const rows = await headerRows('mailing-list-linux-man-2023');
    const byId = new Map(rows.map((r) => [bare(r.message_id as string), r]));
    for (const m of messages) expect(m.sender).toBe(byId.get(m.id)?.author_addr);
    const counts = new Map<string, number>();
    for (const m of messages) counts.set(m.sender, (counts.get(m.sender) ?? 0) + 1);
    expect(counts.get('alx.manpages@gmail.com')).toBe(583);
    expect(counts.get('alx@kernel.org')).toBe(575);
    expect(new Set(messages.map((m) => m.channel))).toEqual(new Set(['linux-man@vger.kernel.org']));
    expectAccounting(log.stats);
  });
});
