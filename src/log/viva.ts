/**
 * Microsoft Viva Insights person-to-person queries: a CSV edge list with one row per (primary collaborator,
 * secondary collaborator, period), pre-aggregated metrics, and the HR attributes of both people:
 *
 *     PrimaryCollaborator_PersonId,SecondaryCollaborator_PersonId,MetricDate,Strong_tie_score,...,
 *     PrimaryCollaborator_Organization,SecondaryCollaborator_Organization,...
 *
 * {@link readVivaP2P} reads it as pre-aggregated ties: one message per row, primary → secondary, at
 * MetricDate, carrying `weight` = the weight column (default `Strong_tie_score` when present, else the first
 * metric column; `weightColumn` chooses another, e.g. `Collaboration_hours`). Rows whose weight is 0 are no
 * interaction: accepted and skipped (`skipped['zero-weight']`). {@link readVivaRoster} reads the same file's
 * `PrimaryCollaborator_*` / `SecondaryCollaborator_*` attribute columns as a {@link Roster} (the latest
 * MetricDate's value wins when an attribute changes), ready for `ingest(..., { roster })`.
 *
 * MetricDate may be ISO (`2024-04-28`) or the `M/D/YYYY` of US-locale exports (`dateOrder: 'dmy'` for
 * `D/M/YYYY`). Rejected rows: a missing person id, an unreadable date, a negative or non-numeric weight.
 *
 * @module
 */

import { FormatError, OptionError } from '../errors.js';
import type { Roster } from '../graph/roster.js';
import { csvBatches } from './csv.js';
import { createIdentityResolver, type IdentityOptions } from './identity.js';
import type { Message } from './message.js';
import { isReiterable, MessageLog, type ReadContext, type ReaderOptions } from './message-log.js';
import { type LogSource, sourceName } from './source.js';
import { createTimestampParser, type TimestampOptions } from './timestamp.js';

const MODULE = 'log/viva';
const PRIMARY = 'PrimaryCollaborator_';
const SECONDARY = 'SecondaryCollaborator_';
const ID = 'PersonId';

/** Options of {@link readVivaP2P}. */
export interface VivaReadOptions extends ReaderOptions, IdentityOptions, TimestampOptions {
  /** Metric column used as the tie weight. Default `Strong_tie_score`, else the first metric column. */
  weightColumn?: string;
  /** Order of slash dates in MetricDate. Default `'mdy'`. */
  dateOrder?: 'mdy' | 'dmy';
}

/** Whether a CSV header line is a Viva Insights person-to-person query. */
export function isVivaP2PHeader(line: string): boolean {
  return line.includes(`${PRIMARY}${ID}`) && line.includes(`${SECONDARY}${ID}`);
}

interface Layout {
  primary: number;
  secondary: number;
  date: number;
  weight: number;
  weightName: string;
  /** attribute name → [primary column, secondary column] (either may be -1) */
  attributes: Map<string, [number, number]>;
}

function layoutOf(header: string[], name: string, weightColumn: string | undefined): Layout {
  const at = (h: string) => header.indexOf(h);
  const primary = at(`${PRIMARY}${ID}`);
  const secondary = at(`${SECONDARY}${ID}`);
  if (primary < 0 || secondary < 0) {
    throw new FormatError(
      'MISSING_HEADER',
      'not a Viva Insights person-to-person query: no collaborator PersonId columns',
      {
        module: MODULE,
        location: { file: name, row: 0 },
        got: header.slice(0, 10),
        hint: `the header needs ${PRIMARY}${ID} and ${SECONDARY}${ID}`,
      },
    );
  }
  const metrics = header.filter(
    (h) => !h.startsWith(PRIMARY) && !h.startsWith(SECONDARY) && h !== 'MetricDate' && !/_type$/i.test(h),
  );
  const weightName = weightColumn ?? (header.includes('Strong_tie_score') ? 'Strong_tie_score' : metrics[0]);
  const weight = weightName === undefined ? -1 : at(weightName);
  if (weightColumn !== undefined && weight < 0) {
    throw new OptionError(`\`weightColumn\` \`${weightColumn}\` is not in the header`, {
      module: MODULE,
      got: metrics,
    });
  }
  const attributes = new Map<string, [number, number]>();
  header.forEach((h, i) => {
    for (const [prefix, side] of [
      [PRIMARY, 0],
      [SECONDARY, 1],
    ] as const) {
      if (!h.startsWith(prefix) || h === `${prefix}${ID}`) continue;
      const attr = h.slice(prefix.length);
      const pair = attributes.get(attr) ?? [-1, -1];
      pair[side] = i;
      attributes.set(attr, pair);
    }
  });
  return { primary, secondary, date: at('MetricDate'), weight, weightName: weightName ?? '', attributes };
}

function dateParser(options: VivaReadOptions): (text: string) => number | undefined {
  const parse = createTimestampParser(options);
  const order = options.dateOrder ?? 'mdy';
  if (order !== 'mdy' && order !== 'dmy')
    throw new OptionError("`dateOrder` must be 'mdy' or 'dmy'", { module: MODULE, got: order });
  return (text) => {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(.*)$/.exec(text.trim());
    if (!m) return parse(text);
    const [, a, b, y, rest] = m;
    const [mo, d] = order === 'mdy' ? [a, b] : [b, a];
    return parse(`${y}-${(mo as string).padStart(2, '0')}-${(d as string).padStart(2, '0')}${rest ?? ''}`);
  };
}

