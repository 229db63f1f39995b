import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.js';
import { detectFormat, detectFormatFromText, readLog } from '../../../src/log/read.js';
import { dataPath, repoPath } from '../../data-path.js';
import { collect } from '../helpers.js';
import { tempDir } from './support.js';

const { dir, file } = tempDir('pg-detect-');
const MAIL = 'From: a@x.org\nTo: b@x.org\nSubject: hi\nDate: Mon, 2 Jan 2023 10:00:00 +0000\n\nbody\n';

describe('detectFormat', () => {
  it('detects every format from the shared data and the fixtures', () => {
    expect(detectFormat(dataPath('mailing-list-linux-man-2023', 'messages.mbox.gz'))).toBe('mbox');
    expect(detectFormat(dataPath('stackexchange-meta-bicycles-sample'))).toBe('stackexchange');
    expect(detectFormat(dataPath('stackexchange-meta-bicycles-sample', 'Posts.xml.gz'))).toBe('stackexchange');
    expect(detectFormat(dataPath('irc-ubuntu-disentanglement', 'dev', '2004-11-15_03.raw.txt'))).toBe('chat');
    expect(detectFormat(dataPath('collegemsg', 'CollegeMsg.txt'))).toBe('csv');
    expect(detectFormat(dataPath('enron-igraphdata', 'enron_edges.csv.gz'))).toBe('csv');
    expect(detectFormat(repoPath('fixtures', 'slack-export'))).toBe('slack');
    expect(detectFormat(repoPath('fixtures', 'viva', 'p2p-query.csv'))).toBe('viva');
  });

  it('detects by magic and content when the name says nothing', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    expect(detectFormat(file('export.bin', zip))).toBe('slack');
    expect(detectFormat(file('archive', `From a@x.org Mon Jan  2 10:00:00 2023\n${MAIL}`))).toBe('mbox');
    expect(detectFormat(file('message', MAIL))).toBe('mbox');
    expect(detectFormat(file('dump', gzipSync('<?xml version="1.0"?>\n<posts>\n</posts>\n')))).toBe('stackexchange');
    expect(detectFormat(file('p2p', readFileSync(repoPath('fixtures', 'viva', 'p2p-query.csv'))))).toBe('viva');
    expect(detectFormat(file('irc.log', '[10:00] <a> hi\n[10:01] <b> a: hello\n'))).toBe('chat');
    expect(detectFormat(file('x.eml', 'anything'))).toBe('mbox');
    expect(detectFormatFromText('from,to\na,b\n')).toBe('csv');
    expect(detectFormatFromText('hello')).toBeUndefined();
  });

  it('refuses a folder that is no known layout', () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect(() => detectFormat(empty)).toThrow(/neither a Slack export/);
  });
});

describe('readLog over every format', () => {
  it('opens each reader by detection, and by `format` for text and streams', async () => {
    expect(readLog(repoPath('fixtures', 'slack-export')).format).toBe('slack');
    expect(readLog({ text: MAIL }).format).toBe('mbox');
    const [m] = await collect(readLog({ text: MAIL }));
    expect(m).toMatchObject({ sender: 'a@x.org', recipients: ['b@x.org'] });
    const viva = readLog({ text: readFileSync(repoPath('fixtures', 'viva', 'p2p-query.csv'), 'utf8') });
    expect(viva.format).toBe('viva');
    expect((await collect(viva)).length).toBe(5);
    const posts = readLog({
      text: '<posts><row Id="1" PostTypeId="1" CreationDate="2020-01-01T00:00:00" OwnerUserId="3"/></posts>',
    });
    expect((await collect(posts)).map((p) => p.sender)).toEqual(['3']);
    expect(readLog({ text: '[10:00] <a> hi\n' }).format).toBe('chat');
    expect(() => readLog({ text: 'x' }, { format: 'slack' })).toThrow(/needs a path/);
  });
});

describe('practice-graph analyze on every format', () => {
  async function analyze(...argv: string[]) {
    let out = '';
    let err = '';
    const code = await runCli(['analyze', ...argv, '--json'], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
    return { code, report: code === 0 ? JSON.parse(out) : undefined, err };
  }

  it('says which reader it picked, and --format overrides detection', async () => {
    const slack = await analyze(repoPath('fixtures', 'slack-export'));
    expect(slack.code).toBe(0);
    expect(slack.err).toMatch(/reading .*slack-export as slack/);
    expect(slack.report.input.sources[0].skipped).toEqual({ join: 1, bot: 2, system: 1, leave: 1 });
    const se = await analyze(dataPath('stackexchange-meta-bicycles-sample'));
    expect(se.err).toMatch(/as stackexchange/);
    expect(se.report.input.sources[0]).toMatchObject({ read: 3894, rejected: 0 });
    const usrp = await analyze(dataPath('mailing-list-usrp-users-2020-2022', 'messages.mbox.gz'));
    expect(usrp.err).toMatch(/as mbox/);
    expect(usrp.report.input.people).toBeGreaterThan(400);
    const chat = file('chat.txt', '[10:00] <a> hi\n[10:01] <b> a: hello\n');
    expect((await analyze(chat)).err).toMatch(/as chat/);
    const forced = await analyze(chat, '--format', 'csv', '--delimiter', 'tab', '--no-header');
    expect(forced.err).toMatch(/as csv/);
    expect((await analyze(chat, '--format', 'nope')).code).toBe(2);
  });
});
