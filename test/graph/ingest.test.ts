import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/graph/ingest.js';
import { readCsv } from '../../src/log/csv.js';
import { repoPath } from '../data-path.js';

describe('ingest', () => {
  it('reads a log once and returns graph, windows and thread summaries that agree', async () => {
    const log = readCsv(repoPath('fixtures', 'logs', 'small.csv'));
    const { graph, windows, threads, read } = await ingest(log, { window: '1d', exclude: ['eve@example.org'] });
    expect(read).toMatchObject({ read: 6, accepted: 6 });
    expect(graph.getAttribute('read')).toBe(read);
    expect(graph.hasNode('eve@example.org')).toBe(false);
    expect(threads.stats).toMatchObject({ messages: 6, excluded: 1, placed: 5, threads: 2 });
    // ada's m1 got replies from bob and cy (one question); ada answered dee's m4 (one answer)
    const ada = threads.people.find((p) => p.person === 'ada@example.org');
    expect(ada).toMatchObject({ started: 1, questions: 1, answers: 1 });
    // 8 Jan: m1–m3 give 5 ties; 9 Jan: m4, m5 give 2; 10 Jan: only eve, excluded. No tie spans two days.
    expect(windows.map((w) => w.graph.size)).toEqual([5, 2]);
    expect(windows.reduce((s, w) => s + w.graph.size, 0)).toBe(graph.size);
  });
});
