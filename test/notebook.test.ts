// Executes every code cell of the example notebook under Deno (the `deno` devDependency), in order, as one
// module, from the notebook's folder, against the built library: what Deno's Jupyter kernel would run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoPath } from './data-path.js';

const NOTEBOOK = repoPath('docs', 'notebooks', 'practice-graph-demo.ipynb');

beforeAll(() => {
  if (process.env.PRACTICE_GRAPH_BUILT !== '1' || !existsSync(repoPath('dist', 'index.js'))) {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: repoPath(), stdio: 'ignore' });
  }
}, 120_000);

describe('docs/notebooks/practice-graph-demo.ipynb', () => {
  it('is a Deno notebook whose code cells run under Deno and print the tables', () => {
    const nb = JSON.parse(readFileSync(NOTEBOOK, 'utf8'));
    expect(nb.metadata.kernelspec.name).toBe('deno');
    const cells: string[] = nb.cells
      .filter((c: { cell_type: string }) => c.cell_type === 'code')
      .map((c: { source: string[] }) => c.source.join(''));
    expect(cells.length).toBeGreaterThanOrEqual(4);
    const dist = pathToFileURL(repoPath('dist', 'index.js')).href;
    const script = cells.join('\n;\n').replaceAll('"npm:practice-graph"', JSON.stringify(dist));
    expect(script).not.toContain('npm:practice-graph');
    const dir = repoPath('test-output');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'notebook-cells.ts');
    writeFileSync(file, script);
    const deno = repoPath('node_modules', '.bin', 'deno');
    const r = spawnSync(deno, ['run', '--allow-read', file], {
      cwd: repoPath('docs', 'notebooks'),
      encoding: 'utf8',
      env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', NO_COLOR: '1' },
    });
    expect(r.status, r.stderr).toBe(0);
    // console.table output of the accounting and the people table
    expect(r.stdout).toMatch(/│\s*accepted\s*│/);
    expect(r.stdout).toMatch(/│\s*\(idx\)\s*│\s*person\s*│\s*sent/);
  }, 120_000);
});
