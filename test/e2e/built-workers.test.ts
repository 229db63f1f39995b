// The q–s test's null graphs on worker threads, through the BUILT library (the worker script exists only in
// dist/workers/): the same result as on the calling thread, under ESM and CJS, with any number of workers.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { testCommunities as testCommunitiesFromSources } from '../../src/practice/test-communities.js';
import { repoPath } from '../data-path.js';
import { ensureBuilt } from './built.js';

type Built = typeof import('../../src/index.js');
let built: Built;

beforeAll(async () => {
  ensureBuilt();
  built = (await import(repoPath('dist', 'index.js'))) as Built;
}, 120_000);

/** An LFR graph of 1,500 people (about 10,000 ties): big enough for a few rounds of Louvain. */
const lfr = (lib: Pick<Built, 'generateLfrGraph'>) =>
  lib.generateLfrGraph({ nodes: 1500, averageDegree: 12, minCommunity: 20, maxCommunity: 120, mixing: 0.4, seed: 11 })
    .graph;
const OPTIONS = { samples: 7, seed: 5, getEdgeWeight: 'weight' } as const;

describe('testCommunitiesAsync on worker threads (built library)', () => {
  it('gives the calling thread’s result with 1, 2 and 3 workers, and the sources’ result', async () => {
    const graph = lfr(built);
    const here = built.testCommunities(graph, OPTIONS);
    expect(here.nullCommunities).toBeGreaterThan(7);
    const text = JSON.stringify(here);
    expect(JSON.stringify(testCommunitiesFromSources(graph, OPTIONS))).toBe(text);
    for (const workers of [1, 2, 3]) {
      expect(JSON.stringify(await built.testCommunitiesAsync(graph, { ...OPTIONS, workers }))).toBe(text);
    }
    // another seed changes the null graphs: the comparison above could fail
    const other = await built.testCommunitiesAsync(graph, { ...OPTIONS, seed: 6, workers: 2 });
    expect(JSON.stringify(other)).not.toBe(text);
  });

  it('finds its worker script from the CommonJS build too', () => {
    const script = `
      const lib = require(${JSON.stringify(repoPath('dist', 'index.cjs'))});
      const graph = lib.generateLfrGraph({ nodes: 1500, averageDegree: 12, minCommunity: 20, maxCommunity: 120, mixing: 0.4, seed: 11 }).graph;
      lib.testCommunitiesAsync(graph, { samples: 7, seed: 5, getEdgeWeight: 'weight', workers: 2 })
        .then((r) => process.stdout.write(JSON.stringify(r)));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(JSON.stringify(built.testCommunities(lfr(built), OPTIONS)));
  });
});
