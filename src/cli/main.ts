/**
 * The command-line front end. It only parses arguments, calls the library and formats results.
 *
 *     practice-graph analyze <log...> [options]   analyse message logs (src/cli/analyze.ts)
 *     practice-graph demo                          analyse the bundled sample organisation (src/cli/demo.ts)
 *     practice-graph simulate --out DIR            write a simulated organisation (src/cli/simulate.ts)
 *
 * Exit codes: 0 ok, 1 runtime or data error, 2 usage error.
 *
 * @module
 */

import { PracticeGraphError, UsageError } from '../errors.js';
import { analyzeCommand } from './analyze.js';
import { demoCommand } from './demo.js';
import { simulateCommand } from './simulate.js';

export { sampleOrganisationPath } from './demo.js';

/** Where the CLI writes and what it reads from its environment; replaceable in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bar instead of plain lines). */
  isTTY?: boolean;
  /** Terminal width. */
  columns?: number;
  /** Environment variables (secrets for `--secret-env`). Default `process.env`. */
  env?: Record<string, string | undefined>;
}

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: process.stderr.isTTY === true,
  ...(process.stderr.columns ? { columns: process.stderr.columns } : {}),
};

const USAGE = `Usage:
  practice-graph analyze <log...> [options]   analyse message logs; --out DIR writes the full report
  practice-graph demo [--out DIR]             analyse the bundled sample organisation (what npm start runs)
  practice-graph simulate --out DIR [options]  write a simulated organisation with planted truth
  practice-graph <command> --help             the options of a command

Exit codes: 0 ok, 1 runtime or data error, 2 usage error.
`;

/**
 * Runs the CLI with the given arguments; resolves to the exit code.
 *
 * @example
 * await runCli(['analyze', 'messages.csv']); // prints the summary JSON, resolves 0
 */
export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const verbose = argv.includes('--verbose');
  const args = argv.filter((a) => a !== '--verbose');
  try {
    const [command, ...rest] = args;
    switch (command) {
      case 'analyze':
        return await analyzeCommand(rest, io);
      case 'simulate':
        return await simulateCommand(rest, io);
      case 'demo':
        return await demoCommand(rest, io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command \`${command}\``, 'run `practice-graph --help`');
    }
  } catch (err) {
    const usage =
      err instanceof UsageError ||
      (err instanceof Error && 'code' in err && String((err as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'));
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`practice-graph: ${message}\n`);
    if (verbose && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
    else if (!(err instanceof PracticeGraphError) && !usage) io.stderr('(run with --verbose for the stack)\n');
    return usage ? 2 : 1;
  }
}
