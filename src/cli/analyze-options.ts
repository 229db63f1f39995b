/**
 * The options of `practice-graph analyze` (shared with `demo`): usage text, `parseArgs` spec and value parsers.
 *
 * @module
 */

import { UsageError } from '../errors.js';
import type { ColumnMapping } from '../log/fields.js';
import { MESSAGE_FIELDS, type MessageField } from '../log/message.js';

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
  --text                            read message bodies where the reader makes it optional (mbox); messages
                                    with text and no kind are labelled question/answer/share/discussion by
                                    the message classifier, which the practice test reads (text is never output)
  --no-classify                     do not label messages by their text
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
  --community-null-graphs <n>       null graphs of the q–s test of the detected communities (default 100;
                                    0 leaves them untested: on 10,000 people each costs about 0.7 s)
  --workers <n|auto>                worker threads for those null graphs (default auto: up to 4 cores on
                                    large graphs; 0: none); the report is the same with any count
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
  text: { type: 'boolean' },
  'no-classify': { type: 'boolean' },
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
  'community-null-graphs': { type: 'string' },
  workers: { type: 'string' },
  'min-group-size': { type: 'string' },
  pseudonymize: { type: 'boolean' },
  'secret-env': { type: 'string' },
  'keep-identifying': { type: 'boolean' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseMap(text: string | undefined, headers: boolean): ColumnMapping | undefined {
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

export function parseNumber(name: string, text: string | undefined, integer: boolean): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || (integer && !Number.isInteger(v)) || v < 0) {
    throw new UsageError(
      `--${name} must be a ${integer ? 'whole number' : 'number'} ≥ 0 (got ${JSON.stringify(text)})`,
    );
  }
  return v;
}

export const parseList = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
