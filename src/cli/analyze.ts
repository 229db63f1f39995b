/**
 * `practice-graph analyze <log...>`: read logs, run every available analysis, print a summary (or the report
 * with `--json`) and write the outputs with `--out DIR`.
 *
 * @module
 */

import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { OptionError, UsageError } from '../errors.js';
import { readRoster } from '../graph/roster.js';
import type { ColumnMapping } from '../log/fields.js';
import { MESSAGE_FIELDS, type MessageField } from '../log/message.js';
import type { Reject } from '../log/message-log.js';
import { LOG_FORMATS, type LogFormat, readLog } from '../log/read.js';
import { createPseudonymizer } from '../privacy/pseudonymize.js';
import { type AnalyzeOrganizationOptions, analyzeOrganization } from '../report/analyze.js';
import { formatCell } from '../report/csv.js';
import { type FormalGroup, readGroupsFile } from '../report/formal-groups.js';
import { writeReport } from '../report/write.js';
import type { CliIo } from './main.js';
import { createProgress } from './progress.js';
import { formatSummary } from './summary.js';

export const ANALYZE_USAGE = `Usage: practice-graph analyze <log...> [options]

Input
  --format <csv|ndjson|json|auto>   reader (default: detected from each file; .gz is read transparently)
  --map field=Column,...            column mapping, e.g. --map sender=From,recipients=To,timestamp=Date
  --delimiter <char>                CSV delimiter (default: sniffed); "tab" for a tab
  --no-header                       the CSV has no header row (columns by 0-based index in --map)
  --layout <auto|message|recipient> one row per message, or per (message, recipient)
  --time-zone <IANA name>           zone of timestamps without an offset (default UTC)
  --strict                          stop at the first bad record (default: go on, rejects go to a file)
  --rejects <file.csv>              where rejects go (default: <out>/rejects.csv with --out)
  --exclude <id,...>                people to leave out (bots, list addresses)
People and groups
  --roster <file.csv>               person attributes (an id column, then attributes)
  --roster-id <column>              the roster's id column (default: person, id or email)
  --missing <value,...>             roster cells meaning "unknown" (e.g. NA)
  --group-by <attribute,...>        one formal group per value of a roster attribute
  --groups <person_group.csv>       formal groups from a person,group file (several groups per person)
  --group-by-channel                each channel, list or site is a group scoped to its own messages
  --group-all <name>                every participant of the log as one group
Analysis
  --from <date> --to <date>         time range
  --window <30d>                    time-window length of the temporal indicators
  --seed <n>                        seed of every random step (default 42: runs reproduce)
  --resolution <γ>                  Louvain resolution (default 1; higher: smaller communities)
  --null-samples <n>                null-model samples per test (default 200)
  --min-group-size <n>              groups smaller than this are suppressed from every output (default 5)
Privacy
  --pseudonymize --secret-env NAME  replace every person id by an HMAC-SHA256 pseudonym keyed by the secret
                                    in environment variable NAME (never on the command line)
  --keep-identifying                keep roster columns such as name and email when pseudonymising
Output
  --out <dir>                       write report.json, report.html, CSV tables, GEXF, GraphML, Neo4j files
  --json                            print the report JSON on stdout (instead of the summary)
  --quiet                           no progress on stderr
  --verbose                         stack traces on errors
`;

export const ANALYZE_OPTIONS = {
  format: { type: 'string' },
  map: { type: 'string' },
  delimiter: { type: 'string' },
  'no-header': { type: 'boolean' },
  layout: { type: 'string' },
  'time-zone': { type: 'string' },
  strict: { type: 'boolean' },
  rejects: { type: 'string' },
  exclude: { type: 'string' },
  roster: { type: 'string' },
  'roster-id': { type: 'string' },
  missing: { type: 'string' },
  'group-by': { type: 'string', multiple: true },
  groups: { type: 'string', multiple: true },
  'group-by-channel': { type: 'boolean' },
  'group-all': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  window: { type: 'string' },
  seed: { type: 'string' },
  resolution: { type: 'string' },
  'null-samples': { type: 'string' },
  'min-group-size': { type: 'string' },
  pseudonymize: { type: 'boolean' },
  'secret-env': { type: 'string' },
  'keep-identifying': { type: 'boolean' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

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

function number(name: string, text: string | undefined, integer: boolean): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || (integer && !Number.isInteger(v)) || v < 0) {
    throw new UsageError(
      `--${name} must be a ${integer ? 'whole number' : 'number'} ≥ 0 (got ${JSON.stringify(text)})`,
    );
  }
  return v;
}

const list = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

type Values = ReturnType<typeof parseArgs<{ options: typeof ANALYZE_OPTIONS; allowPositionals: true }>>['values'];

