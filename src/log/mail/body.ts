/**
 * The text of an e-mail: the first `text/plain` part that is not an attachment, decoded (base64 or
 * quoted-printable, then its charset). Other parts — HTML alternatives, attachments, signatures, nested
 * messages — are skipped without being decoded.
 *
 * @module
 */

import { type HeaderBlock, parseHeaders, parseStructured } from './headers.js';

const PART_HEADERS = new Set(['content-type', 'content-transfer-encoding', 'content-disposition']);
const MAX_DEPTH = 8;

/** Decodes quoted-printable bytes (RFC 2045 §6.7); soft line breaks are removed. */
export function decodeQuotedPrintable(input: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(input.length);
  let o = 0;
  const hex = (c: number) =>
    c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;
  for (let i = 0; i < input.length; i++) {
    const c = input[i] as number;
    if (c !== 61 /* = */) {
      out[o++] = c;
      continue;
    }
    const a = input[i + 1];
    if (a === 10) {
      i += 1;
      continue;
    }
    if (a === 13 && input[i + 2] === 10) {
      i += 2;
      continue;
    }
    const h = a === undefined ? -1 : hex(a);
    const l = input[i + 2] === undefined ? -1 : hex(input[i + 2] as number);
    if (h >= 0 && l >= 0) {
      out[o++] = h * 16 + l;
      i += 2;
    } else out[o++] = c;
  }
  return out.subarray(0, o);
}

const decoders = new Map<string, InstanceType<typeof TextDecoder>>();

/** Decodes bytes in a MIME charset; unknown charsets fall back to UTF-8 (invalid bytes become U+FFFD). */
export function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  const label = (charset ?? 'utf-8').trim().toLowerCase() || 'utf-8';
  let decoder = decoders.get(label);
  if (!decoder) {
    try {
      decoder = new TextDecoder(label);
    } catch {
      decoder = new TextDecoder('utf-8');
    }
    decoders.set(label, decoder);
  }
  return decoder.decode(bytes);
}

function decodeTransfer(body: Uint8Array, encoding: string): Uint8Array {
  if (encoding === 'base64') return Buffer.from(Buffer.from(body).toString('latin1'), 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

function isAttachment(headers: HeaderBlock, contentType: ReturnType<typeof parseStructured>): boolean {
  const disposition = parseStructured(headers.get('content-disposition'));
  return disposition.value === 'attachment' || 'filename' in disposition.params || 'name' in contentType.params;
}

/** Splits a multipart body at its boundary lines; returns the parts (headers + body) in order. */
function splitMultipart(body: Buffer, boundary: string): Buffer[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  let start = -1;
  let pos = 0;
  for (;;) {
    const at = body.indexOf(delimiter, pos);
    if (at < 0) break;
    const lineStart = at === 0 || body[at - 1] === 10;
    pos = at + delimiter.length;
    if (!lineStart) continue;
    if (start >= 0) {
      let end = at - 1;
      if (end > start && body[end - 1] === 13) end--;
      parts.push(body.subarray(start, Math.max(start, end)));
    }
    if (body[pos] === 45 && body[pos + 1] === 45) return parts; // closing delimiter
    const nl = body.indexOf(10, pos);
    if (nl < 0) return parts;
    start = nl + 1;
  }
  // a body cut before its closing delimiter (kept prefix, or a truncated message): keep what is there
  if (start >= 0 && start < body.length) parts.push(body.subarray(start));
  return parts;
}

function splitPart(part: Buffer): { headers: HeaderBlock; body: Buffer } {
  let end = -1;
  let skip = 0;
  if (part[0] === 10) end = 0;
  else if (part[0] === 13 && part[1] === 10) end = 0;
  else {
    const a = part.indexOf('\n\n');
    const b = part.indexOf('\n\r\n');
    end = a < 0 ? b : b < 0 ? a : Math.min(a, b);
    if (end >= 0) end += 1;
  }
  if (end < 0) return { headers: parseHeaders(part, PART_HEADERS), body: Buffer.alloc(0) };
  skip = part[end] === 13 ? 2 : 1;
  return { headers: parseHeaders(part.subarray(0, end), PART_HEADERS), body: part.subarray(end + skip) };
}

/**
 * The decoded text of the first non-attachment `text/plain` part of a message (depth-first), or
 * `undefined` when there is none. A missing Content-Type means `text/plain` (RFC 2045 §5.2). Lines that an
 * mbox writer escaped as `>From ` are unescaped.
 */
export function extractPlainText(headers: HeaderBlock, body: Buffer, depth = 0): string | undefined {
  const contentType = parseStructured(headers.get('content-type') ?? 'text/plain');
  const type = contentType.value || 'text/plain';
  if (type.startsWith('multipart/')) {
    const boundary = contentType.params.boundary;
    if (!boundary || depth >= MAX_DEPTH) return undefined;
    for (const part of splitMultipart(body, boundary)) {
      const { headers: partHeaders, body: partBody } = splitPart(part);
      const text = extractPlainText(partHeaders, partBody, depth + 1);
      if (text !== undefined) return text;
    }
    return undefined;
  }
  if (type !== 'text/plain' || isAttachment(headers, contentType)) return undefined;
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const text = decodeCharset(decodeTransfer(body, encoding), contentType.params.charset);
  return text.replace(/\r\n?/g, '\n').replace(/^>(>*From )/gm, '$1');
}
