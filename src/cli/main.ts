/**
 * The command-line front end. It only parses arguments, calls the library and formats results.
 *
 *     practice-graph analyze <log...> [options]   read logs and print the analysis as JSON
 *     practice-graph demo                          analyse the bundled sample organisation
 *     practice-graph simulate --out DIR            write a simulated organisation (see cli/simulate.ts)
 *
 * Exit codes: 0 ok, 1 runtime or data error, 2 usage error.
 *
 * @module
 */

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PracticeGraphError, UsageError } from '../errors.js';
import { ingest } from '../graph/ingest.js';
import { readRoster } from '../graph/roster.js';
import { summarizeGraph } from '../graph/summary.js';
import type { ColumnMapping } from '../log/fields.js';
import { MESSAGE_FIELDS, type Message, type MessageField } from '../log/message.js';
import type { ReadStats } from '../log/message-log.js';
import { LOG_FORMATS, type LogFormat, readLog } from '../log/read.js';
import { simulateCommand } from './simulate.js';

/** Where the CLI writes; replaceable in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

const USAGE = `Usage:
  practice-graph analyze <log...> [options]   read message logs and print the analysis as JSON
  practice-graph demo                          analyse the bundled sample organisation
  practice-graph simulate --out DIR [options]  write a simulated organisation with planted truth

Options of analyze:
  --format <name|auto>              reader: csv, ndjson, json, mbox, slack, stackexchange, viva, chat
                                    (default: detected from the path, its first bytes or folder layout)
  --text                            keep message text (mbox bodies, Stack Exchange posts)
  --map field=Column,...            column mapping, e.g. --map sender=From,recipients=To,timestamp=Date
  --delimiter <char>                CSV delimiter (default: sniffed); use "tab" for a tab
  --no-header                       the CSV has no header row (columns by 0-based index in --map)
  --layout <auto|message|recipient> one row per message, or per (message, recipient)
  --time-zone <IANA name>           zone of timestamps without an offset (default UTC)
  --strict                          stop at the first bad row (default: collect rejects and go on)
  --roster <file.csv>               person attributes (columns: person, department, ...)
  --exclude <id,...>                people to leave out (bots, list addresses)
  --from <date> --to <date>         time range
  --window <30d>                    also build one graph per time window
  --quiet                           no progress on stderr
  -h, --help                        this text
`;

function parseMap(text: string | undefined, headers: boolean): ColumnMapping | undefined {
  if (!text) return undefined;
  const mapping: ColumnMapping = {};
  for (const pair of text.split(',')) {
    const [field, column] = pair.split('=').map((s) => s.trim());
    if (!field || column === undefined || column === '') {
      throw new UsageError(
        `--map expects field=Column pairs (got ${JSON.stringify(pair)})`,
        'e.g. --map sender=From,recipients=To',
      );
    }
    if (!MESSAGE_FIELDS.includes(field as MessageField)) {
      throw new UsageError(`--map: unknown field \`${field}\``, `fields are ${MESSAGE_FIELDS.join(', ')}`);
    }
    mapping[field as MessageField] = !headers && /^\d+$/.test(column) ? Number(column) : column;
  }
  return mapping;
}

async function* concat(logs: AsyncIterable<Message>[]): AsyncGenerator<Message> {
  for (const log of logs) yield* log;
}

/** The bundled sample organisation, when running from a checkout. */
export function sampleOrganisationPath(): string | undefined {
  const candidates = ['../fixtures/sample-org/messages.csv', '../../fixtures/sample-org/messages.csv'];
  for (const c of candidates) {
    const path = fileURLToPath(new URL(c, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

async function analyze(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      text: { type: 'boolean' },
      map: { type: 'string' },
      delimiter: { type: 'string' },
      'no-header': { type: 'boolean' },
      layout: { type: 'string' },
      'time-zone': { type: 'string' },
      strict: { type: 'boolean' },
      roster: { type: 'string' },
      exclude: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      window: { type: 'string' },
      quiet: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (positionals.length === 0)
    throw new UsageError('analyze needs at least one log file', 'practice-graph analyze messages.csv');
  const format = (values.format ?? 'auto') as LogFormat | 'auto';
  if (format !== 'auto' && !LOG_FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${LOG_FORMATS.join(', ')}, auto (got ${format})`);
  }
  const layout = values.layout as 'auto' | 'message' | 'recipient' | undefined;
  if (layout !== undefined && !['auto', 'message', 'recipient'].includes(layout)) {
    throw new UsageError(`--layout must be auto, message or recipient (got ${layout})`);
  }
  const headers = !values['no-header'];
  const columns = parseMap(values.map, headers);
  const delimiter = values.delimiter === 'tab' ? '\t' : values.delimiter;
  const logs = positionals.map((path) =>
    readLog(path, {
      format,
      headers,
      ...(columns ? { columns } : {}),
      ...(delimiter ? { delimiter } : {}),
      ...(layout ? { layout } : {}),
      ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}),
      strict: values.strict ?? false,
      ...(values.text ? { text: true } : {}),
    }),
  );
  if (!values.quiet) {
    for (const log of logs) io.stderr(`reading ${log.stats.source} as ${log.format}\n`);
  }
  const roster = values.roster ? await readRoster(values.roster) : undefined;
  const { graph, windows, threads } = await ingest(concat(logs), {
    ...(roster ? { roster } : {}),
    ...(values.exclude ? { exclude: values.exclude.split(',').map((s) => s.trim()) } : {}),
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
    ...(values.window ? { window: values.window } : {}),
  });
  const summary = summarizeGraph(graph);
  const inputs: ReadStats[] = logs.map((l) => l.stats);
  const report = {
    ...summary,
    read: undefined,
    inputs: inputs.map((s) => ({
      source: s.source,
      format: s.format,
      read: s.read,
      accepted: s.accepted,
      rejected: s.rejected,
      messages: s.messages,
      skipped: s.skipped,
      notes: s.notes,
      rejects: s.rejects.slice(0, 20),
    })),
    threads: threads.stats,
    windows: windows.map((w) => ({
      index: w.index,
      start: new Date(w.start).toISOString(),
      people: w.graph.order,
      ties: w.graph.size,
    })),
    ...(roster ? { roster: roster.stats } : {}),
  };
  if (!values.quiet) {
    const rejected = inputs.reduce((a, s) => a + s.rejected, 0);
    io.stderr(
      `read ${inputs.reduce((a, s) => a + s.read, 0)} records (${rejected} rejected); ${summary.people} people, ${summary.ties} ties\n`,
    );
  }
  io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  return 0;
}

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
        return await analyze(rest, io);
      case 'simulate':
        return await simulateCommand(rest, io);
      case 'demo': {
        const sample = sampleOrganisationPath();
        if (!sample) {
          throw new UsageError(
            'the bundled sample organisation was not found',
            'run `npm start` from a clone of the repository',
          );
        }
        const roster = join(dirname(sample), 'roster.csv');
        return await analyze(
          [sample, '--window', '30d', ...(existsSync(roster) ? ['--roster', roster] : []), ...rest],
          io,
        );
      }
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
