import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { readStackExchange } from '../../../src/log/stackexchange/read.js';
import { readStackExchangeUsers } from '../../../src/log/stackexchange/users.js';
import { dataPath } from '../../data-path.js';
import { collect } from '../helpers.js';
import { expectAccounting, repeatChunks, streamedHeapGrowth, tempDir } from './support.js';

const { dir, file } = tempDir('pg-se-');
const POSTS = `<?xml version="1.0" encoding="utf-8"?>
<posts>
  <row Id="1" PostTypeId="1" AcceptedAnswerId="3" CreationDate="2020-01-01T10:00:00.000" OwnerUserId="10" Title="How do I true a wheel?" Tags="&lt;wheels&gt;&lt;repair&gt;" Body="&lt;p&gt;My wheel wobbles. How do I fix it?&lt;/p&gt;" />
  <row Id="2" PostTypeId="2" ParentId="1" CreationDate="2020-01-01T11:00:00.000" OwnerUserId="20" Body="&lt;p&gt;Use a truing stand &amp;amp; a spoke key.&lt;/p&gt;" />
  <row Id="3" PostTypeId="2" ParentId="1" CreationDate="2020-01-01T12:00:00.000" OwnerDisplayName="Gone Person" Body="&lt;blockquote&gt;&lt;p&gt;wobbles&lt;/p&gt;&lt;/blockquote&gt;&lt;p&gt;Tighten spokes.&lt;/p&gt;" />
  <row Id="4" PostTypeId="4" CreationDate="2020-01-02T00:00:00.000" OwnerUserId="-1" />
  <row Id="5" PostTypeId="2" ParentId="1" CreationDate="2020-01-02T00:00:00.000" />
  <row Id="6" PostTypeId="1" CreationDate="not a date" OwnerUserId="10" />
  <row Id="7" PostTypeId="2" CreationDate="2020-01-03T00:00:00.000" OwnerUserId="20" />
</posts>
`;
const COMMENTS = `<?xml version="1.0" encoding="utf-8"?>
<comments>
  <row Id="1" PostId="2" CreationDate="2020-01-01T11:30:00.000" UserId="10" Text="Thanks @Spoke.Wizard, that worked" />
  <row Id="2" PostId="1" CreationDate="2020-01-01T11:40:00.000" UserDisplayName="Someone Else" Text="Which wheel?" />
  <row Id="3" CreationDate="2020-01-01T11:40:00.000" UserId="20" Text="no post" />
</comments>
`;
const USERS = `<?xml version="1.0" encoding="utf-8"?>
<users>
  <row Id="10" DisplayName="Asker" Reputation="101" CreationDate="2019-01-01T00:00:00.000" />
  <row Id="20" DisplayName="Spoke Wizard" Reputation="5000" CreationDate="2018-01-01T00:00:00.000" Location="Ghent" />
</users>
`;
file('Posts.xml', POSTS);
file('Comments.xml.gz', gzipSync(COMMENTS));
file('Users.xml', USERS);

