/**
 * Writing a simulated organisation to files that the rest of the toolchain (and any spreadsheet) reads:
 *
 * - `messages.csv`: `id,timestamp,sender,recipients,cc,channel,thread_id,reply_to,mentions,subject,text,kind`,
 *   one row per message in time order; lists separated by `;`; timestamps ISO 8601 UTC to the second.
 *   `readCsv` reads it back with no options (every header is one it recognises).
 * - `roster.csv`: `person,department,team,manager,location,hire_date,leave_date` (`readRoster` reads it).
 * - `groups.csv`: `person,group`, one row per membership (a person may be in several groups).
 * - `truth.json`: the {@link SimulationTruth}.
 *
 * Cells are quoted as RFC 4180 says (only when they hold a comma, quote or line break). Rows are formatted
 * synchronously and written in 1 MB chunks, so writing keeps pace with generation and memory stays flat.
 *
 * @module
 */

import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Message } from '../log/message.js';
import type { SimulatedOrganization } from './simulate.js';

/** The columns of `messages.csv`, in order. */
export const MESSAGE_CSV_COLUMNS: readonly string[] = Object.freeze([
  'id',
  'timestamp',
  'sender',
  'recipients',
  'cc',
  'channel',
  'thread_id',
  'reply_to',
  'mentions',
  'subject',
  'text',
  'kind',
]);

/** The columns of `roster.csv`, in order. */
export const ROSTER_CSV_COLUMNS: readonly string[] = Object.freeze([
  'person',
  'department',
  'team',
  'manager',
  'location',
  'hire_date',
  'leave_date',
]);

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV cell: quoted (with doubled quotes) only when it holds a comma, quote, line break or edge space. */
export function csvCell(value: string | undefined): string {
  if (value === undefined || value === '') return '';
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** ISO 8601 UTC to the second (`2024-01-08T09:13:27Z`). */
function isoSeconds(t: number | undefined): string {
  if (t === undefined) return '';
  const s = new Date(t).toISOString();
  return s.endsWith('.000Z') ? `${s.slice(0, 19)}Z` : s;
}

/** One `messages.csv` row (without the line break). */
export function messageCsvRow(m: Message): string {
  return [
    csvCell(m.id),
    isoSeconds(m.timestamp),
    csvCell(m.sender),
    csvCell(m.recipients.join(';')),
    csvCell(m.cc.join(';')),
    csvCell(m.channel),
    csvCell(m.threadId),
    csvCell(m.replyTo),
    csvCell(m.mentions.join(';')),
    csvCell(m.subject),
    csvCell(m.text),
    csvCell(m.kind),
  ].join(',');
}

/** What {@link writeSimulation} wrote. */
export interface WrittenSimulation {
  dir: string;
  files: { messages: string; roster: string; groups: string; truth: string };
  messages: number;
  /** Bytes of messages.csv. */
  bytes: number;
}

/** Options of {@link writeSimulation}. */
export interface WriteSimulationOptions {
  /** Called after every chunk written with the number of messages so far. */
  onProgress?: (messages: number) => void;
}

async function writeText(path: string, chunks: Iterable<string>, onChunk?: () => void): Promise<number> {
  const file = await open(path, 'w');
  let bytes = 0;
  try {
    let buffer = '';
    for (const piece of chunks) {
      buffer += piece;
      if (buffer.length >= 1 << 20) {
        const data = Buffer.from(buffer, 'utf8');
        await file.write(data);
        bytes += data.length;
        buffer = '';
        onChunk?.();
      }
    }
    const data = Buffer.from(buffer, 'utf8');
    await file.write(data);
    bytes += data.length;
  } finally {
    await file.close();
  }
  return bytes;
}

/**
 * Writes `messages.csv`, `roster.csv`, `groups.csv` and `truth.json` for a simulated organisation into
 * `dir` (created if needed). Streams: memory does not grow with the number of messages.
 *
 * @example
 * await writeSimulation(simulateOrganization({ seed: 7 }), 'out/org');
 */
export async function writeSimulation(
  org: SimulatedOrganization,
  dir: string,
  options: WriteSimulationOptions = {},
): Promise<WrittenSimulation> {
  await mkdir(dir, { recursive: true });
  const files = {
    messages: join(dir, 'messages.csv'),
    roster: join(dir, 'roster.csv'),
    groups: join(dir, 'groups.csv'),
    truth: join(dir, 'truth.json'),
  };
  let count = 0;
  const rows = function* () {
    yield `${MESSAGE_CSV_COLUMNS.join(',')}\n`;
    for (const m of org.messages()) {
      count++;
      yield `${messageCsvRow(m)}\n`;
    }
  };
  const bytes = await writeText(files.messages, rows(), () => options.onProgress?.(count));
  options.onProgress?.(count);
  const roster = [ROSTER_CSV_COLUMNS.join(',')];
  for (const p of org.people) {
    roster.push(
      [p.id, p.department, p.team, p.manager, p.location, p.hireDate, p.leaveDate].map((v) => csvCell(v)).join(','),
    );
  }
  await writeText(files.roster, [`${roster.join('\n')}\n`]);
  const groups = ['person,group'];
  for (const g of org.truth.groups)
    for (const person of g.members) groups.push(`${csvCell(person)},${csvCell(g.name)}`);
  await writeText(files.groups, [`${groups.join('\n')}\n`]);
  await writeText(files.truth, [`${JSON.stringify(org.truth, null, 2)}\n`]);
  return { dir, files, messages: count, bytes };
}
