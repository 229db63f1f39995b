// The committed sample organisation (fixtures/sample-org) must be exactly what its README's command
// generates today: if this fails after an intended change of the simulator, regenerate it with that command.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { repoPath } from '../data-path.js';

const FILES = ['messages.csv', 'roster.csv', 'groups.csv', 'truth.json'];
const quiet = { stdout: () => {}, stderr: () => {} };

describe('fixtures/sample-org', () => {
  it('equals a fresh generation by the command in its README, byte for byte', async () => {
    const readme = readFileSync(repoPath('fixtures/sample-org/README.md'), 'utf8');
    const command = /node dist\/cli\.js (simulate [^\n]*)/.exec(readme)?.[1];
    expect(command).toBe('simulate --people 150 --days 60 --seed 7 --out fixtures/sample-org --quiet');
    const out = mkdtempSync(join(tmpdir(), 'pg-sample-org-'));
    const args = (command as string).split(' ').map((a) => (a === 'fixtures/sample-org' ? out : a));
    expect(await runCli(args, quiet)).toBe(0);
    for (const f of FILES) {
      const fresh = readFileSync(join(out, f));
      const committed = readFileSync(repoPath('fixtures/sample-org', f));
      expect(fresh.equals(committed), `${f} differs from a fresh generation`).toBe(true);
    }
  });

  it('is what `practice-graph demo` analyses, with its roster: every row read, every person known', async () => {
    let printed = '';
    const io = {
      stdout: (t: string) => {
        printed += t;
      },
      stderr: () => {},
    };
    const out = mkdtempSync(join(tmpdir(), 'pg-demo-'));
    expect(await runCli(['demo', '--quiet', '--json', '--out', out], io)).toBe(0);
    const report = JSON.parse(printed);
    expect(report.input.sources[0]).toMatchObject({ read: 21677, accepted: 21677, rejected: 0 });
    expect(report.input.roster).toMatchObject({ read: 150, accepted: 150, rejected: 0 });
    // 150 people and the two notification bots, who are not in the roster
    expect(report.input.people).toBe(152);
    expect(report.input.roster.matched).toBe(150);
  });
});
