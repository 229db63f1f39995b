// The worker pool (src/workers/pool.ts) with small plain-JS worker scripts that speak its protocol
// ({ task, slot, payload } in, { task, result } or { task, error } out).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { coreCount, runOnWorkers, workerScript } from '../../src/workers/pool.js';

const dir = mkdtempSync(join(tmpdir(), 'pg-pool-'));
function script(name: string, body: string): URL {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, `import { parentPort, workerData } from 'node:worker_threads';\n${body}\n`);
  return pathToFileURL(file);
}

// reads the task number the caller left in the task's slot after a pseudo-random pause: a slot handed to
// a second task while the first is still running would show up as a wrong number
const slotReader = script(
  'slot-reader',
  `const slots = new Int32Array(workerData.slots);
  parentPort.on('message', ({ task, slot, payload }) => {
    const until = Date.now() + ((task * 7) % 5);
    while (Date.now() < until);
    parentPort.postMessage({ task, result: { seen: slots[slot], payload } });
  });`,
);

describe('runOnWorkers', () => {
  it('returns results by task, prepares tasks in order, and never reuses a slot still in use', async () => {
    for (const threads of [1, 2, 3]) {
      const slots = new Int32Array(new SharedArrayBuffer(4 * (threads + 1)));
      const prepared: number[] = [];
      const results = await runOnWorkers<{ seen: number; payload: number }>({
        script: slotReader,
        data: { slots: slots.buffer },
        workers: threads,
        count: 40,
        prepare: (i, slot) => {
          expect(slot).toBeGreaterThanOrEqual(0);
          expect(slot).toBeLessThanOrEqual(threads);
          prepared.push(i);
          slots[slot] = i;
          return i * 10;
        },
      });
      expect(prepared).toEqual(Array.from({ length: 40 }, (_, i) => i));
      expect(results).toEqual(Array.from({ length: 40 }, (_, i) => ({ seen: i, payload: i * 10 })));
    }
  });

  it('runs no worker for no task', async () => {
    const none = await runOnWorkers({ script: slotReader, data: {}, workers: 2, count: 0, prepare: () => 0 });
    expect(none).toEqual([]);
  });

  it('rejects with WORKER_FAILED when a worker reports an error, exits early, or cannot load', async () => {
    const cases: [URL, RegExp][] = [
      [
        script(
          'fails',
          `parentPort.on('message', ({ task }) => parentPort.postMessage(task === 3 ? { task, error: 'boom' } : { task, result: task }));`,
        ),
        /task 3: boom/,
      ],
      [script('exits', `parentPort.on('message', () => process.exit(3));`), /exited early \(code 3\)/],
      [script('throws', `throw new Error('cannot start');`), /crashed: cannot start/],
    ];
    for (const [url, message] of cases) {
      const run = runOnWorkers({ script: url, data: {}, workers: 2, count: 6, prepare: (i) => i });
      await expect(run).rejects.toMatchObject({ code: 'WORKER_FAILED', message });
    }
    const preparing = runOnWorkers({
      script: slotReader,
      data: { slots: new SharedArrayBuffer(12) },
      workers: 2,
      count: 6,
      prepare: (i) => {
        if (i === 2) throw new Error('no next state');
        return i;
      },
    });
    await expect(preparing).rejects.toMatchObject({
      code: 'WORKER_FAILED',
      message: /preparing a task failed: no next state/,
    });
  });
});

describe('workerScript and coreCount', () => {
  it('finds a built script in workers/ next to a bundle, and nothing next to the sources', () => {
    mkdirSync(join(dir, 'workers'), { recursive: true });
    writeFileSync(join(dir, 'workers', 'found.js'), '');
    const bundle = pathToFileURL(join(dir, 'index.js')).href;
    expect(workerScript('found', bundle)?.href).toBe(pathToFileURL(join(dir, 'workers', 'found.js')).href);
    expect(workerScript('missing', bundle)).toBeNull();
    expect(workerScript('community-nulls', import.meta.url)).toBeNull();
    expect(workerScript('found', 'data:text/javascript,0')).toBeNull();
    expect(coreCount()).toBeGreaterThanOrEqual(1);
  });
});
