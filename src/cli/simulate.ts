/**
 * `practice-graph simulate`: writes a simulated organisation with planted ground truth to a folder.
 *
 *     practice-graph simulate --people 300 --days 90 --seed 7 --out org/
 *
 * @module
 */

import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import type { PlantedKind, SimulateOptions } from '../simulate/options.js';
import { simulateOrganization } from '../simulate/simulate.js';
import { writeSimulation } from '../simulate/write.js';

/** Where the command writes (the CLI's `CliIo`). */
export interface SimulateIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const SIMULATE_USAGE = `Usage:
  practice-graph simulate --out DIR [options]

Writes messages.csv, roster.csv, groups.csv and truth.json of a simulated organisation with planted
communities of practice, social-learning groups, hybrids and not-a-unit groups (see docs/simulator.md).

Options:
  --out <dir>               output folder (required; created if needed)
  --people <n>              people in the organisation (default 300)
  --days <n>                length of the period in days (default 90)
  --seed <s>                seed, a number or a string (default 42)
  --start <date>            first day of the period (default 2024-01-01)
  --departments <n>         departments (default people / 40)
  --mixing <p>              share of group interactions that leak outside the group (default 0.1)
  --noise <r>               cross-department messages per person per working day (default 0.3)
  --group-activity <x>      scale of the planted groups' traffic (default 1)
  --cop <n>                 communities of practice (default 3)
  --social-learning <n>     social-learning groups (default 3)
  --hybrid <n>              hybrid groups (default 2)
  --not-a-unit <n>          not-a-unit groups (default 2)
  --text                    write message bodies from templates
  --no-kinds                leave the kind column empty (question/answer/share/discussion)
  --quiet                   no progress on stderr
`;

function number(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) throw new UsageError(`--${name} expects a number (got ${text})`);
  return v;
}

const KIND_FLAGS: Record<string, PlantedKind> = {
  cop: 'community-of-practice',
  'social-learning': 'social-learning',
  hybrid: 'hybrid',
  'not-a-unit': 'not-a-unit',
};

/** Runs `practice-graph simulate`; resolves to the exit code. */
export async function simulateCommand(args: string[], io: SimulateIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      people: { type: 'string' },
      days: { type: 'string' },
      seed: { type: 'string' },
      start: { type: 'string' },
      departments: { type: 'string' },
      mixing: { type: 'string' },
      noise: { type: 'string' },
      'group-activity': { type: 'string' },
      cop: { type: 'string' },
      'social-learning': { type: 'string' },
      hybrid: { type: 'string' },
      'not-a-unit': { type: 'string' },
      text: { type: 'boolean' },
      'no-kinds': { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(SIMULATE_USAGE);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument \`${positionals[0]}\``, 'see --help');
  if (!values.out) throw new UsageError('simulate needs --out DIR', 'practice-graph simulate --out org/');
  const groups: SimulateOptions['groups'] = {};
  for (const [flag, kind] of Object.entries(KIND_FLAGS)) {
    const count = number(flag, values[flag as keyof typeof values] as string | undefined);
    if (count !== undefined) groups[kind] = { count };
  }
  const seedText = values.seed;
  const options: SimulateOptions = {
    ...(seedText !== undefined ? { seed: /^-?\d+$/.test(seedText) ? Number(seedText) : seedText } : {}),
    people: number('people', values.people),
    days: number('days', values.days),
    departments: number('departments', values.departments),
    mixing: number('mixing', values.mixing),
    noise: number('noise', values.noise),
    groupActivity: number('group-activity', values['group-activity']),
    ...(values.start !== undefined ? { start: values.start } : {}),
    ...(values.text ? { text: true } : {}),
    ...(values['no-kinds'] ? { kinds: false } : {}),
    groups,
  };
  const org = simulateOrganization(options);
  let reported = 0;
  const written = await writeSimulation(org, values.out, {
    onProgress: (n) => {
      if (values.quiet || n - reported < 1_000_000) return;
      reported = n;
      io.stderr(`simulate: ${n} messages\n`);
    },
  });
  if (!values.quiet) {
    io.stderr(
      `simulate: wrote ${written.messages} messages of ${org.truth.people} people over ${org.truth.options.days} days to ${values.out}\n`,
    );
  }
  const summary = {
    out: values.out,
    files: written.files,
    messages: written.messages,
    people: org.truth.people,
    period: org.truth.period,
    seed: org.truth.seed,
    bySource: org.stats.bySource,
    groups: org.truth.groups.map((g) => ({ name: g.name, kind: g.kind, scope: g.scope, members: g.members.length })),
  };
  io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
  return 0;
}
