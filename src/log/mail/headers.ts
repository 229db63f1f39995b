/**
 * RFC 5322 header blocks: unfolding, decoding, and the few structured fields a message log needs
 * (addresses, message ids, content types). Encoded words (RFC 2047) and address lists are decoded with
 * postal-mime's `decodeWords` and `addressParser`, which follow the RFCs and the quirks of real mailers.
 *
 * @module
 */

import { addressParser, decodeWords } from 'postal-mime';

/** A parsed header block: lower-cased names to unfolded raw values, in order of appearance. */
export interface HeaderBlock {
  /** First value of a header (unfolded, not decoded), or `undefined`. */
  get(name: string): string | undefined;
  /** Every value of a header. */
  all(name: string): string[];
  /** Header lines that were neither `Name: value` nor a continuation. */
  badLines: number;
  /** Header lines read. */
  lines: number;
  /** Whether the bytes were not valid UTF-8 and were read as windows-1252. */
  notUtf8: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');

/** Decodes header bytes: UTF-8 (RFC 6532) when valid, else windows-1252 (a superset of Latin-1). */
export function decodeHeaderBytes(bytes: Uint8Array): { text: string; notUtf8: boolean } {
  // pure ASCII is by far the commonest case: latin1 decoding of it is exact and fastest
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] as number) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii)
    return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1'), notUtf8: false };
  try {
    return { text: utf8.decode(bytes), notUtf8: false };
  } catch {
    return { text: cp1252.decode(bytes), notUtf8: true };
  }
}

/**
 * Parses a header block. Only the headers named in `wanted` are kept (all when omitted), which keeps the
 * hot path cheap on archives whose messages carry dozens of `Received` and DKIM lines.
 */
export function parseHeaders(bytes: Uint8Array, wanted?: ReadonlySet<string>): HeaderBlock {
  const { text, notUtf8 } = decodeHeaderBytes(bytes);
  const map = new Map<string, string[]>();
  let badLines = 0;
  let lines = 0;
  let current: string[] | undefined;
  let currentIndex = -1;
  let start = 0;
  const n = text.length;
  while (start < n) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    let lineEnd = end;
    if (lineEnd > start && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    if (lineEnd > start) {
      lines++;
      const first = text.charCodeAt(start);
      if (first === 32 || first === 9) {
        // folded continuation (RFC 5322 §2.2.3): unfolding removes the line break only
        if (current) current[currentIndex] += text.slice(start, lineEnd);
        else if (currentIndex === -1) badLines++;
      } else {
        const colon = text.indexOf(':', start);
        if (colon < 0 || colon >= lineEnd || colon === start) {
          badLines++;
          current = undefined;
          currentIndex = -2;
        } else {
          const name = text.slice(start, colon).trimEnd().toLowerCase();
          if (wanted === undefined || wanted.has(name)) {
            let list = map.get(name);
            if (!list) {
              list = [];
              map.set(name, list);
            }
            list.push(text.slice(colon + 1, lineEnd));
            current = list;
            currentIndex = list.length - 1;
          } else {
            current = undefined;
            currentIndex = -2;
          }
        }
      }
    }
    start = end + 1;
  }
  return {
    get: (name) => map.get(name)?.[0]?.trim(),
    all: (name) => (map.get(name) ?? []).map((v) => v.trim()),
    badLines,
    lines,
    notUtf8,
  };
}

/** Decodes RFC 2047 encoded words and collapses white space (subjects, display names). */
export function decodeHeaderText(value: string): string {
  const decoded = value.includes('=?') ? decodeWords(value) : value;
  return decoded.replace(/\s+/g, ' ').trim();
}

/** One mailbox of an address header. */
export interface Mailbox {
  /** The address as written (not lower-cased). */
  address: string;
  /** Display name, decoded. */
  name: string;
}

const SIMPLE_LIST = /^[^"()\\;:=]*$/;
const ANGLE = /^([^<>]*)<([^<>\s]+)>$/;

/**
 * Parses an address list (From, To, Cc, Reply-To), flattening groups. Entries without an `@` are returned
 * in `invalid`.
 */
export function parseAddressList(value: string | undefined): { mailboxes: Mailbox[]; invalid: number } {
  const mailboxes: Mailbox[] = [];
  let invalid = 0;
  if (value === undefined || value.trim() === '') return { mailboxes, invalid };
  const visit = (entries: ReturnType<typeof addressParser>) => {
    for (const e of entries) {
      if ('group' in e && Array.isArray(e.group)) {
        visit(e.group);
        continue;
      }
      const address = (e.address ?? '').trim();
      const at = address.indexOf('@');
      if (at <= 0 || at === address.length - 1 || /[\s<>]/.test(address)) {
        if (address !== '' || (e.name ?? '') !== '') invalid++;
        continue;
      }
      mailboxes.push({ address, name: decodeHeaderText(e.name ?? '') });
    }
  };
  if (SIMPLE_LIST.test(value)) {
    // fast path for the common `Name <a@b>, c@d` lists: no quotes, comments, groups or encoded words
    for (const part of value.split(',')) {
      const entry = part.trim();
      if (entry === '') continue;
      const m = ANGLE.exec(entry);
      visit([m ? { name: (m[1] as string).trim(), address: m[2] as string } : { name: '', address: entry }]);
    }
    return { mailboxes, invalid };
  }
  visit(addressParser(value));
  return { mailboxes, invalid };
}

/** The message ids (`<id>`, brackets removed) of a Message-ID, In-Reply-To or References value. */
export function parseMessageIds(value: string | undefined): string[] {
  if (!value) return [];
  const ids: string[] = [];
  const re = /<([^<>\s]+)>/g;
  for (let m = re.exec(value); m; m = re.exec(value)) ids.push(m[1] as string);
  if (ids.length === 0) {
    // some mailers omit the brackets: take a single token that looks like an id
    const token = value.trim();
    if (/^[^\s<>]+@[^\s<>]+$/.test(token)) ids.push(token);
  }
  return ids;
}

/** A parsed Content-Type (or Content-Disposition): lower-cased value and parameters. */
export interface StructuredValue {
  value: string;
  params: Record<string, string>;
}

/** Parses `type/subtype; name=value; name="quoted value"` (parameter names lower-cased). */
export function parseStructured(raw: string | undefined): StructuredValue {
  const out: StructuredValue = { value: '', params: {} };
  if (!raw) return out;
  const semi = raw.indexOf(';');
  out.value = (semi < 0 ? raw : raw.slice(0, semi)).trim().toLowerCase();
  if (semi < 0) return out;
  const re = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g;
  const rest = raw.slice(semi);
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    const name = (m[1] as string).toLowerCase().replace(/\*$/, '');
    const value = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '');
    if (!(name in out.params)) out.params[name] = value;
  }
  return out;
}
