/**
 * `Users.xml` of a Stack Exchange dump as a {@link Roster}: person id = the site's user id, attributes
 * `displayName`, `reputation`, `created` (ISO date) and `location`, ready to be joined onto the graph.
 *
 * @module
 */

import type { Roster } from '../../graph/roster.js';
import { type LogSource, sourceName } from '../source.js';
import { xmlRows } from './xml-rows.js';

const ATTRIBUTES: readonly [string, string][] = [
  ['DisplayName', 'displayName'],
  ['Reputation', 'reputation'],
  ['CreationDate', 'created'],
  ['Location', 'location'],
];

/**
 * Reads Users.xml as a roster. Rows without an Id are rejected (counted).
 *
 * @throws FormatError `MALFORMED_INPUT`, `UNKNOWN_FORMAT` (not a users table), `EMPTY_INPUT`
 */
export async function readStackExchangeUsers(source: LogSource): Promise<Roster> {
  const name = sourceName(source);
  const people = new Map<string, Record<string, string>>();
  const stats: Roster['stats'] = { source: name, read: 0, accepted: 0, rejected: 0, rejects: [] };
  let row = 0;
  for await (const { rows } of xmlRows(source, name, 'users', 'log/stackexchange')) {
    for (const { attributes: a } of rows) {
      row++;
      stats.read++;
      const id = a.Id?.trim();
      if (!id || people.has(id)) {
        stats.rejected++;
        if (stats.rejects.length < 1000) {
          stats.rejects.push({
            row,
            code: id ? 'INVALID_INPUT' : 'MISSING_FIELD',
            reason: id ? `user \`${id}\` appears twice (the first row is kept)` : 'the user has no Id',
            raw: JSON.stringify(a).slice(0, 200),
            field: 'Id',
          });
        }
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const [from, to] of ATTRIBUTES) if (a[from]) attrs[to] = a[from] as string;
      people.set(id, attrs);
      stats.accepted++;
    }
  }
  return { attributes: ATTRIBUTES.map(([, to]) => to), people, stats };
}
