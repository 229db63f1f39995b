// Shared checks of the reader tests: the accounting invariant, heap growth while streaming, temp files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect } from 'vitest';
import type { MessageLog, ReadStats } from '../../../src/log/message-log.js';

/** `read = accepted + rejected`, `messages + Σ skipped = accepted` (one message per accepted record). */
export function expectAccounting(stats: ReadStats, oneMessagePerRecord = true): void {
  expect(stats.read).toBe(stats.accepted + stats.rejected);
  expect(stats.rejects.length + stats.rejectsOmitted).toBe(stats.rejected);
  if (oneMessagePerRecord) {
    const skipped = Object.values(stats.skipped).reduce((a, b) => a + b, 0);
    expect(stats.messages + skipped).toBe(stats.accepted);
  }
}

/** A temp folder and a writer of files into it. */
export function tempDir(prefix: string): { dir: string; file: (name: string, content: string | Buffer) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file: (name, content) => {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
  };
}

/** A full garbage collection, so that `heapUsed` measures live objects (flags set at run time). */
function liveGc(): () => void {
  setFlagsFromString('--expose_gc');
  return runInNewContext('gc') as () => void;
}

/**
 * Iterates a log, keeping nothing, sampling the live heap (after a full GC) every few batches. Returns the
 * messages counted, the largest growth over the starting heap, and the drift: the median heap in the last
 * third of the samples minus the median in the middle third (medians, since a sample may or may not
 * catch a batch in flight) (the first third holds warm-up: compiled code,
 * caches). Flat memory: drift near 0 however long the input.
 */
export async function streamedHeapGrowth(
  log: MessageLog,
): Promise<{ messages: number; growthMB: number; driftMB: number; samples: number }> {
  const gc = liveGc();
  gc();
  const base = process.memoryUsage().heapUsed;
  const samples: number[] = [];
  let messages = 0;
  let last = performance.now();
  for await (const batch of log.batches()) {
    messages += batch.length;
    if (performance.now() - last > 40) {
      gc();
      samples.push(process.memoryUsage().heapUsed);
      last = performance.now();
    }
  }
  const third = Math.max(1, Math.floor(samples.length / 3));
  const peak = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), base);
  const median = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted.length === 0 ? base : (sorted[Math.floor(sorted.length / 2)] as number);
  };
  const mb = (b: number) => b / 2 ** 20;
  return {
    messages,
    growthMB: mb(peak(samples) - base),
    driftMB: mb(median(samples.slice(-third)) - median(samples.slice(third, 2 * third))),
    samples: samples.length,
  };
}

/** Bytes of a synthetic stream, as an async iterable of ~1 MiB chunks produced on demand. */
export async function* repeatChunks(total: number, make: (i: number) => string): AsyncGenerator<Buffer> {
  let produced = 0;
  let i = 0;
  let parts: string[] = [];
  let size = 0;
  while (produced < total) {
    const piece = make(i++);
    parts.push(piece);
    size += piece.length;
    produced += piece.length;
    if (size >= 1 << 20) {
      yield Buffer.from(parts.join(''));
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield Buffer.from(parts.join(''));
}
