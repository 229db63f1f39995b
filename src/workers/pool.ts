/**
 * Worker threads for independent samples (null graphs, null samples): a small ordered pool.
 *
 * Why: the null models re-run numeric loops (Louvain, rewiring) on typed arrays hundreds of times. Next to a
 * large analysis (a 100,000-person log holds several GB of graph objects), every few tens of MB of fresh
 * typed arrays make V8 run a full mark-compact of that whole heap, seconds each: on the 100k organisation one
 * Louvain run on a null graph took about 37 s inside the pipeline against 4–6 s alone. A worker has its own
 * small heap, and two workers use both cores. Samples draw from per-sample seeds, so the results are the same
 * with any number of workers, or none.
 *
 * The pool keeps every worker busy: task `i` is prepared on this thread (`prepare(i, slot)`, e.g. the next
 * state of a Markov chain, copied into a shared slot) just before a worker is free, in order `0, 1, …`, with
 * one task prepared ahead; results come back by index. Slots (`workers + 1` of them) are reused, so the
 * calling thread allocates nothing per task.
 *
 * Works in Node (`node:worker_threads`) and Deno (its Node compatibility layer). The worker scripts are built
 * next to the bundle (`dist/workers/`); where they are missing (running the TypeScript sources) callers fall
 * back to the same computation on the calling thread.
 *
 * @module
 */

import { existsSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { PracticeGraphError } from '../errors.js';

const MODULE = 'workers/pool';

/** Worker threads for sample work: `'auto'` (decided by the caller's size rule) or a count (0 = this thread). */
export type WorkersOption = 'auto' | number;

/** Cores this process may use (`os.availableParallelism`, or the CPU count). */
export function coreCount(): number {
  try {
    return typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  } catch {
    return 1;
  }
}

/**
 * The URL of a built worker script `name` (e.g. `'community-nulls'`) next to the bundle that runs this code,
 * or `null` when it is not there (the TypeScript sources run without a build).
 */
export function workerScript(name: string, base: string): URL | null {
  try {
    const url = new URL(`./workers/${name}.js`, base);
    return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
  } catch {
    return null;
  }
}

/** A task message as the worker receives it. */
interface TaskMessage {
  task: number;
  slot: number;
  payload: unknown;
}

/** A worker's reply. */
type ReplyMessage = { task: number; result: unknown } | { task: number; error: string };

/** Options of {@link runOnWorkers}. */
export interface RunOnWorkersOptions {
  /** The worker script (see {@link workerScript}). */
  script: URL;
  /** Data every worker receives once (`workerData`); SharedArrayBuffers in it are shared, not copied. */
  data: unknown;
  /** Workers to start (≥ 1). */
  workers: number;
  /** Tasks to run. */
  count: number;
  /** Prepares task `i` into `slot` (0…workers) on this thread; returns the message the worker gets. */
  prepare: (i: number, slot: number) => unknown;
}

/**
 * Runs `count` tasks on `workers` workers and resolves with their results by task index.
 *
 * @throws PracticeGraphError `WORKER_FAILED` when a worker throws or exits early (all workers are stopped)
 */
export function runOnWorkers<R>(options: RunOnWorkersOptions): Promise<R[]> {
  const { script, data, count, prepare } = options;
  const threads = Math.max(1, Math.min(options.workers, count));
  const results: R[] = new Array(count);
  if (count === 0) return Promise.resolve(results);
  return new Promise<R[]>((resolve, reject) => {
    const workers = Array.from({ length: threads }, () => new Worker(script, { workerData: data }));
    const freeSlots = Array.from({ length: threads + 1 }, (_, s) => threads - s);
    const idle: Worker[] = [];
    const slotOf = new Map<Worker, number>();
    let next = 0;
    let done = 0;
    let failed = false;
    let ready: TaskMessage | null = null;

    const stop = () => Promise.all(workers.map((w) => w.terminate())).then(() => undefined);
    const fail = (what: string, cause?: unknown) => {
      if (failed) return;
      failed = true;
      void stop().finally(() =>
        reject(
          new PracticeGraphError('WORKER_FAILED', what, {
            module: MODULE,
            hint: 'run with `workers: 0` to compute on this thread, and report the error',
            ...(cause !== undefined ? { cause } : {}),
          }),
        ),
      );
    };
    const fill = () => {
      if (ready !== null || next >= count || freeSlots.length === 0) return;
      const slot = freeSlots.pop() as number;
      const task = next++;
      ready = { task, slot, payload: prepare(task, slot) };
    };
    const dispatch = () => {
      try {
        fill();
        while (!failed && ready !== null && idle.length > 0) {
          const w = idle.pop() as Worker;
          slotOf.set(w, ready.slot);
          w.postMessage(ready);
          ready = null;
          fill();
        }
      } catch (err) {
        fail(`preparing a task failed: ${(err as Error).message}`, err);
      }
    };

    for (const w of workers) {
      w.on('message', (reply: ReplyMessage) => {
        if (failed) return;
        if ('error' in reply) {
          fail(`a worker failed on task ${reply.task}: ${reply.error}`);
          return;
        }
        results[reply.task] = reply.result as R;
        freeSlots.push(slotOf.get(w) as number);
        slotOf.delete(w);
        done++;
        if (done === count) {
          void stop().then(() => resolve(results), reject);
          return;
        }
        idle.push(w);
        dispatch();
      });
      w.on('error', (err) => fail(`a worker crashed: ${err.message}`, err));
      w.on('exit', (code) => {
        if (done < count) fail(`a worker exited early (code ${code})`);
      });
      idle.push(w);
    }
    dispatch();
  });
}

/**
 * The worker side: answers each task with `handle(payload, slot, data)` (`data` = the pool's `data`).
 * Call once at the top of a worker script.
 */
export function serveTasks<D>(handle: (payload: unknown, slot: number, data: D) => unknown): void {
  const port = parentPort;
  if (!port) throw new Error(`${MODULE}: serveTasks runs inside a worker`);
  const data = workerData as D;
  port.on('message', (m: TaskMessage) => {
    try {
      port.postMessage({ task: m.task, result: handle(m.payload, m.slot, data) });
    } catch (err) {
      port.postMessage({ task: m.task, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
}
