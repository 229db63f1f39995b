/**
 * Identity hygiene: one person, one id.
 *
 * Ids are trimmed; e-mail addresses (anything with an `@`) are lower-cased, since mail systems treat the
 * local part case-insensitively in practice; an `aliases` map merges several ids into one canonical id
 * (applied after normalisation, to the normalised form, and not transitively). Exclusion of bots and list
 * addresses happens in the graph and thread stages (option `exclude`), so that it is counted there.
 *
 * @module
 */

import { OptionError } from '../errors.js';
import { ownString } from './columns.js';

/** How person ids are normalised by readers. */
export interface IdentityOptions {
  /** Map from an id (as normalised) to the canonical id it stands for. */
  aliases?: Readonly<Record<string, string>> | ReadonlyMap<string, string>;
  /** Lower-case `'email'` ids only (default), `'all'` ids, or `'none'`. */
  caseFold?: 'email' | 'all' | 'none';
}

/** A function from a raw id to its canonical id (`''` when the raw id is blank). */
export type IdentityResolver = (raw: string) => string;

/**
 * Normalises one raw person id: trims white space, drops enclosing `<…>` and lower-cases e-mail addresses.
 *
 * @example
 * normalizePersonId('  <Ada@Example.ORG> '); // 'ada@example.org'
 */
export function normalizePersonId(raw: string, caseFold: IdentityOptions['caseFold'] = 'email'): string {
  let id = raw.trim();
  if (id.length > 1 && id.charCodeAt(0) === 60 /* < */ && id.charCodeAt(id.length - 1) === 62 /* > */) {
    id = id.slice(1, -1).trim();
  }
  if (caseFold === 'all' || (caseFold === 'email' && id.includes('@'))) id = id.toLowerCase();
  return id;
}

/** Builds the resolver used by every reader from {@link IdentityOptions}. */
export function createIdentityResolver(options: IdentityOptions = {}): IdentityResolver {
  const caseFold = options.caseFold ?? 'email';
  if (caseFold !== 'email' && caseFold !== 'all' && caseFold !== 'none') {
    throw new OptionError("`caseFold` must be one of 'email', 'all', 'none'", {
      module: 'log/identity',
      got: caseFold,
    });
  }
  const aliases = new Map<string, string>();
  const entries = options.aliases instanceof Map ? options.aliases.entries() : Object.entries(options.aliases ?? {});
  for (const [from, to] of entries) {
    if (typeof to !== 'string' || to.trim() === '') {
      throw new OptionError(`alias for \`${from}\` must be a non-empty id`, { module: 'log/identity', got: to });
    }
    aliases.set(normalizePersonId(from, caseFold), normalizePersonId(to, caseFold));
  }
  const resolve: IdentityResolver =
    aliases.size === 0
      ? (raw) => normalizePersonId(raw, caseFold)
      : (raw) => {
          const id = normalizePersonId(raw, caseFold);
          return aliases.get(id) ?? id;
        };
  return memoize(resolve);
}

/** Distinct raw ids a resolver remembers; beyond, it forgets them all and starts again. */
export const IDENTITY_CACHE_SIZE = 1 << 20;

/**
 * A log names the same few people millions of times: remembering each raw id's canonical form saves the
 * normalisation, and every occurrence of a person then shares one string, whose hash later lookups (graph,
 * threads) find already computed.
 */
function memoize(resolve: IdentityResolver): IdentityResolver {
  const cache = new Map<string, string>();
  return (raw) => {
    let id = cache.get(raw);
    if (id === undefined) {
      // own copies: the raw cell may be a slice of a large chunk of input
      const resolved = resolve(raw);
      id = ownString(resolved);
      if (cache.size >= IDENTITY_CACHE_SIZE) cache.clear();
      cache.set(raw === resolved ? id : ownString(raw), id);
    }
    return id;
  };
}
