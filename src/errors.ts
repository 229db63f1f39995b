/**
 * The one error hierarchy of practice-graph.
 *
 * Every error thrown on purpose by the library is a {@link PracticeGraphError} with a stable
 * machine-readable `code`. Messages follow one grammar:
 *
 *     practice-graph/<module>: <what was wrong> (got <value>) [at <file>, row <n>, field <f>]; <what to do>
 *
 * and the same facts are available as properties (`module`, `location`, `hint`) so that a pipeline can
 * react to them without parsing text.
 *
 * @module
 */

/** Stable error codes. New codes may be added; existing ones never change meaning. */
export type ErrorCode =
  | 'INVALID_OPTION'
  | 'INVALID_INPUT'
  | 'MISSING_FIELD'
  | 'INVALID_FIELD'
  | 'INVALID_TIMESTAMP'
  | 'MISSING_HEADER'
  | 'EMPTY_INPUT'
  | 'MALFORMED_INPUT'
  | 'UNKNOWN_FORMAT'
  | 'FILE_NOT_FOUND'
  | 'NOT_A_PARTITION'
  | 'EMPTY_GRAPH'
  | 'NOT_CONVERGED'
  | 'WORKER_FAILED'
  | 'USAGE';

/** Where in an input a problem was found. Row numbers are 1-based and count data rows (the header is row 0). */
export interface ErrorLocation {
  /** File path (or `<string>`, `<stream>`) the input came from. */
  file?: string;
  /** 1-based data row (CSV row, NDJSON line, JSON array index + 1). */
  row?: number;
  /** The field (column name or message field) at fault. */
  field?: string;
}

/** Options shared by every {@link PracticeGraphError} constructor. */
export interface PracticeGraphErrorInit {
  /** The library module raising the error, e.g. `log/csv`. */
  module: string;
  location?: ErrorLocation;
  /** What the user can do about it. */
  hint?: string;
  /** The offending value (kept short in the message). */
  got?: unknown;
  cause?: unknown;
}

const PREFIX = 'practice-graph';

function excerpt(value: unknown, max = 60): string {
  let s: string;
  if (typeof value === 'string') s = JSON.stringify(value);
  else if (value === undefined) s = 'undefined';
  else {
    try {
      s = JSON.stringify(value) ?? String(value);
    } catch {
      s = String(value);
    }
  }
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Formats a location as `at file, row n, field f`, or '' when empty. */
export function formatLocation(location: ErrorLocation | undefined): string {
  if (!location) return '';
  const parts: string[] = [];
  if (location.file !== undefined) parts.push(location.file);
  if (location.row !== undefined) parts.push(`row ${location.row}`);
  if (location.field !== undefined) parts.push(`field \`${location.field}\``);
  return parts.length > 0 ? `at ${parts.join(', ')}` : '';
}

/** Base class of every error the library throws on purpose. */
export class PracticeGraphError extends Error {
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** Module that raised it (`log/csv`, `graph/build`, ...). */
  readonly module: string;
  readonly location: ErrorLocation | undefined;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, what: string, init: PracticeGraphErrorInit) {
    const got = 'got' in init ? ` (got ${excerpt(init.got)})` : '';
    const where = formatLocation(init.location);
    const hint = init.hint ? `; ${init.hint}` : '';
    super(`${PREFIX}/${init.module}: ${what}${got}${where ? ` ${where}` : ''}${hint}`, { cause: init.cause });
    this.name = new.target.name;
    this.code = code;
    this.module = init.module;
    this.location = init.location;
    this.hint = init.hint;
  }
}

/** An option has a wrong type, value or combination. */
export class OptionError extends PracticeGraphError {
  constructor(what: string, init: PracticeGraphErrorInit) {
    super('INVALID_OPTION', what, init);
  }
}

/** A record of the input (a row, a message) is invalid. Carries the location of the record. */
export class InputError extends PracticeGraphError {}

/** The input as a whole cannot be read: missing file, unknown format, no header, broken container. */
export class FormatError extends PracticeGraphError {}

/** A graph or partition given to an analysis does not satisfy its preconditions. */
export class GraphError extends PracticeGraphError {}

/** The command line was used wrongly (exit code 2). */
export class UsageError extends PracticeGraphError {
  constructor(what: string, hint?: string) {
    super('USAGE', what, { module: 'cli', ...(hint ? { hint } : {}) });
  }
}