/**
 * Reads a Viva Insights person-to-person query as weighted ties (messages with `weight`).
 *
 * @throws FormatError `MISSING_HEADER` when the collaborator id columns are missing; InputError in strict mode
 * @example
 * const log = readVivaP2P('p2p_query.csv', { weightColumn: 'Collaboration_hours' });
 * const { graph } = await ingest(log, { roster: await readVivaRoster('p2p_query.csv') });
 */
export function readVivaP2P(source: LogSource, options: VivaReadOptions = {}): MessageLog {
  const name = sourceName(source);
  const parseDate = dateParser(options);
  const producer = (ctx: ReadContext) => produce(source, name, options, parseDate, ctx);
  return new MessageLog(MODULE, 'viva', name, options, producer, isReiterable(source));
}

async function* produce(
  source: LogSource,
  name: string,
  options: VivaReadOptions,
  parseDate: (t: string) => number | undefined,
  ctx: ReadContext,
): AsyncGenerator<Message[]> {
  const resolve = createIdentityResolver(options);
  let layout: Layout | undefined;
  let row = 0;
  let delimiter = ',';
  for await (const rows of csvBatches(source, {
    module: MODULE,
    onDelimiter: (d) => {
      delimiter = d;
    },
  })) {
    const out: Message[] = [];
    for (const cells of rows) {
      if (!layout) {
        layout = layoutOf(
          cells.map((c) => c.trim()),
          name,
          options.weightColumn,
        );
        if (layout.weight < 0) ctx.note('no metric column: every tie has weight 1');
        else ctx.note(`weight column: ${layout.weightName}`);
        continue;
      }
      row++;
      const raw = () => cells.join(delimiter);
      const sender = resolve(cells[layout.primary] ?? '');
      const recipient = resolve(cells[layout.secondary] ?? '');
      if (sender === '' || recipient === '') {
        ctx.reject(
          row,
          'MISSING_FIELD',
          'a collaborator PersonId is blank',
          raw(),
          sender === '' ? `${PRIMARY}${ID}` : `${SECONDARY}${ID}`,
        );
        continue;
      }
      const m: Message = { id: `${name}#${row}`, sender, recipients: [recipient], cc: [], mentions: [] };
      if (layout.date >= 0) {
        const t = parseDate(cells[layout.date] ?? '');
        if (t === undefined) {
          ctx.reject(
            row,
            'INVALID_TIMESTAMP',
            'MetricDate is not a date (YYYY-MM-DD or M/D/YYYY)',
            raw(),
            'MetricDate',
          );
          continue;
        }
        m.timestamp = t;
      }
      if (layout.weight >= 0) {
        const text = (cells[layout.weight] ?? '').trim();
        const w = Number(text);
        if (text === '' || !Number.isFinite(w) || w < 0) {
          ctx.reject(row, 'INVALID_FIELD', `\`${layout.weightName}\` must be a number ≥ 0`, raw(), layout.weightName);
          continue;
        }
        if (w === 0) {
          ctx.accept();
          ctx.skip('zero-weight');
          continue;
        }
        m.weight = w;
      }
      ctx.accept();
      ctx.emit();
      out.push(m);
    }
    if (out.length > 0) yield out;
  }
  if (!layout)
    throw new FormatError('EMPTY_INPUT', 'the query has no header', { module: MODULE, location: { file: name } });
}

/**
 * The HR attributes of a person-to-person query as a roster (attribute names without the collaborator
 * prefix; the value of the latest MetricDate wins).
 */
export async function readVivaRoster(
  source: LogSource,
  options: Pick<VivaReadOptions, 'aliases' | 'caseFold' | 'dateOrder' | 'timeZone'> = {},
): Promise<Roster> {
  const name = sourceName(source);
  const resolve = createIdentityResolver(options);
  const parseDate = dateParser(options);
  const people = new Map<string, Record<string, string>>();
  const asOf = new Map<string, number>();
  const stats: Roster['stats'] = { source: name, read: 0, accepted: 0, rejected: 0, rejects: [] };
  let layout: Layout | undefined;
  let row = 0;
  for await (const rows of csvBatches(source, { module: MODULE })) {
    for (const cells of rows) {
      if (!layout) {
        layout = layoutOf(
          cells.map((c) => c.trim()),
          name,
          undefined,
        );
        continue;
      }
      row++;
      stats.read++;
      const date = layout.date >= 0 ? (parseDate(cells[layout.date] ?? '') ?? 0) : 0;
      let ok = true;
      for (const [side, idColumn] of [
        [0, layout.primary],
        [1, layout.secondary],
      ] as const) {
        const id = resolve(cells[idColumn] ?? '');
        if (id === '') {
          ok = false;
          continue;
        }
        const attrs = people.get(id) ?? {};
        const newer = date >= (asOf.get(id) ?? Number.NEGATIVE_INFINITY);
        for (const [attr, pair] of layout.attributes) {
          const v = (cells[pair[side]] ?? '').trim();
          if (pair[side] >= 0 && v !== '' && (newer || !(attr in attrs))) attrs[attr] = v;
        }
        if (newer) asOf.set(id, date);
        people.set(id, attrs);
      }
      if (ok) stats.accepted++;
      else {
        stats.rejected++;
        if (stats.rejects.length < 1000)
          stats.rejects.push({
            row,
            code: 'MISSING_FIELD',
            reason: 'a collaborator PersonId is blank',
            raw: cells.join(',').slice(0, 200),
          });
      }
    }
  }
  if (!layout)
    throw new FormatError('EMPTY_INPUT', 'the query has no header', { module: MODULE, location: { file: name } });
  return { attributes: [...layout.attributes.keys()], people, stats };
}
