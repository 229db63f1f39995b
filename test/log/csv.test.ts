import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FormatError, InputError, OptionError } from '../../src/errors.js';
import { type CsvReadOptions, readCsv as readCsvWith, sniffDelimiter } from '../../src/log/csv.js';
import type { LogSource } from '../../src/log/source.js';
import { repoPath } from '../data-path.js';
import { collect } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'pg-csv-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

describe.each(['papaparse', 'fast-csv'] as const)('readCsv with engine %s', (engine) => {
  const readCsv = (source: LogSource, options: CsvReadOptions = {}) => readCsvWith(source, { engine, ...options });

  it('reads a stream cut in tiny chunks (quoted newlines, multi-byte UTF-8 across boundaries) like one string', async () => {
    const text = 'from,to,subject\nzoë@x.org,bob@x.org,"naïve\nsubject, with ✓"\r\nbob@x.org,zoë@x.org,plain\r\n';
    const bytes = Buffer.from(text);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const whole = await collect(readCsv({ text }));
    const cut = await collect(readCsv(Readable.from(chunks)));
    expect(cut.map((m) => [m.sender, m.subject])).toEqual(whole.map((m) => [m.sender, m.subject]));
    expect(whole.map((m) => m.subject)).toEqual(['naïve\nsubject, with ✓', 'plain']);
  });

  describe('readCsv(source) sources', () => {
    it('reads a path, a stream, a string and gzip the same way', async () => {
      const text = 'from,to,date\nada@x.org,bob@x.org,2024-01-02 10:00:00\n';
      const expected = [
        {
          id: expect.stringMatching(/#1$/),
          sender: 'ada@x.org',
          recipients: ['bob@x.org'],
          cc: [],
          mentions: [],
          timestamp: Date.parse('2024-01-02T10:00:00Z'),
        },
      ];
      expect(await collect(readCsv({ text }))).toEqual(expected);
      expect(await collect(readCsv(file('a.csv', text)))).toEqual(expected);
      expect(await collect(readCsv(Readable.from([Buffer.from(text)])))).toEqual(expected);
      expect(await collect(readCsv(file('a.csv.gz', gzipSync(text))))).toEqual(expected);
      // gzip is detected by content, not by name
      expect(await collect(readCsv(file('b.csv', gzipSync(text))))).toEqual(expected);
    });

    it('a log over a path can be iterated twice; over a stream only once', async () => {
      const path = file('twice.csv', 'from,to\na,b\n');
      const log = readCsv(path);
      expect((await collect(log)).length).toBe(1);
      expect((await collect(log)).length).toBe(1);
      expect(log.stats.read).toBe(1);
      const streamed = readCsv(Readable.from(['from,to\na,b\n']));
      await collect(streamed);
      await expect(collect(streamed)).rejects.toThrow(/already consumed/);
    });

    it('a missing file is a FormatError FILE_NOT_FOUND naming the path', async () => {
      await expect(collect(readCsv(join(tmp, 'nope.csv')))).rejects.toMatchObject({
        code: 'FILE_NOT_FOUND',
        location: { file: join(tmp, 'nope.csv') },
      });
    });
  });

  describe('readCsv(source, { columns, headers })', () => {
    it('auto-detects common header names', async () => {
      const [m] = await collect(
        readCsv({
          text:
            'Message-ID,Date,From,To,CC,BCC,Subject,Thread,In-Reply-To,Channel,Mentions,Tags,Body\n' +
            'm2,2024-01-02T10:00:00Z,Ada@X.org,bob@x.org;cy@x.org,dee@x.org,eve@x.org,Hi,t1,m1,#eng,fay,Build;CI,hello\n',
        }),
      );
      expect(m).toEqual({
        id: 'm2',
        timestamp: Date.parse('2024-01-02T10:00:00Z'),
        sender: 'ada@x.org',
        recipients: ['bob@x.org', 'cy@x.org'],
        cc: ['dee@x.org'],
        bcc: ['eve@x.org'],
        subject: 'Hi',
        threadId: 't1',
        replyTo: 'm1',
        channel: '#eng',
        mentions: ['fay'],
        tags: ['build', 'ci'],
        text: 'hello',
      });
    });

    it('maps columns explicitly and reports unknown columns in notes', async () => {
      const log = readCsv(
        { text: 'who,whom,when,extra\na,b,1700000000,z\n' },
        {
          columns: { sender: 'who', recipients: 'whom', timestamp: 'when' },
        },
      );
      const [m] = await collect(log);
      expect(m).toMatchObject({ sender: 'a', recipients: ['b'], timestamp: 1_700_000_000_000 });
      expect(log.stats.notes).toContain('columns not used: extra');
    });

    it('throws OptionError for a mapped column that is not in the header, or an unknown field', async () => {
      await expect(collect(readCsv({ text: 'a,b\n1,2\n' }, { columns: { sender: 'From' } }))).rejects.toThrow(
        OptionError,
      );
      await expect(collect(readCsv({ text: 'a,b\n1,2\n' }, { columns: { author: 'a' } as never }))).rejects.toThrow(
        /unknown message field `author`/,
      );
    });

    it('reads headerless files by column index (default sender, recipient, timestamp)', async () => {
      const msgs = await collect(readCsv({ text: '1 2 1082008387\n3 4 1082008400\n' }, { headers: false }));
      expect(msgs.map((m) => [m.sender, m.recipients[0], m.timestamp])).toEqual([
        ['1', '2', 1082008387000],
        ['3', '4', 1082008400000],
      ]);
      const mapped = await collect(
        readCsv({ text: 'x;b;a\n' }, { headers: false, delimiter: ';', columns: { sender: 2, recipients: 1 } }),
      );
      expect(mapped[0]).toMatchObject({ sender: 'a', recipients: ['b'] });
    });

    it('a header without a sender column is MISSING_HEADER with a hint', async () => {
      const err = await collect(readCsv({ text: 'alice,bob\ncarol,dan\n' })).catch((e) => e);
      expect(err).toBeInstanceOf(FormatError);
      expect(err.code).toBe('MISSING_HEADER');
      expect(err.message).toMatch(/headers: false/);
    });
  });

  describe('readCsv(source, { delimiter, listSeparator })', () => {
    it('sniffs , ; tab and |', () => {
      expect(sniffDelimiter('a,b,c')).toBe(',');
      expect(sniffDelimiter('a;b;c')).toBe(';');
      expect(sniffDelimiter('a\tb\tc')).toBe('\t');
      expect(sniffDelimiter('"x,y";b;c')).toBe(';');
    });

    it('reads semicolon and tab files; lists split on , when the delimiter is ;', async () => {
      const semi = await collect(readCsv({ text: 'from;to\na;b,c\n' }));
      expect(semi[0]?.recipients).toEqual(['b', 'c']);
      const tab = await collect(readCsv({ text: 'from\tto\na\tb;c\n' }, { delimiter: '\t' }));
      expect(tab[0]?.recipients).toEqual(['b', 'c']);
      const custom = await collect(readCsv({ text: 'from,to\na,b|c\n' }, { listSeparator: '|' }));
      expect(custom[0]?.recipients).toEqual(['b', 'c']);
    });

    it('rejects a delimiter longer than one character', async () => {
      await expect(collect(readCsv({ text: 'a,b\n' }, { delimiter: '::' }))).rejects.toThrow(/`delimiter`/);
    });
  });

  describe('readCsv(source, { layout })', () => {
    it("'recipient' layout groups consecutive rows by message id and routes to/cc/bcc", async () => {
      const text = 'id,from,to,type\nm1,a,b,to\nm1,a,c,cc\nm1,a,c,bcc\nm2,a,b,to\n';
      const log = readCsv({ text }, { columns: { recipientType: 'type' } });
      const msgs = await collect(log);
      expect(msgs).toHaveLength(2);
      expect(msgs[0]).toMatchObject({ id: 'm1', recipients: ['b'], cc: ['c'], bcc: ['c'] });
      expect(log.stats).toMatchObject({ read: 4, accepted: 4, rejected: 0, messages: 2 });
      expect(log.stats.notes.some((n) => n.includes('layout recipient'))).toBe(true);
    });

    it('without an id column, groups by (sender, timestamp)', async () => {
      const text =
        'from,to,time\na,b,2001-01-01 10:00:00\na,c,2001-01-01 10:00:00\na,b,2001-01-01 11:00:00\nz,b,2001-01-01 11:00:00\n';
      const msgs = await collect(readCsv({ text }, { layout: 'recipient' }));
      expect(msgs.map((m) => [m.sender, m.recipients])).toEqual([
        ['a', ['b', 'c']],
        ['a', ['b']],
        ['z', ['b']],
      ]);
    });

    it('rejects an unknown recipient type', async () => {
      const log = readCsv({ text: 'from,to,reciptype\na,b,fwd\na,c,to\n' });
      const msgs = await collect(log);
      expect(msgs).toHaveLength(1);
      expect(log.stats.rejects[0]).toMatchObject({ row: 1, field: 'recipientType', code: 'INVALID_FIELD' });
    });

    it('rejects an unknown layout name', () => {
      expect(() => readCsv({ text: '' }, { layout: 'rows' as never })).toThrow(OptionError);
    });
  });

  describe('readCsv bad input', () => {
    it('an empty file is EMPTY_INPUT', async () => {
      await expect(collect(readCsv(file('empty.csv', '')))).rejects.toMatchObject({ code: 'EMPTY_INPUT' });
      await expect(collect(readCsv({ text: '  \n\n' }))).rejects.toMatchObject({ code: 'EMPTY_INPUT' });
    });

    it('a header-only file yields nothing, with a note', async () => {
      const log = readCsv({ text: 'from,to\n' });
      expect(await collect(log)).toEqual([]);
      expect(log.stats.read).toBe(0);
    });

    it('strips a UTF-8 BOM and reads CRLF and \\r\\r\\n line ends', async () => {
      const bom = await collect(readCsv({ text: '\uFEFFfrom,to\r\na,b\r\nc,d\r\n' }));
      expect(bom.map((m) => m.sender)).toEqual(['a', 'c']);
      const odd = await collect(readCsv({ text: '0\t1\r\r\n2\t3\r\r\n4\t5' }, { headers: false }));
      expect(odd.map((m) => [m.sender, m.recipients[0]])).toEqual([
        ['0', '1'],
        ['2', '3'],
        ['4', '5'],
      ]);
    });

    it('keeps quoted newlines and delimiters inside a cell; row numbers count data rows', async () => {
      const log = readCsv({ text: 'from,to,subject\na,b,"line1\nline2, still"\n,c,x\n' });
      const msgs = await collect(log);
      expect(msgs[0]?.subject).toBe('line1\nline2, still');
      expect(log.stats.rejects[0]).toMatchObject({ row: 2, field: 'sender', code: 'MISSING_FIELD' });
    });

    it('an unterminated quote is MALFORMED_INPUT with a location', async () => {
      const err = await collect(readCsv({ text: 'from,to\na,b\n"c,d\n' })).catch((e) => e);
      expect(err).toBeInstanceOf(FormatError);
      expect(err.code).toBe('MALFORMED_INPUT');
      expect(err.message).toMatch(/unterminated quote/);
    });

    it('a truncated gzip file is MALFORMED_INPUT', async () => {
      const rows = Array.from({ length: 10_000 }, (_, i) => `p${i},q${(i * 7919) % 10_007}`).join('\n');
      const gz = gzipSync(`from,to\n${rows}\n`);
      const err = await collect(readCsv(file('cut.csv.gz', gz.subarray(0, Math.floor(gz.length / 2))))).catch((e) => e);
      expect(err).toBeInstanceOf(FormatError);
      expect(err.code).toBe('MALFORMED_INPUT');
    });

    it('unparseable dates reject the row (lenient) or throw naming file, row and field (strict)', async () => {
      const text = 'from,to,date\na,b,2024-01-01\na,c,yesterday\na,d,2024-01-02\n';
      const log = readCsv({ text, name: 'x.csv' });
      expect((await collect(log)).map((m) => m.recipients[0])).toEqual(['b', 'd']);
      expect(log.stats).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
      expect(log.stats.rejects[0]).toMatchObject({
        row: 2,
        field: 'timestamp',
        code: 'INVALID_TIMESTAMP',
        raw: 'a,c,yesterday',
      });
      const err = await collect(readCsv({ text, name: 'x.csv' }, { strict: true })).catch((e) => e);
      expect(err).toBeInstanceOf(InputError);
      expect(err.location).toEqual({ file: 'x.csv', row: 2, field: 'timestamp' });
      expect(err.message).toMatch(/x\.csv, row 2, field `timestamp`/);
    });

    it('a row with more cells than the header is rejected', async () => {
      const log = readCsv({ text: 'from,to\na,b,c\nd,e\n' });
      expect((await collect(log)).length).toBe(1);
      expect(log.stats.rejects[0]?.reason).toMatch(/3 cells but the header has 2/);
    });

    it('huge fields: a 2 MB cell rejects its row by default, and is read with a larger maxFieldLength', async () => {
      const big = 'x'.repeat(2_000_000);
      const text = `from,to,text\na,b,${big}\nc,d,ok\n`;
      const log = readCsv({ text });
      expect((await collect(log)).map((m) => m.sender)).toEqual(['c']);
      expect(log.stats.rejects[0]).toMatchObject({ field: 'text', code: 'INVALID_FIELD' });
      expect(log.stats.rejects[0]?.raw.length).toBeLessThanOrEqual(200);
      const roomy = await collect(readCsv({ text }, { maxFieldLength: 3_000_000 }));
      expect(roomy[0]?.text?.length).toBe(2_000_000);
    });

    it('invalid weight and kind values are rejected with the field', async () => {
      const log = readCsv({ text: 'from,to,weight,kind\na,b,-1,\na,b,2,question\na,b,1,rant\n' });
      const msgs = await collect(log);
      expect(msgs).toHaveLength(1);
      expect(msgs[0]).toMatchObject({ weight: 2, kind: 'question' });
      expect(log.stats.rejects.map((r) => r.field)).toEqual(['weight', 'kind']);
    });

    it('keeps the first maxRejects rejects, counts all, and calls onReject for each', async () => {
      const seen: number[] = [];
      const text = `from,to\n${',x\n'.repeat(30)}a,b\n`;
      const log = readCsv({ text }, { maxRejects: 5, onReject: (r) => seen.push(r.row) });
      await collect(log);
      expect(log.stats).toMatchObject({ read: 31, accepted: 1, rejected: 30, rejectsOmitted: 25 });
      expect(log.stats.rejects).toHaveLength(5);
      expect(seen).toHaveLength(30);
    });
  });

  describe('readCsv(source, { timeZone, unit })', () => {
    it('reads local times in the given zone and bare numbers in the given unit', async () => {
      const [paris] = await collect(
        readCsv({ text: 'from,to,date\na,b,2024-07-01 12:00:00\n' }, { timeZone: 'Europe/Paris' }),
      );
      expect(paris?.timestamp).toBe(Date.parse('2024-07-01T10:00:00Z'));
      const [ms] = await collect(readCsv({ text: 'from,to,ts\na,b,1700000000\n' }, { unit: 'ms' }));
      expect(ms?.timestamp).toBe(1_700_000_000);
      await expect(collect(readCsv({ text: 'from,to\na,b\n' }, { timeZone: 'Nowhere/Land' }))).rejects.toThrow(
        /timeZone/,
      );
    });
  });

  describe('readCsv identity hygiene', () => {
    it('trims ids, lower-cases e-mail addresses, strips <…>, applies aliases', async () => {
      const [m] = await collect(
        readCsv(
          { text: 'from,to\n  Ada@Example.ORG ,<Bob@X.org>;Carol;ada.l@example.org\n' },
          {
            aliases: { 'ada.l@example.org': 'ada@example.org', Carol: 'carol@x.org' },
          },
        ),
      );
      // ada.l is an alias of the sender herself: it becomes a self-recipient, which the graph stage drops
      expect(m).toMatchObject({
        sender: 'ada@example.org',
        recipients: ['bob@x.org', 'carol@x.org', 'ada@example.org'],
      });
    });
  });

  describe('readCsv on the shared fixtures', () => {
    it('reads fixtures/logs/small.csv', async () => {
      const log = readCsv(repoPath('fixtures', 'logs', 'small.csv'));
      const msgs = await collect(log);
      expect(msgs).toHaveLength(6);
      expect(msgs[1]).toMatchObject({ id: 'm2', replyTo: 'm1', cc: ['cy@example.org'], subject: 'Re: Kick-off' });
      expect(log.stats).toMatchObject({ read: 6, accepted: 6, rejected: 0, messages: 6 });
    });
  });
});
