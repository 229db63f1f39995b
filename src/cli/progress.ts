/**
 * Progress on stderr for long work: on a terminal, one redrawn line with a bar (when the total is known) and
 * the rate; otherwise plain lines, at most one per `interval` per phase plus one when a phase ends, so logs
 * of CI jobs stay short. Nothing at all with `--quiet`.
 *
 * @module
 */

import type { ProgressEvent } from '../report/stages.js';

/** Where progress goes. */
export interface ProgressSink {
  write: (text: string) => void;
  /** Whether the sink is a terminal (redraw in place). */
  isTTY: boolean;
  /** Terminal width. Default 80. */
  columns?: number;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  quiet?: boolean;
  /** Milliseconds between plain lines of one phase (non-TTY). Default 5,000. */
  interval?: number;
  /** Clock, replaceable in tests. Default `Date.now`. */
  now?: () => number;
}

/** A progress reporter: call it with events, then `done()` to end the line. */
export interface Progress {
  (event: ProgressEvent): void;
  done(): void;
}

const group = (n: number) => Math.round(n).toLocaleString('en-US');

/** Creates a progress reporter writing to `sink`. */
export function createProgress(sink: ProgressSink, options: ProgressOptions = {}): Progress {
  const now = options.now ?? Date.now;
  const interval = options.interval ?? 5000;
  const started = new Map<string, number>();
  const lastLine = new Map<string, number>();
  let open = false;

  const describe = (e: ProgressEvent): string => {
    const t0 = started.get(e.phase) ?? now();
    const seconds = Math.max((now() - t0) / 1000, 1e-3);
    const rate = e.done / seconds;
    const count = e.total !== undefined ? `${group(e.done)}/${group(e.total)}` : group(e.done);
    return `${e.phase}: ${count} ${e.unit} (${group(rate)} ${e.unit}/s, ${seconds.toFixed(1)} s)`;
  };

  const report = ((e: ProgressEvent) => {
    if (options.quiet) return;
    if (!started.has(e.phase)) started.set(e.phase, now());
    const finished = e.total !== undefined && e.done >= e.total;
    if (sink.isTTY) {
      const width = sink.columns ?? 80;
      let bar = '';
      if (e.total !== undefined && e.total > 0) {
        const cells = 20;
        const filled = Math.round((Math.min(e.done, e.total) / e.total) * cells);
        bar = `[${'#'.repeat(filled)}${'.'.repeat(cells - filled)}] `;
      }
      const line = `${bar}${describe(e)}`.slice(0, width - 1);
      sink.write(`\r${line}\u001b[K${finished ? '\n' : ''}`);
      open = !finished;
      return;
    }
    const last = lastLine.get(e.phase);
    if (e.done === 0 && !finished) return; // a start: nothing to say yet
    if (
      finished ||
      (last === undefined ? now() - (started.get(e.phase) as number) >= interval : now() - last >= interval)
    ) {
      sink.write(`${describe(e)}\n`);
      lastLine.set(e.phase, now());
    }
  }) as Progress;
  report.done = () => {
    if (open && !options.quiet) sink.write('\n');
    open = false;
  };
  return report;
}
