// Executes the TypeScript examples of README.md, so that they cannot go stale.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as library from '../src/index.js';
import { repoPath } from './data-path.js';

const readme = readFileSync(repoPath('README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);

/** Turns a README block into an async function body: imports → library bindings; `expr; // value` → check. */
function compile(block: string): { body: string; checks: number } {
  let checks = 0;
  const lines = block.split('\n').map((line) => {
    const imp = /^import \{([^}]+)\} from 'practice-graph';$/.exec(line);
    if (imp) return `const {${imp[1]}} = library;`;
    const check = /^(.*\S);\s*\/\/\s*(-?[\d.]+|'[^']*'|true|false)(?!\w)/.exec(line);
    if (check && !/^\s*(const|let|for|if)\b/.test(check[1] as string)) {
      checks++;
      return `__check(${JSON.stringify(check[1])}, ${check[1]}, ${check[2]});`;
    }
    const stats = /^(.*\S);\s*\/\/\s*(\{[^}]*\})/.exec(line);
    if (stats && !/^\s*(const|let)\b/.test(stats[1] as string)) {
      checks++;
      const obj = (stats[2] as string).replace(/,\s*\.\.\.\s*\}$/, ' }');
      return `__checkObject(${JSON.stringify(stats[1])}, ${stats[1]}, ${obj.replace(/(\w+):/g, '"$1":')});`;
    }
    return line;
  });
  return { body: lines.join('\n'), checks };
}

describe('README.md', () => {
  it('has library examples', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  for (const [i, block] of blocks.entries()) {
    it(`example ${i + 1} runs and its commented values hold`, async () => {
      const { body, checks } = compile(block);
      expect(checks).toBeGreaterThan(0);
      const results: [string, unknown, unknown][] = [];
      const __check = (src: string, actual: unknown, expected: unknown) => results.push([src, actual, expected]);
      const __checkObject = (src: string, actual: Record<string, unknown>, expected: Record<string, unknown>) =>
        results.push([src, Object.fromEntries(Object.keys(expected).map((k) => [k, actual[k]])), expected]);
      const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
      const cwd = process.cwd();
      process.chdir(repoPath());
      try {
        await new AsyncFunction('library', '__check', '__checkObject', body)(library, __check, __checkObject);
      } finally {
        process.chdir(cwd);
      }
      for (const [src, actual, expected] of results) expect(actual, src).toEqual(expected);
      expect(results.length).toBe(checks);
    });
  }
});
