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
 * Iterates a log, keeping nothing, and returns the messages counted and the growth of the heap over its
 * starting value (the largest live heap seen between batches, after a full GC).
 */
export async function streamedHeapGrowth(log: MessageLog): Promise<{ messages: number; growthMB: number }> {
  const gc = liveGc();
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  let messages = 0;
  let batches = 0;
  for await (const batch of log.batches()) {
    messages += batch.length;
    if (++batches % 32 === 0) {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
  }
  return { messages, growthMB: (peak - base) / 2 ** 20 };
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
