import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FormatError, InputError } from '../../src/errors.js';
import { readJson, readNdjson } from '../../src/log/json.js';
import { detectFormat, readLog } from '../../src/log/read.js';
import { collect } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'pg-json-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

describe('readNdjson', () => {
  it('reads one object per line with the CSV field names, arrays or strings for lists', async () => {
    const text =
      '{"id":"1","from":"a","to":["b","c"],"ts":1700000000}\n\n' +
      '{"id":"2","sender":"b","recipients":"a;c","timestamp":"2023-11-14T22:13:20Z","reply_to":"1"}\n';
    const log = readNdjson({ text });
    const msgs = await collect(log);
    expect(msgs).toEqual([
      { id: '1', sender: 'a', recipients: ['b', 'c'], cc: [], mentions: [], timestamp: 1_700_000_000_000 },
      {
        id: '2',
        sender: 'b',
        recipients: ['a', 'c'],
        cc: [],
        mentions: [],
        timestamp: 1_700_000_000_000,
        replyTo: '1',
      },
    ]);
    expect(log.stats).toMatchObject({ format: 'ndjson', read: 2, accepted: 2, rejected: 0, messages: 2 });
  });

  it('rejects lines that are not JSON objects, with the line number', async () => {
    const log = readNdjson({ text: '{"from":"a","to":"b"}\n{broken\n[1,2]\n{"to":"b"}\n' });
    expect(await collect(log)).toHaveLength(1);
    expect(log.stats.rejects.map((r) => [r.row, r.code])).toEqual([
      [2, 'MALFORMED_INPUT'],
      [3, 'INVALID_INPUT'],
      [4, 'MISSING_FIELD'],
    ]);
    await expect(collect(readNdjson({ text: '{broken\n' }, { strict: true }))).rejects.toBeInstanceOf(InputError);
  });

  it('maps keys explicitly', async () => {
    const [m] = await collect(
      readNdjson({ text: '{"who":"a","whom":"b"}\n' }, { columns: { sender: 'who', recipients: 'whom' } }),
    );
    expect(m).toMatchObject({ sender: 'a', recipients: ['b'] });
  });
});

describe('readJson', () => {
  it('streams the items of a top-level array, also gzipped', async () => {
    const text = JSON.stringify([
      { from: 'a', to: 'b', date: '2024-01-01' },
      { from: 'b', to: ['a'], cc: ['c'] },
    ]);
    for (const source of [{ text }, file('log.json.gz', gzipSync(text))]) {
      const log = readJson(source);
      const msgs = await collect(log);
      expect(msgs.map((m) => [m.sender, m.recipients, m.cc])).toEqual([
        ['a', ['b'], []],
        ['b', ['a'], ['c']],
      ]);
      expect(log.stats).toMatchObject({ format: 'json', read: 2, accepted: 2 });
    }
  });

  it('reads the array at `path`', async () => {
    const msgs = await collect(
      readJson({ text: '{"messages":[{"from":"a","to":"b"}],"n":1}' }, { path: '$.messages.*' }),
    );
    expect(msgs).toHaveLength(1);
  });

  it('broken JSON is MALFORMED_INPUT; a JSON that is not a list of messages rejects its items', async () => {
    const err = await collect(readJson({ text: '[{"from":"a","to":"b"},{"from":' })).catch((e) => e);
    expect(err).toBeInstanceOf(FormatError);
    expect(err.code).toBe('MALFORMED_INPUT');
    const log = readJson({ text: '{"team":"x","size":3}' });
    expect(await collect(log)).toEqual([]);
    expect(log.stats).toMatchObject({ read: 2, rejected: 2 });
    await expect(collect(readJson({ text: '' }))).rejects.toMatchObject({ code: 'EMPTY_INPUT' });
  });
});

describe('readLog / detectFormat', () => {
  it('detects csv, ndjson and json by extension (through .gz) and by content', () => {
    expect(detectFormat(file('a.csv', 'from,to\na,b\n'))).toBe('csv');
    expect(detectFormat(file('a.tsv.gz', gzipSync('from\tto\n')))).toBe('csv');
    expect(detectFormat(file('a.jsonl', '{}\n'))).toBe('ndjson');
    expect(detectFormat(file('a.json', '[]'))).toBe('json');
    expect(detectFormat(file('noext', '[{"from":"a"}]'))).toBe('json');
    expect(detectFormat(file('noext2', '{"from":"a"}\n'))).toBe('ndjson');
    expect(detectFormat(file('noext3.gz', gzipSync('from,to\na,b\n')))).toBe('csv');
    expect(() => detectFormat(file('blob', 'hello'))).toThrow(/cannot tell the format/);
    expect(() => detectFormat(join(tmp, 'missing'))).toThrow(/cannot open/);
  });

  it('readLog picks the reader and honours `format`', async () => {
    expect(readLog(file('b.jsonl', '{"from":"a","to":"b"}\n')).format).toBe('ndjson');
    expect(readLog({ text: '[]' }).format).toBe('json');
    expect(readLog(file('c.txt', '{"from":"a","to":"b"}\n'), { format: 'ndjson' }).format).toBe('ndjson');
    expect(() => readLog({ text: '' }, { format: 'xml' as never })).toThrow(/unknown `format`/);
  });
});
