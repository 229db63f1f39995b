// Message classification in the pipeline: messages with text but no kind are labelled by the classifier
// before ingestion, so that the practice test reads help threads and the share mix from kinds.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { classifyMessages } from '../../src/log/classify/stream.js';
import type { Message } from '../../src/log/message.js';
import { analyzeOrganization } from '../../src/report/analyze.js';
import { DEFAULT_STAGES } from '../../src/report/stages.js';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1, 9);

/** Two channels over six weeks: #guild members share write-ups, #help members ask two experts. */
function channelMessages(): Message[] {
  const out: Message[] = [];
  let n = 0;
  const post = (sender: string, day: number, channel: string, text: string, replyTo?: Message): Message => {
    const m: Message = {
      id: `m${n++}`,
      timestamp: START + day * DAY + n * 60_000,
      sender,
      recipients: [],
      cc: [],
      mentions: [],
      channel,
      text,
      ...(replyTo ? { replyTo: replyTo.id, threadId: replyTo.threadId ?? replyTo.id } : {}),
    };
    out.push(m);
    return m;
  };
  const guild = ['g0', 'g1', 'g2', 'g3', 'g4', 'g5'];
  const askers = ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'];
  for (let day = 0; day < 42; day++) {
    const g = guild[day % guild.length] as string;
    const root = post(g, day, '#guild', 'Sharing my notes on the deploy pipeline: https://example.org/notes FYI');
    post(guild[(day + 1) % 6] as string, day, '#guild', 'Nice write-up, we did the same last week.', root);
    const a = askers[day % askers.length] as string;
    const q = post(a, day, '#help', 'How do I reset the build cache? Can someone help?');
    post(day % 3 === 0 ? 'x1' : 'x0', day, '#help', 'You can run make clean and then rebuild.', q);
  }
  return out;
}

describe('classification in the pipeline', () => {
  it('classifyMessages with requireText leaves messages without text unlabelled', async () => {
    const msgs: Message[] = [
      { id: 'a', sender: 'ada', recipients: [], cc: [], mentions: [], text: 'How do I do this?' },
      { id: 'b', sender: 'bob', recipients: [], cc: [], mentions: [], replyTo: 'a' },
    ];
    const out: Message[] = [];
    for await (const m of classifyMessages(msgs, { requireText: true })) out.push(m);
    expect(out.map((m) => m.kind)).toEqual(['question', undefined]);
  });

  it('analyzeOrganization labels messages with text, and the share mix reads kinds', async () => {
    const run = (classify: boolean) =>
      analyzeOrganization(channelMessages(), {
        classify,
        groupByChannel: true,
        window: '7d',
        stages: { ingestOptions: DEFAULT_STAGES.ingestOptions, practice: DEFAULT_STAGES.practice },
      });
    const on = await run(true);
    expect(on.report.params.classify).toEqual({ enabled: true, classified: 168 });
    const roots = on.threads.threads.filter((t) => t.repliers.length > 0);
    expect(roots.every((t) => t.rootKind !== undefined)).toBe(true);
    const share = (r: typeof on, group: string) =>
      r.report.groups.find((g) => g.name === group)?.indicators.find((i) => i.name === 'shareMix')?.observed;
    // by kind: the guild shares, the help channel asks
    expect(share(on, '#guild')).toBe(1);
    expect(share(on, '#help')).toBe(0);
    // structurally (one replier per thread in both channels) they look alike
    const off = await run(false);
    expect(off.report.params.classify).toEqual({ enabled: false, classified: 0 });
    expect(off.threads.threads.every((t) => t.rootKind === undefined)).toBe(true);
    expect(share(off, '#guild')).toBe(share(off, '#help'));
  });

  it('the CLI reads mbox bodies with --text and classifies them; --no-classify turns it off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-classify-'));
    const mail = (id: string, from: string, date: string, subject: string, body: string, reply?: string) =>
      [
        `From ${from} ${date}`,
        `From: ${from}`,
        'To: list@example.org',
        `Message-ID: <${id}@example.org>`,
        ...(reply ? [`In-Reply-To: <${reply}@example.org>`] : []),
        `Date: ${date}`,
        `Subject: ${subject}`,
        '',
        body,
        '',
      ].join('\n');
    const box = [
      mail('q1', 'ann@example.org', 'Mon, 1 Jan 2024 10:00:00 +0000', 'build fails', 'How do I fix the linker error?'),
      mail('a1', 'bob@example.org', 'Mon, 1 Jan 2024 11:00:00 +0000', 'Re: build fails', 'Add -lm to LDFLAGS.', 'q1'),
    ].join('\n');
    const path = join(dir, 'list.mbox');
    writeFileSync(path, box);
    const params = async (...flags: string[]) => {
      let out = '';
      const code = await runCli(['analyze', path, '--json', '--quiet', ...flags], {
        stdout: (t) => (out += t),
        stderr: () => {},
      });
      expect(code).toBe(0);
      return JSON.parse(out).params as { classify: unknown; input: { text: boolean } };
    };
    expect((await params('--text')).classify).toEqual({ enabled: true, classified: 2 });
    expect((await params('--text')).input.text).toBe(true);
    expect((await params()).classify).toEqual({ enabled: true, classified: 0 });
    expect((await params('--text', '--no-classify')).classify).toEqual({ enabled: false, classified: 0 });
  });
});
