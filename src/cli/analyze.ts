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
import type { Reject } from '../log/message-log.js';
import { LOG_FORMATS, type LogFormat, readLog } from '../log/read.js';
import { createPseudonymizer } from '../privacy/pseudonymize.js';
import { type AnalyzeOrganizationOptions, analyzeOrganization } from '../report/analyze.js';
import { formatCell } from '../report/csv.js';
import { type FormalGroup, readGroupsFile } from '../report/formal-groups.js';
import { writeReport } from '../report/write.js';
import { ANALYZE_OPTIONS, ANALYZE_USAGE, parseList, parseMap, parseNumber } from './analyze-options.js';
import type { CliIo } from './main.js';
import { createProgress } from './progress.js';
import { formatSummary } from './summary.js';

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
      ...(values.text ? { text: true } : {}),
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
        ...(values.missing ? { missingValues: parseList(values.missing) } : {}),
        strict,
      })
    : undefined;
  const groups: FormalGroup[] = [];
  for (const file of values.groups ?? []) groups.push(...(await readGroupsFile(file)));
  const groupBy = (values['group-by'] ?? []).flatMap((g) => parseList(g));
  if (groupBy.length > 0 && !roster) throw new UsageError('--group-by needs --roster');
  const options: AnalyzeOrganizationOptions = {
    ...(seed !== undefined ? { seed } : {}),
    ...(values.resolution !== undefined
      ? { resolution: parseNumber('resolution', values.resolution, false) as number }
      : {}),
    ...(values['null-samples'] !== undefined
      ? { nullSamples: parseNumber('null-samples', values['null-samples'], true) as number }
      : {}),
    ...(values['community-null-graphs'] !== undefined
      ? { communityNullGraphs: parseNumber('community-null-graphs', values['community-null-graphs'], true) as number }
      : {}),
    ...(values.workers !== undefined && values.workers !== 'auto'
      ? { workers: parseNumber('workers', values.workers, true) as number }
      : {}),
    ...(values['min-group-size'] !== undefined
      ? { minGroupSize: parseNumber('min-group-size', values['min-group-size'], true) as number }
      : {}),
    ...(values.window ? { window: values.window } : {}),
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
    ...(values.exclude ? { exclude: parseList(values.exclude) } : {}),
    ...(roster ? { roster } : {}),
    groupBy,
    groups,
    groupByChannel: values['group-by-channel'] ?? false,
    ...(values['group-all'] !== undefined ? { groupAll: values['group-all'] } : {}),
    ...(secret ? { pseudonymizer: await createPseudonymizer(secret) } : {}),
    keepIdentifying: values['keep-identifying'] ?? false,
    classify: !values['no-classify'],
    onProgress: progress,
    params: {
      input: {
        format,
        map: values.map ?? null,
        delimiter: delimiter ?? null,
        header: headers,
        layout: layout ?? 'auto',
        text: values.text ?? false,
        timeZone: values['time-zone'] ?? 'UTC',
        strict,
        roster: values.roster === undefined ? null : pseudonymize ? basename(values.roster) : values.roster,
        exclude: parseList(values.exclude),
      },
    },
  };
  let analysis: Awaited<ReturnType<typeof analyzeOrganization>>;
  try {
    analysis = await analyzeOrganization(logs, options);
  } catch (err) {
    if (
      err instanceof OptionError &&
      /`(seed|resolution|nullSamples|communityNullGraphs|workers|minGroupSize)`/.test(err.message)
    ) {
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
