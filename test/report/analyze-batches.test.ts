import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/log/csv.js';
import type { Message } from '../../src/log/message.js';
import { analyzeOrganization } from '../../src/report/analyze.js';
import type { ProgressEvent } from '../../src/report/stages.js';

const message = (i: number): Message => ({
  id: `m${i}`,
  sender: `p${i % 7}@x.org`,
  recipients: [`p${(i + 1) % 7}@x.org`],
  cc: [],
  mentions: [],
  timestamp: Date.UTC(2024, 0, 1) + i * 60_000,
});

describe('analyzeOrganization reads its logs in batches', () => {
  it('reports read progress at every multiple of `progressEvery`, across logs, then the total', async () => {
    const events: ProgressEvent[] = [];
    const first = Array.from({ length: 25 }, (_, i) => message(i));
    async function* second() {
      for (let i = 25; i < 32; i++) yield message(i);
    }
    const { report } = await analyzeOrganization([first, second()], {
      stages: {},
      progressEvery: 10,
      onProgress: (e) => events.push(e),
    });
    expect(events.filter((e) => e.phase === 'read').map((e) => [e.done, e.total])).toEqual([
      [0, undefined],
      [10, undefined],
      [20, undefined],
      [30, undefined],
      [32, 32],
    ]);
    expect(report.input.used).toBe(32);
  });

  it('gives the same report from a log, the same messages in an array, and several logs', async () => {
    const csv = `id,sender,recipients,timestamp\n${Array.from({ length: 40 }, (_, i) => {
      const m = message(i);
      return `${m.id},${m.sender},${m.recipients[0]},${new Date(m.timestamp as number).toISOString()}`;
    }).join('\n')}\n`;
    const fromLog = await analyzeOrganization(readCsv({ text: csv }), { stages: {} });
    const fromArray = await analyzeOrganization(
      Array.from({ length: 40 }, (_, i) => message(i)),
      { stages: {} },
    );
    expect(fromArray.graph.size).toBe(fromLog.graph.size);
    expect(fromArray.report.people).toEqual(fromLog.report.people);
    expect(fromLog.report.input.read).toBe(40);
  });
});