/** Runs `analyze` with parsed arguments; shared with `demo`. */
export async function runAnalyze(
  positionals: string[],
  values: Values,
  io: CliIo,
  extra: { summaryTitle?: string; defaultOut?: string } = {},
): Promise<number> {
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
  if (values.pseudonymize && !values['secret-env']) {
    throw new UsageError(
      '--pseudonymize needs --secret-env NAME',
      'put the secret in an environment variable, e.g. PG_SECRET',
    );
  }
  if (values['secret-env'] && !values.pseudonymize)
    throw new UsageError('--secret-env is only used with --pseudonymize');
  const seedText = values.seed;
  const seed = seedText === undefined ? undefined : /^\d+$/.test(seedText) ? Number(seedText) : seedText;
  const out = values.out ?? extra.defaultOut;
  const strict = values.strict ?? false;
  const headers = !values['no-header'];
  const columns = parseMap(values.map, headers);
  const delimiter = values.delimiter === 'tab' ? '\t' : values.delimiter;
  const pseudonymize = values.pseudonymize ?? false;

  let secret: string | undefined;
  if (pseudonymize) {
    const name = values['secret-env'] as string;
    secret = (io.env ?? process.env)[name];
    if (!secret) throw new UsageError(`environment variable ${name} (from --secret-env) is not set or empty`);
  }
  const rejectsPath = values.rejects ?? (out && !strict ? join(out, 'rejects.csv') : undefined);
  let rejectsFile: WriteStream | undefined;
  let rejectsWritten = 0;
  const onReject = (source: string) => (r: Reject) => {
    if (!rejectsPath) return;
    if (!rejectsFile) {
      rejectsFile = createWriteStream(rejectsPath);
      rejectsFile.write(pseudonymize ? 'source,row,field,code\n' : 'source,row,field,code,reason,raw\n');
    }
    const cells = [source, r.row, r.field, r.code, ...(pseudonymize ? [] : [r.reason, r.raw])];
    rejectsFile.write(`${cells.map((c) => formatCell(c)).join(',')}\n`);
    rejectsWritten++;
  };
  if (rejectsPath) await mkdir(dirname(resolve(rejectsPath)), { recursive: true });

  const logs = positionals.map((path) =>
    readLog(path, {
      format,
      headers,
      ...(columns ? { columns } : {}),
      ...(delimiter ? { delimiter } : {}),
      ...(layout ? { layout } : {}),
      ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}),
      strict,
      onReject: onReject(path),
    }),
  );
  const progress = createProgress(
    { write: io.stderr, isTTY: io.isTTY ?? false, ...(io.columns ? { columns: io.columns } : {}) },
    { quiet: values.quiet ?? false },
  );
  if (!values.quiet) for (const log of logs) io.stderr(`reading ${log.stats.source} as ${log.format}\n`);
  const roster = values.roster
    ? await readRoster(values.roster, {
        ...(values['roster-id'] ? { idColumn: values['roster-id'] } : {}),
        ...(values.missing ? { missingValues: list(values.missing) } : {}),
        strict,
      })
    : undefined;
  const groups: FormalGroup[] = [];
  for (const file of values.groups ?? []) groups.push(...(await readGroupsFile(file)));
  const groupBy = (values['group-by'] ?? []).flatMap((g) => list(g));
  if (groupBy.length > 0 && !roster) throw new UsageError('--group-by needs --roster');
  const options: AnalyzeOrganizationOptions = {
    ...(seed !== undefined ? { seed } : {}),
    ...(values.resolution !== undefined
      ? { resolution: number('resolution', values.resolution, false) as number }
      : {}),
    ...(values['null-samples'] !== undefined
      ? { nullSamples: number('null-samples', values['null-samples'], true) as number }
      : {}),
    ...(values['min-group-size'] !== undefined
      ? { minGroupSize: number('min-group-size', values['min-group-size'], true) as number }
      : {}),
    ...(values.window ? { window: values.window } : {}),
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
    ...(values.exclude ? { exclude: list(values.exclude) } : {}),
    ...(roster ? { roster } : {}),
    groupBy,
    groups,
    groupByChannel: values['group-by-channel'] ?? false,
    ...(values['group-all'] !== undefined ? { groupAll: values['group-all'] } : {}),
    ...(secret ? { pseudonymizer: await createPseudonymizer(secret) } : {}),
    keepIdentifying: values['keep-identifying'] ?? false,
    onProgress: progress,
    params: {
      input: {
        format,
        map: values.map ?? null,
        delimiter: delimiter ?? null,
        header: headers,
        layout: layout ?? 'auto',
        timeZone: values['time-zone'] ?? 'UTC',
        strict,
        roster: values.roster === undefined ? null : pseudonymize ? basename(values.roster) : values.roster,
        exclude: list(values.exclude),
      },
    },
  };
  let analysis: Awaited<ReturnType<typeof analyzeOrganization>>;
  try {
    analysis = await analyzeOrganization(logs, options);
  } catch (err) {
    if (err instanceof OptionError && /`(seed|resolution|nullSamples|minGroupSize)`/.test(err.message)) {
      throw new UsageError(err.message.replace(/^practice-graph\/[^:]+: /, ''));
    }
    throw err;
  } finally {
    progress.done();
    if (rejectsFile) await new Promise<void>((done) => (rejectsFile as WriteStream).end(done));
  }
  const { report, graph } = analysis;
  let written: string[] = [];
  if (out) {
    if (!values.quiet) io.stderr(`writing the report to ${resolve(out)}\n`);
    written = await writeReport(report, graph, out);
  }
  if (values.json) {
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    if (extra.summaryTitle) io.stdout(`${extra.summaryTitle}\n`);
    io.stdout(formatSummary(report));
    if (report.input.rejected > 0 && rejectsPath) io.stdout(`rejects: ${rejectsWritten} in ${rejectsPath}\n`);
    if (out) io.stdout(`report written to ${resolve(out)}: ${written.map((w) => relative(out, w)).join(', ')}\n`);
  }
  return 0;
}

/** `practice-graph analyze` entry point. */
export async function analyzeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: ANALYZE_OPTIONS });
  if (values.help) {
    io.stdout(ANALYZE_USAGE);
    return 0;
  }
  return runAnalyze(positionals, values, io);
}
