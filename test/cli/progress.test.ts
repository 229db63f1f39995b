import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

function sink(isTTY: boolean) {
  const lines: string[] = [];
  return { lines, sink: { write: (t: string) => void lines.push(t), isTTY, columns: 100 } };
}

describe('createProgress(sink, options)', () => {
  it('on a terminal redraws one line with a bar and the rate, and ends it', () => {
    let t = 0;
    const { lines, sink: s } = sink(true);
    const p = createProgress(s, { now: () => t });
    p({ phase: 'nulls', done: 0, total: 200, unit: 'samples' });
    t = 2000;
    p({ phase: 'nulls', done: 100, total: 200, unit: 'samples' });
    expect(lines[1]).toBe('\r[##########..........] nulls: 100/200 samples (50 samples/s, 2.0 s)\u001b[K');
    t = 4000;
    p({ phase: 'nulls', done: 200, total: 200, unit: 'samples' });
    expect(lines[2]?.endsWith('\n')).toBe(true);
    p.done();
    expect(lines).toHaveLength(3);
  });

  it('otherwise writes plain lines at most once per interval, plus the last one', () => {
    let t = 0;
    const { lines, sink: s } = sink(false);
    const p = createProgress(s, { now: () => t, interval: 5000 });
    for (let i = 0; i <= 10; i++) {
      t = i * 1000;
      p({ phase: 'read', done: i * 1000, unit: 'messages' });
    }
    p({ phase: 'read', done: 12_000, total: 12_000, unit: 'messages' });
    expect(lines).toEqual([
      'read: 5,000 messages (1,000 messages/s, 5.0 s)\n',
      'read: 10,000 messages (1,000 messages/s, 10.0 s)\n',
      'read: 12,000/12,000 messages (1,200 messages/s, 10.0 s)\n',
    ]);
  });

  it('writes nothing when quiet', () => {
    const { lines, sink: s } = sink(true);
    const p = createProgress(s, { quiet: true });
    p({ phase: 'read', done: 1, unit: 'messages' });
    p.done();
    expect(lines).toEqual([]);
  });
});
