// Builds dist/ once for the tests that run the built output (the CLI, the worker scripts), unless it is
// already newer than every source file. Test files run in parallel processes: a lock directory makes them
// build one at a time.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from '../data-path.js';

/** Files every built-output test needs. */
const OUTPUTS = ['dist/index.js', 'dist/index.cjs', 'dist/cli.js', 'dist/workers/community-nulls.js'];

function newest(dir: string): number {
  let t = 0;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

function fresh(): boolean {
  if (!OUTPUTS.every((f) => existsSync(repoPath(f)))) return false;
  if (process.env.PRACTICE_GRAPH_BUILT === '1') return true;
  const built = Math.min(...OUTPUTS.map((f) => statSync(repoPath(f)).mtimeMs));
  return built > Math.max(newest(repoPath('src')), statSync(repoPath('tsup.config.ts')).mtimeMs);
}

/** Makes sure dist/ is built from the current sources (`.ci/run` builds first and sets PRACTICE_GRAPH_BUILT=1). */
export function ensureBuilt(): void {
  if (fresh()) return;
  const lock = repoPath('.build-lock');
  const wait = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // a lock left by a killed run is stale after five minutes
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true });
      Atomics.wait(wait, 0, 0, 200);
    }
  }
  try {
    if (!fresh()) execFileSync('npm', ['run', 'build', '--silent'], { cwd: repoPath(), stdio: 'ignore' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
