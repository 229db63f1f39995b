// Locates the shared real-world datasets (`../shared/data` next to the repository, as in CI).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const candidates = [process.env.PRACTICE_GRAPH_DATA, join(repo, '..', 'shared', 'data'), '/work/shared/data'];

/** Absolute path of the shared data folder. Throws when it cannot be found: tests must not skip silently. */
export const DATA_DIR: string = (() => {
  for (const c of candidates) if (c && existsSync(c)) return c;
  throw new Error(
    `shared data not found; looked in ${candidates.filter(Boolean).join(', ')} (set PRACTICE_GRAPH_DATA)`,
  );
})();

/** Path of a file inside the shared data folder. */
export const dataPath = (...parts: string[]): string => join(DATA_DIR, ...parts);

/** Path of a file inside the repository. */
export const repoPath = (...parts: string[]): string => join(repo, ...parts);
