/**
 * Rosters: person attributes (department, team, manager, location, hire date, position...) joined onto the
 * interaction graph's nodes, and the source of formal groups (`--group-by department`).
 *
 * @module
 */

import { FormatError, OptionError } from '../errors.js';
import { csvRows } from '../log/csv.js';
import { createIdentityResolver, type IdentityOptions } from '../log/identity.js';
import type { Reject } from '../log/message-log.js';
import type { LogSource } from '../log/source.js';
import { sourceName } from '../log/source.js';

/** Person id → attribute values (strings; empty cells are left out). */
export interface Roster {
  /** Attribute names in column order (the id column excluded). */
  attributes: string[];
  people: Map<string, Record<string, string>>;
  /** Rows read, accepted and rejected (`read = accepted + rejected`), and the rejects. */
  stats: { source: string; read: number; accepted: number; rejected: number; rejects: Reject[] };
}

/** Options of {@link readRoster}. */
export interface RosterOptions extends IdentityOptions {
  /** Column holding the person id. Default: the first of `person`, `id`, `email`, `person_id`, `employee`, `name`. */
  idColumn?: string;
  /** Cell delimiter or `'auto'`. */
  delimiter?: string;
  /** Throw on the first bad row. Default `false`. */
  strict?: boolean;
  /** Cell values that mean "unknown" and are left out (e.g. `['NA']` for R exports). Default `['']`. */
  missingValues?: readonly string[];
}

const ID_NAMES = ['person', 'id', 'personid', 'email', 'employee', 'employeeid', 'user', 'userid', 'name'];

/** Node attribute names the interaction graph uses itself; a roster column may not take them. */
export const RESERVED_NODE_ATTRIBUTES: readonly string[] = Object.freeze(['sent', 'received', 'firstSeen', 'lastSeen']);

/**
 * Reads a roster CSV with a header row: one row per person, an id column and attribute columns.
 * Duplicate ids reject the later row (the first wins).
 *
 * @throws FormatError `MISSING_HEADER` when no id column is found
 */
export async function readRoster(source: LogSource, options: RosterOptions = {}): Promise<Roster> {
  const module = 'graph/roster';
  const name = sourceName(source);
  const resolve = createIdentityResolver(options);
  const people = new Map<string, Record<string, string>>();
  const stats: Roster['stats'] = { source: name, read: 0, accepted: 0, rejected: 0, rejects: [] };
  let header: string[] | undefined;
  let idIndex = -1;
  let row = 0;
  const missing = new Set(options.missingValues ?? ['']);
  missing.add('');
  const reject = (reason: string, raw: string[]) => {
    if (options.strict) {
      throw new FormatError('INVALID_INPUT', reason, { module, location: { file: name, row } });
    }
    stats.read++;
    stats.rejected++;
    if (stats.rejects.length < 1000)
      stats.rejects.push({ row, code: 'INVALID_INPUT', reason, raw: raw.join(',').slice(0, 200) });
  };
  for await (const cells of csvRows(source, { delimiter: options.delimiter ?? 'auto', module })) {
    if (!header) {
      header = cells.map((c) => c.trim());
      const canonical = header.map((h) => h.toLowerCase().replace(/[^a-z0-9]/g, ''));
      if (options.idColumn !== undefined) {
        idIndex = header.indexOf(options.idColumn);
        if (idIndex < 0) {
          throw new OptionError(`\`idColumn\` \`${options.idColumn}\` is not in the roster header`, {
            module,
            got: header,
          });
        }
      } else {
        for (const n of ID_NAMES) {
          idIndex = canonical.indexOf(n);
          if (idIndex >= 0) break;
        }
        if (idIndex < 0) {
          throw new FormatError('MISSING_HEADER', 'no person id column found in the roster header', {
            module,
            location: { file: name, row: 0 },
            got: header,
            hint: 'name the id column `person` (or `id`, `email`), or pass `idColumn`',
          });
        }
      }
      for (const attr of header) {
        if (RESERVED_NODE_ATTRIBUTES.includes(attr)) {
          throw new FormatError('INVALID_INPUT', `roster column \`${attr}\` clashes with a graph attribute`, {
            module,
            location: { file: name, row: 0, field: attr },
            hint: `rename it; reserved names are ${RESERVED_NODE_ATTRIBUTES.join(', ')}`,
          });
        }
      }
      continue;
    }
    row++;
    const id = resolve(cells[idIndex] ?? '');
    if (id === '') {
      reject('the person id is blank', cells);
      continue;
    }
    if (people.has(id)) {
      reject(`person \`${id}\` appears twice (the first row is kept)`, cells);
      continue;
    }
    const attrs: Record<string, string> = {};
    header.forEach((h, i) => {
      const v = (cells[i] ?? '').trim();
      if (i !== idIndex && !missing.has(v)) attrs[h] = v;
    });
    people.set(id, attrs);
    stats.read++;
    stats.accepted++;
  }
  if (!header) throw new FormatError('EMPTY_INPUT', 'the roster is empty', { module, location: { file: name } });
  return { attributes: header.filter((_, i) => i !== idIndex), people, stats };
}
