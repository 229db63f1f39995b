import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { readSlackExport, readSlackUsers } from '../../../src/log/slack/read.js';
import { repoPath } from '../../data-path.js';
import { collect } from '../helpers.js';
import { expectAccounting, streamedHeapGrowth, tempDir } from './support.js';

const FIXTURE = repoPath('fixtures', 'slack-export');
const { dir, file } = tempDir('pg-slack-');

/** The fixture folder as a ZIP (deflated), optionally under one top folder. */
function zipOf(folder: string, top = ''): Buffer {
  const files: Record<string, Uint8Array> = {};
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full, `${rel}${name}/`);
      else files[`${top}${rel}${name}`] = readFileSync(full);
    }
  };
  walk(folder, '');
  return Buffer.from(zipSync(files, { level: 6 }));
}

describe('readSlackExport', () => {
  it('reads the fixture export: threads, DMs, mentions; bots, joins and system messages skipped with counts', async () => {
    const log = readSlackExport(FIXTURE);
    const messages = await collect(log);
    expect(messages.map((m) => [m.channel, m.sender, m.recipients, m.mentions, m.replyTo ?? null])).toEqual([
      ['general', 'U01ADA', [], [], null],
      ['general', 'U02BOB', [], ['U01ADA'], null],
      ['help', 'U03CAROL', [], [], null],
      ['help', 'U02BOB', ['U03CAROL'], [], 'C02HELP:1709290000.000100'],
      ['help', 'U03CAROL', [], [], 'C02HELP:1709290000.000100'],
      ['help', 'U01ADA', ['U03CAROL'], ['U03CAROL'], 'C02HELP:1709290000.000100'],
      ['D024BFF1M', 'U01ADA', ['U03CAROL'], [], null],
      ['D024BFF1M', 'U03CAROL', ['U01ADA'], [], null],
    ]);
    expect(messages[2]).toMatchObject({
      id: 'C02HELP:1709290000.000100',
      threadId: 'C02HELP:1709290000.000100',
      timestamp: 1709290000000,
      text: 'How do I rotate the staging keys?',
    });
    expect(log.stats.skipped).toEqual({ join: 1, bot: 2, system: 1, leave: 1 });
    expect(log.stats.rejects.map((r) => [r.code, r.field])).toEqual([['MISSING_FIELD', 'user']]);
    expect(log.stats.notes).toContain('1 conversations listed without a folder of messages');
    expectAccounting(log.stats);
    await expect(collect(readSlackExport(FIXTURE, { strict: true }))).rejects.toBeInstanceOf(InputError);
  });

  it('reads the same export from its ZIP, also under one top folder, and maps ids to e-mails on request', async () => {
    const fromFolder = await collect(readSlackExport(FIXTURE));
    expect(await collect(readSlackExport(file('export.zip', zipOf(FIXTURE))))).toEqual(fromFolder);
    expect(await collect(readSlackExport(file('nested.zip', zipOf(FIXTURE, 'acme export/'))))).toEqual(fromFolder);
    const byEmail = await collect(readSlackExport(FIXTURE, { personId: 'email' }));
    expect(byEmail[3]).toMatchObject({ sender: 'bob@example.org', recipients: ['carol@example.org'] });
  });

  it('reads users.json as a roster', async () => {
    const roster = await readSlackUsers(FIXTURE);
    expect(roster.people.get('U02BOB')).toEqual({
      name: 'bob',
      realName: 'Bob Babbage',
      title: 'Engineer',
      timeZone: 'Europe/London',
      bot: 'false',
      deleted: 'false',
    });
    expect(roster.stats).toMatchObject({ read: 5, accepted: 5 });
  });

  describe('malformed input', () => {
    it('refuses JSON that is not an export, a folder without users.json, and a missing path', async () => {
      const notExport = tempDir('pg-slack-not-');
      notExport.file('users.json', '{"ok": true, "members": []}');
      notExport.file('channels.json', '[]');
      await expect(collect(readSlackExport(notExport.dir))).rejects.toMatchObject({ code: 'UNKNOWN_FORMAT' });
      const noUsers = tempDir('pg-slack-nousers-');
      noUsers.file('channels.json', '[]');
      await expect(collect(readSlackExport(noUsers.dir))).rejects.toMatchObject({ code: 'UNKNOWN_FORMAT' });
      const noLists = tempDir('pg-slack-nolists-');
      noLists.file('users.json', '[]');
      await expect(collect(readSlackExport(noLists.dir))).rejects.toThrow(/no channels.json/);
      const badList = tempDir('pg-slack-badlist-');
      badList.file('users.json', '[]');
      badList.file('channels.json', '{"channels": "nope"}');
      await expect(collect(readSlackExport(badList.dir))).rejects.toMatchObject({ code: 'UNKNOWN_FORMAT' });
      await expect(collect(readSlackExport(join(dir, 'missing.zip')))).rejects.toMatchObject({
        code: 'FILE_NOT_FOUND',
      });
    });

    it('rejects a day file that is not a JSON array (broken or truncated) as one record, and goes on', async () => {
      const broken = tempDir('pg-slack-broken-');
      broken.file('users.json', readFileSync(join(FIXTURE, 'users.json')));
      broken.file('channels.json', readFileSync(join(FIXTURE, 'channels.json')));
      mkdirSync(join(broken.dir, 'general'));
      const day = readFileSync(join(FIXTURE, 'general', '2024-03-01.json'), 'utf8');
      writeFileSync(join(broken.dir, 'general', '2024-03-01.json'), day.slice(0, day.length / 2));
      writeFileSync(join(broken.dir, 'general', '2024-03-02.json'), '{"not": "an array"}');
      mkdirSync(join(broken.dir, 'help'));
      writeFileSync(
        join(broken.dir, 'help', '2024-03-01.json'),
        readFileSync(join(FIXTURE, 'help', '2024-03-01.json')),
      );
      const log = readSlackExport(broken.dir);
      const messages = await collect(log);
      expect(messages).toHaveLength(4);
      expect(log.stats.rejects.map((r) => r.code)).toEqual(['MALFORMED_INPUT', 'MALFORMED_INPUT']);
      expectAccounting(log.stats);
    });

    it('throws MALFORMED_INPUT on a truncated ZIP and on a broken list file', async () => {
      const zip = zipOf(FIXTURE);
      const cut = file('cut.zip', Buffer.from(zip.subarray(0, zip.length - 40)));
      await expect(collect(readSlackExport(cut))).rejects.toMatchObject({ code: 'MALFORMED_INPUT' });
      const badJson = tempDir('pg-slack-badjson-');
      badJson.file('users.json', '[{"id": "U1"');
      badJson.file('channels.json', '[]');
      await expect(collect(readSlackExport(badJson.dir))).rejects.toMatchObject({ code: 'MALFORMED_INPUT' });
    });
  });

  it('streams a large export (one day file at a time) with flat memory', async () => {
    const big = tempDir('pg-slack-big-');
    const users = Array.from({ length: 200 }, (_, i) => ({ id: `U${i}`, name: `u${i}` }));
    big.file('users.json', JSON.stringify(users));
    big.file('channels.json', JSON.stringify([{ id: 'C1', name: 'busy', members: [] }]));
    mkdirSync(join(big.dir, 'busy'));
    const text = 'lorem ipsum '.repeat(20);
    for (let d = 0; d < 240; d++) {
      const date = new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
      const day = Array.from({ length: 1500 }, (_, i) => {
        const ts = `${1672531200 + d * 86400 + i}.000100`;
        return { type: 'message', ts, user: `U${(d + i) % 200}`, text: `<@U${i % 200}> ${text}` };
      });
      writeFileSync(join(big.dir, 'busy', `${date}.json`), JSON.stringify(day));
    }
    const { messages, growthMB, driftMB, samples } = await streamedHeapGrowth(
      readSlackExport(big.dir, { text: false }),
    );
    expect(messages).toBe(240 * 1500);
    expect(samples).toBeGreaterThanOrEqual(6);
    expect(driftMB).toBeLessThan(6);
    expect(growthMB).toBeLessThan(48);
  });
});
