// Shared helpers for the benchmarks: timing, medians, machine info, results tables, Python peers.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const DATA_DIR = join(BENCH_DIR, '.data');
export const RESULTS_DIR = join(BENCH_DIR, 'results');
export const DRY = process.argv.includes('--dry');

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs `fn` `runs` times (after a gc when exposed) and returns the median wall time in seconds and the last result. */
export async function time(fn, runs = 3) {
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const t = performance.now();
    result = await fn();
    times.push((performance.now() - t) / 1000);
  }
  return { seconds: median(times), times, result };
}

export function machine() {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: BENCH_DIR, encoding: 'utf8' }).trim();
  } catch {}
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    load: loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
    commit,
  };
}

export function ensureDir(dir) {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
}

/** Writes a markdown results file (not in dry runs) and prints it. */
export function writeResults(name, title, sections) {
  const m = machine();
  const text = `# ${title}\n\nMachine: ${m.cpu}, ${m.memory}, Node ${m.node}, load average at start ${m.load}; commit ${m.commit}; ${m.date}.\n\n${sections.join('\n\n')}\n`;
  console.log(text);
  if (!DRY) {
    ensureDir(RESULTS_DIR);
    writeFileSync(join(RESULTS_DIR, `${name}.md`), text);
  }
}

export function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Runs a Python peer script with Debian's interpreter; returns parsed JSON from its last stdout line, or null. */
export function python(script, args) {
  const py = '/usr/bin/python3';
  if (!existsSync(py)) return null;
  const r = spawnSync(py, [join(BENCH_DIR, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) {
    console.error(`python peer ${script} failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    return null;
  }
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

export const fmt = (x, digits = 2) =>
  x === null || x === undefined || Number.isNaN(x) ? 'n/a' : Number(x).toFixed(digits);
export const rate = (n, s) => `${Math.round(n / s / 1000).toLocaleString('en-US')}k/s`;
