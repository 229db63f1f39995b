import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { readRoster } from '../../src/graph/roster.js';
import { readCsv } from '../../src/log/csv.js';
import { resolveColumns } from '../../src/log/fields.js';
import type { Message } from '../../src/log/message.js';
import { simulateOrganization } from '../../src/simulate/simulate.js';
import { csvCell, MESSAGE_CSV_COLUMNS, messageCsvRow, writeSimulation } from '../../src/simulate/write.js';

const tmp = mkdtempSync(join(tmpdir(), 'pg-simulate-'));

const io = () => {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: (t: string) => {
      out.stdout += t;
    },
    stderr: (t: string) => {
      out.stderr += t;
    },
  };
  return { out, io };
};

describe('csvCell / messageCsvRow', () => {
  it('quotes only cells that need it (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
  });

  it("every column is one readCsv's header detection maps, to the right field", () => {
    const { columns, unmapped } = resolveColumns(MESSAGE_CSV_COLUMNS, undefined, 'test');
    expect(unmapped).toEqual([]);
    expect(Object.fromEntries([...columns].map(([field, i]) => [MESSAGE_CSV_COLUMNS[i], field]))).toEqual({
      id: 'id',
      timestamp: 'timestamp',
      sender: 'sender',
      recipients: 'recipients',
      cc: 'cc',
      channel: 'channel',
      thread_id: 'threadId',
      reply_to: 'replyTo',
      mentions: 'mentions',
      subject: 'subject',
      text: 'text',
      kind: 'kind',
    });
  });

  it('writes one row in the column order, lists joined by ";" and ISO timestamps to the second', () => {
    const m: Message = {
      id: 'm2',
      timestamp: Date.UTC(2024, 0, 8, 9, 30, 5),
      sender: 'ada@x.org',
      recipients: ['bob@x.org', 'cy@x.org'],
      cc: ['dee@x.org'],
      mentions: ['eve@x.org'],
      channel: '#testing',
      threadId: 'm1',
      replyTo: 'm1',
      subject: 'Re: [testing] a, b',
      kind: 'answer',
    };
    expect(MESSAGE_CSV_COLUMNS.join(',')).toBe(
      'id,timestamp,sender,recipients,cc,channel,thread_id,reply_to,mentions,subject,text,kind',
    );
    expect(messageCsvRow(m)).toBe(
      'm2,2024-01-08T09:30:05Z,ada@x.org,bob@x.org;cy@x.org,dee@x.org,#testing,m1,m1,eve@x.org,"Re: [testing] a, b",,answer',
    );
  });
});

describe('writeSimulation(org, dir)', () => {
  const org = simulateOrganization({ people: 50, days: 20, seed: 4, text: true });
  const dir = join(tmp, 'org');
  const written = writeSimulation(org, dir);

  it('readCsv reads messages.csv back with no options: read = accepted, no rejects, the same messages', async () => {
    const w = await written;
    const log = readCsv(w.files.messages);
    const back: Message[] = [];
    for await (const m of log) back.push(m);
    expect(log.stats.read).toBe(w.messages);
    expect(log.stats.accepted).toBe(log.stats.read);
    expect(log.stats.rejected).toBe(0);
    expect(log.stats.notes.join(' ')).not.toMatch(/columns not used/);
    expect(back).toEqual([...org]);
    expect(w.bytes).toBe(readFileSync(w.files.messages).length);
  });

  it('readRoster reads roster.csv: every person with department, team, manager, location, hire date', async () => {
    const w = await written;
    const roster = await readRoster(w.files.roster);
    expect(roster.stats.rejected).toBe(0);
    expect(roster.attributes).toEqual(['department', 'team', 'manager', 'location', 'hire_date', 'leave_date']);
    expect(roster.people.size).toBe(50);
    for (const p of org.people) {
      const attrs = roster.people.get(p.id);
      expect(attrs).toEqual(org.roster.people.get(p.id));
      expect(attrs?.hire_date).toBe(p.hireDate);
    }
  });

  it('groups.csv lists every membership; truth.json is the truth', async () => {
    const w = await written;
    const rows = readFileSync(w.files.groups, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('person,group');
    const expected = org.truth.groups.flatMap((g) => g.members.map((m) => `${m},${g.name}`));
    expect(rows.slice(1)).toEqual(expected);
    expect(JSON.parse(readFileSync(w.files.truth, 'utf8'))).toEqual(org.truth);
  });
});

describe('practice-graph simulate', () => {
  it('writes the four files and prints a summary', async () => {
    const out = join(tmp, 'cli');
    const { out: printed, io: cliIo } = io();
    const code = await runCli(['simulate', '--people', '40', '--days', '15', '--seed', '3', '--out', out], cliIo);
    expect(code).toBe(0);
    for (const f of ['messages.csv', 'roster.csv', 'groups.csv', 'truth.json'])
      expect(existsSync(join(out, f))).toBe(true);
    const summary = JSON.parse(printed.stdout);
    expect(summary.people).toBe(40);
    expect(summary.seed).toBe(3);
    expect(summary.groups).toHaveLength(10);
    expect(printed.stderr).toMatch(/wrote \d+ messages of 40 people over 15 days/);
    const truth = JSON.parse(readFileSync(join(out, 'truth.json'), 'utf8'));
    expect(truth.options).toMatchObject({ people: 40, days: 15, seed: 3 });
  });

  it('passes the knobs through: string seeds, group counts, mixing, text, kinds', async () => {
    const out = join(tmp, 'knobs');
    const { io: cliIo } = io();
    const args = ['simulate', '--out', out, '--people', '30', '--days', '10', '--seed', 'acme', '--quiet'];
    const extra = ['--cop', '1', '--social-learning', '0', '--hybrid', '0', '--not-a-unit', '1', '--mixing', '0.3'];
    expect(await runCli([...args, ...extra, '--text', '--no-kinds'], cliIo)).toBe(0);
    const truth = JSON.parse(readFileSync(join(out, 'truth.json'), 'utf8'));
    expect(truth.seed).toBe('acme');
    expect(truth.options).toMatchObject({ mixing: 0.3, text: true, kinds: false });
    expect(truth.groups.map((g: { kind: string }) => g.kind)).toEqual(['community-of-practice', 'not-a-unit']);
    const lines = readFileSync(join(out, 'messages.csv'), 'utf8').trim().split('\n');
    expect(lines.slice(1).every((l) => !/,(question|answer|share|discussion)$/.test(l))).toBe(true);
  });

  it('usage errors exit 2 with a clear line; --help exits 0', async () => {
    const a = io();
    expect(await runCli(['simulate', '--people', '40'], a.io)).toBe(2);
    expect(a.out.stderr).toMatch(/needs --out/);
    const b = io();
    expect(await runCli(['simulate', '--out', tmp, '--people', 'many'], b.io)).toBe(2);
    expect(b.out.stderr).toMatch(/--people expects a number/);
    const c = io();
    expect(await runCli(['simulate', '--out', join(tmp, 'bad'), '--mixing', '2'], c.io)).toBe(1);
    expect(c.out.stderr).toMatch(/mixing/);
    const d = io();
    expect(await runCli(['simulate', '--help'], d.io)).toBe(0);
    expect(d.out.stdout).toMatch(/--people <n>/);
  });
});
