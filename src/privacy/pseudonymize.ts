/**
 * Pseudonymisation of person ids with a keyed hash.
 *
 * Each person id `x` becomes `prefix + hex(HMAC-SHA256(secret, x))[0 .. 2·bytes)`. HMAC (RFC 2104) with a
 * secret key is a pseudorandom function: without the secret nobody can recompute the mapping, even for a
 * guessed id (unlike a plain hash of an e-mail address, which a dictionary reverses in seconds). With the same
 * secret the mapping is the same on every run and every machine, so reports of two periods can be joined,
 * and a roster or a group file pseudonymised with the same secret still joins onto the graph.
 *
 * It uses Web Crypto (`globalThis.crypto.subtle`), so it runs unchanged in Node ≥ 20, Deno and browsers.
 * `subtle` is asynchronous: {@link Pseudonymizer.map} hashes many ids at once and caches them, so a log is
 * pseudonymised with one await per batch of new ids, not per message.
 *
 * Caveat: pseudonymised data is still personal data under the GDPR (Recital 26) — whoever holds the secret
 * can re-identify. Keep the secret out of the report folder and out of shell history (the CLI reads it from
 * an environment variable, never from argv).
 *
 * @module
 */

import { OptionError } from '../errors.js';
import { optionChecker } from '../options.js';

const MODULE = 'privacy/pseudonymize';
const check = optionChecker(MODULE);

/** Options of {@link createPseudonymizer}. */
export interface PseudonymizeOptions {
  /** Bytes of the HMAC kept (hex length is twice this). Default 8 (64 bits: collisions are checked anyway). */
  bytes?: number;
  /** Prepended to every pseudonym, so pseudonyms are recognisable. Default `'p-'`. */
  prefix?: string;
}

/** Defaults of {@link PseudonymizeOptions}. */
export const PSEUDONYMIZE_DEFAULTS = Object.freeze({ bytes: 8, prefix: 'p-' });

/** Maps person ids to stable pseudonyms; see {@link createPseudonymizer}. */
export interface Pseudonymizer {
  /** Pseudonym of one id. */
  id(raw: string): Promise<string>;
  /** Pseudonyms of many ids (one Web Crypto round per id not yet cached). */
  map(raw: Iterable<string>): Promise<Map<string, string>>;
  /** Pseudonym of an id already hashed by `id` or `map`, else `undefined` (synchronous). */
  cached(raw: string): string | undefined;
  /** Whether a string is one of the raw ids hashed so far. */
  isKnown(raw: string): boolean;
  /** Number of distinct ids hashed so far. */
  readonly size: number;
  /** Method and parameters, for the report (never the secret). */
  readonly params: { method: 'HMAC-SHA256'; bytes: number; prefix: string };
}

function subtle(): typeof globalThis.crypto.subtle {
  const s = globalThis.crypto?.subtle;
  if (!s) {
    throw new OptionError('Web Crypto (`globalThis.crypto.subtle`) is not available in this runtime', {
      module: MODULE,
      hint: 'use Node ≥ 20, Deno or a browser in a secure context',
    });
  }
  return s;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Creates a pseudonymizer keyed by `secret`.
 *
 * @param secret - the HMAC key (a string is UTF-8 encoded); at least 16 characters or bytes.
 * @throws OptionError when the secret is too short, or on a pseudonym collision (raise `bytes`)
 * @example
 * const p = await createPseudonymizer(process.env.PG_SECRET!);
 * await p.id('ada@example.org'); // 'p-3f9c0e5d7a1b2c4e', the same on every run with this secret
 */
export async function createPseudonymizer(
  secret: string | Uint8Array,
  options: PseudonymizeOptions = {},
): Promise<Pseudonymizer> {
  const bytes = check.positiveInt('bytes', options.bytes ?? PSEUDONYMIZE_DEFAULTS.bytes);
  if (bytes > 32) check.fail('bytes', 'at most 32 (the length of SHA-256)', bytes);
  const prefix = options.prefix ?? PSEUDONYMIZE_DEFAULTS.prefix;
  if (typeof prefix !== 'string') check.fail('prefix', 'a string', prefix);
  const keyBytes = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  if (keyBytes.length < 16) {
    throw new OptionError('the pseudonymisation secret is too short', {
      module: MODULE,
      got: `${keyBytes.length} bytes`,
      hint: 'use at least 16 random characters, e.g. `openssl rand -hex 32`',
    });
  }
  const key = await subtle().importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const encoder = new TextEncoder();
  const forward = new Map<string, string>();
  const backward = new Map<string, string>();

  const hash = async (raw: string): Promise<string> => {
    const mac = new Uint8Array(await subtle().sign('HMAC', key, encoder.encode(raw)));
    let hex = prefix;
    for (let i = 0; i < bytes; i++) hex += HEX[mac[i] as number];
    return hex;
  };
  const remember = (raw: string, pseudonym: string): void => {
    const other = backward.get(pseudonym);
    if (other !== undefined && other !== raw) {
      throw new OptionError('two ids received the same pseudonym', {
        module: MODULE,
        got: pseudonym,
        hint: 'raise `bytes` so that pseudonyms are longer',
      });
    }
    forward.set(raw, pseudonym);
    backward.set(pseudonym, raw);
  };

  const map = async (raws: Iterable<string>): Promise<Map<string, string>> => {
    const all = [...raws]; // an iterator can be read once
    const todo = [...new Set(all.filter((r) => !forward.has(r)))];
    const hashed = await Promise.all(todo.map(hash));
    for (let i = 0; i < todo.length; i++) remember(todo[i] as string, hashed[i] as string);
    const out = new Map<string, string>();
    for (const r of all) out.set(r, forward.get(r) as string);
    return out;
  };

  return {
    async id(raw) {
      const known = forward.get(raw);
      if (known !== undefined) return known;
      const p = await hash(raw);
      remember(raw, p);
      return p;
    },
    map,
    cached: (raw) => forward.get(raw),
    isKnown: (raw) => forward.has(raw),
    get size() {
      return forward.size;
    },
    params: { method: 'HMAC-SHA256', bytes, prefix },
  };
}