describe('readStackExchange', () => {
  it('turns questions, answers and comments into asker ← answerer and commenter → owner messages', async () => {
    const log = readStackExchange(dir, { text: true, site: 'bikes' });
    const messages = await collect(log);
    expect(messages.map((m) => [m.id, m.kind, m.sender, m.recipients, m.replyTo, m.threadId])).toEqual([
      ['1', 'question', '10', [], undefined, '1'],
      ['2', 'answer', '20', ['10'], '1', '1'],
      ['3', 'answer', 'deleted:Gone Person', ['10'], '1', '1'],
      ['5', 'answer', 'deleted:post5', ['10'], '1', '1'],
      ['c1', 'discussion', '10', ['20'], '2', '1'],
      ['c2', 'discussion', 'deleted:Someone Else', ['10'], '1', '1'],
    ]);
    expect(messages[0]).toMatchObject({
      subject: 'How do I true a wheel?',
      tags: ['wheels', 'repair'],
      channel: 'bikes',
    });
    expect(messages[0]?.timestamp).toBe(Date.parse('2020-01-01T10:00:00Z'));
    expect(messages[1]?.text).toBe('Use a truing stand & a spoke key.');
    expect(messages[2]).toMatchObject({ accepted: true, text: '> wobbles\nTighten spokes.' });
    expect(messages[1]?.accepted).toBeUndefined();
    expect(messages[4]?.mentions).toEqual(['20']);
    expect(log.stats.skipped).toEqual({ 'tag-wiki': 1 });
    expect(log.stats.rejects.map((r) => [r.code, r.field])).toEqual([
      ['INVALID_TIMESTAMP', 'CreationDate'],
      ['MISSING_FIELD', 'ParentId'],
      ['MISSING_FIELD', 'PostId'],
    ]);
    expectAccounting(log.stats);
    await expect(collect(readStackExchange(dir, { strict: true }))).rejects.toBeInstanceOf(InputError);
  });

  it('reads Users.xml as a roster', async () => {
    const roster = await readStackExchangeUsers(`${dir}/Users.xml`);
    expect(roster.people.get('20')).toEqual({
      displayName: 'Spoke Wizard',
      reputation: '5000',
      created: '2018-01-01T00:00:00.000',
      location: 'Ghent',
    });
    expect(roster.stats).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
  });

  describe('malformed input', () => {
    it('throws MALFORMED_INPUT on broken or truncated XML, naming the line', async () => {
      const broken = tempDir('pg-se-broken-');
      broken.file('Posts.xml', POSTS.replace('<row Id="2"', '<row Id="2" <oops'));
      await expect(collect(readStackExchange(broken.dir))).rejects.toMatchObject({
        code: 'MALFORMED_INPUT',
        location: { row: 4 },
      });
      const cut = tempDir('pg-se-cut-');
      cut.file('Posts.xml.gz', gzipSync(POSTS.slice(0, 400)));
      await expect(collect(readStackExchange(cut.dir))).rejects.toMatchObject({ code: 'MALFORMED_INPUT' });
    });

    it('refuses a table that is not Posts, an empty file and a folder without Posts.xml', async () => {
      const wrong = tempDir('pg-se-wrong-');
      wrong.file('Posts.xml', USERS);
      await expect(collect(readStackExchange(wrong.dir))).rejects.toMatchObject({ code: 'UNKNOWN_FORMAT' });
      const empty = tempDir('pg-se-empty-');
      empty.file('Posts.xml', '');
      await expect(collect(readStackExchange(empty.dir))).rejects.toMatchObject({ code: 'EMPTY_INPUT' });
      expect(() => readStackExchange(tempDir('pg-se-none-').dir)).toThrow(/no Posts.xml/);
    });

    it('decodes bad UTF-8 bytes as U+FFFD instead of failing', async () => {
      const bad = tempDir('pg-se-bytes-');
      bad.file(
        'Posts.xml',
        Buffer.concat([Buffer.from(POSTS.slice(0, 200)), Buffer.from([0xff, 0xfe]), Buffer.from(POSTS.slice(200))]),
      );
      const log = readStackExchange(bad.dir, { comments: false });
      const messages = await collect(log);
      expect(messages.length).toBe(4);
    });
  });

  it('streams a large Posts.xml with flat memory', async () => {
    const body = 'x'.repeat(2000);
    const rows = repeatChunks(96 * 2 ** 20, (i) =>
      i === 0
        ? '<?xml version="1.0"?>\n<posts>\n'
        : `  <row Id="${i}" PostTypeId="${i % 3 === 1 ? 1 : 2}" ParentId="${i - (i % 3 === 1 ? 0 : (i - 1) % 3)}" CreationDate="2020-01-01T00:00:00.000" OwnerUserId="${i % 500}" Body="${body}" />\n`,
    );
    const tail = (async function* () {
      yield* rows;
      yield Buffer.from('</posts>\n');
    })();
    const { messages, growthMB, driftMB, samples } = await streamedHeapGrowth(readStackExchange({ posts: tail }));
    expect(messages).toBeGreaterThan(40_000);
    expect(samples).toBeGreaterThanOrEqual(6);
    expect(driftMB).toBeLessThan(6);
    expect(growthMB).toBeLessThan(48);
  });

  it('reads the shared Bicycles Meta dump: 453 questions, 971 answers, 157 accepted, 2,448 comments', async () => {
    const log = readStackExchange(dataPath('stackexchange-meta-bicycles-sample'));
    const messages = await collect(log);
    const count = (kind: string) => messages.filter((m) => m.kind === kind).length;
    // 3 of the 453 questions are the Community bot's (user -1): skipped as bots
    expect(count('question')).toBe(450);
    expect(log.stats.skipped).toEqual({ bot: 3, 'tag-wiki': 22 });
    expect(count('answer')).toBe(971);
    expect(count('discussion')).toBe(2448);
    expect(messages.filter((m) => m.accepted).length).toBe(157);
    const answers = messages.filter((m) => m.kind === 'answer');
    expect(answers.filter((m) => m.sender === '76').length).toBe(157);
    expect(answers.filter((m) => m.sender === '76' && m.accepted).length).toBe(47);
    expect(new Set(answers.map((m) => m.sender)).size).toBeGreaterThanOrEqual(156);
    expect(log.stats).toMatchObject({ read: 1446 + 2448, rejected: 0 });
    expectAccounting(log.stats);
  });
});
