/**
 * Shared option handling: merge user options over frozen defaults, and validate values with errors that
 * name the option, the value and what is expected.
 *
 * @module
 */

import { OptionError } from './errors.js';

/** Merges `options` over `defaults`, ignoring keys whose value is `undefined`. */
export function resolveOptions<D extends object, O extends object>(defaults: D, options: O | undefined): D & O {
  const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  if (options) {
    for (const [k, v] of Object.entries(options)) if (v !== undefined) out[k] = v;
  }
  return out as D & O;
}

/** Validators that throw {@link OptionError} naming the module and option. */
export function optionChecker(module: string) {
  const fail = (name: string, expected: string, got: unknown): never => {
    throw new OptionError(`\`${name}\` must be ${expected}`, { module, got });
  };
  return {
    fail,
    finite(name: string, v: unknown): number {
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(name, 'a finite number', v);
      return v as number;
    },
    nonNegative(name: string, v: unknown): number {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail(name, 'a finite number ≥ 0', v);
      return v as number;
    },
    positive(name: string, v: unknown): number {
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) fail(name, 'a finite number > 0', v);
      return v as number;
    },
    positiveInt(name: string, v: unknown): number {
      if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) fail(name, 'a positive integer', v);
      return v as number;
    },
    nonNegativeInt(name: string, v: unknown): number {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(name, 'an integer ≥ 0', v);
      return v as number;
    },
    probability(name: string, v: unknown): number {
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) fail(name, 'a number in [0, 1]', v);
      return v as number;
    },
    oneOf<T extends string>(name: string, v: unknown, allowed: readonly T[]): T {
      if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
        fail(name, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`, v);
      return v as T;
    },
    string(name: string, v: unknown): string {
      if (typeof v !== 'string' || v.length === 0) fail(name, 'a non-empty string', v);
      return v as string;
    },
  };
}
