/**
 * `practice-graph demo` (what `npm start` runs): analyse the bundled sample organisation — its messages,
 * roster and formal groups — print the summary and write the full report (default
 * `./practice-graph-report`, or `--out DIR`).
 *
 * @module
 */

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { runAnalyze } from './analyze.js';
import { ANALYZE_OPTIONS } from './analyze-options.js';
import type { CliIo } from './main.js';

/** Where `demo` writes when no `--out` is given. */
export const DEMO_OUT = 'practice-graph-report';

/** The folder of the bundled sample organisation, when running from a checkout. */
export function sampleOrganisationDir(): string | undefined {
  for (const c of ['../fixtures/sample-org/', '../../fixtures/sample-org/']) {
    const dir = fileURLToPath(new URL(c, import.meta.url));
    if (existsSync(join(dir, 'messages.csv'))) return dir;
  }
  return undefined;
}

/** The bundled sample organisation's messages file, when running from a checkout. */
export function sampleOrganisationPath(): string | undefined {
  const dir = sampleOrganisationDir();
  return dir ? join(dir, 'messages.csv') : undefined;
}

/** `practice-graph demo [--out DIR] [analyze options]`. */
export async function demoCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: ANALYZE_OPTIONS });
  if (positionals.length > 0) throw new UsageError('demo takes no file; use `practice-graph analyze <log>`');
  const dir = sampleOrganisationDir();
  if (!dir) {
    throw new UsageError(
      'the bundled sample organisation was not found',
      'run `npm start` from a clone of the repository',
    );
  }
  const roster = join(dir, 'roster.csv');
  const groups = join(dir, 'groups.csv');
  const merged = {
    window: '14d',
    ...(existsSync(roster) ? { roster, 'group-by': ['department'] } : {}),
    ...(existsSync(groups) ? { groups: [groups] } : {}),
    ...values,
  };
  return runAnalyze([join(dir, 'messages.csv')], merged, io, {
    summaryTitle: `Sample organisation (${dirname(join(dir, 'x'))}), synthetic, with planted ground truth:`,
    defaultOut: DEMO_OUT,
  });
}
