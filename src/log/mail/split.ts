/**
 * Streaming split of an mbox (or a single RFC 5322 message) into raw messages, without parsing MIME.
 *
 * An mbox is a concatenation of messages, each introduced by a `From ` line at the start of a line
 * (mboxo/mboxrd; body lines that begin with `From ` are escaped as `>From ` by the writer). Input that does
 * not start with `From ` is read as one message (an `.eml` file) up to the first separator, if any.
 *
 * For each message the splitter keeps the header block (up to the blank line that ends it) and, only when
 * asked, the first `maxBodyBytes` of the body; the rest of the body is counted and dropped as it streams
 * by. Memory is therefore bounded by `maxHeaderBytes + maxBodyBytes` plus one input chunk, whatever the
 * size of the file or of any one message (a 2 GB attachment included).
 *
 * @module
 */

/** One message as split from the stream. */
export interface RawMail {
  /** 1-based position of the message in the input. */
  index: number;
  /** The header block (every header line, folded lines included, without the blank line that ends it). */
  header: Buffer;
  /** The start of the body (empty unless bodies are kept). */
  body: Buffer;
  /** Size of the whole body in bytes, kept or not. */
  bodyBytes: number;
  /** Whether the blank line ending the header block was found. */
  headerComplete: boolean;
  /** Whether the header block was longer than `maxHeaderBytes` (it was cut there). */
  headerOversized: boolean;
  /** Whether the body was longer than `maxBodyBytes` (only the start was kept). */
  bodyCut: boolean;
  /** Whether the input ended in the middle of a line of this message (a truncated file). */
  truncated: boolean;
}

/** Options of {@link MailSplitter}. */
export interface MailSplitOptions {
  /** Keep the start of each body (for text extraction). Default `false`. */
  keepBody?: boolean;
  /** Longest body prefix kept, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Longest header block kept, in bytes. Default 256 KiB. */
  maxHeaderBytes?: number;
}

const NL = 0x0a;
const SEP = Buffer.from('\nFrom ');
const FROM = Buffer.from('From ');
/** Longest pattern minus one: bytes that must be carried to the next chunk to find a straddling pattern. */
const CARRY = SEP.length - 1;

type Mode = 'start' | 'fromLine' | 'header' | 'body';

/**
 * Push-style splitter: feed chunks with {@link MailSplitter.push}, collect finished messages, and call
 * {@link MailSplitter.end} at the end of input.
 */
export class MailSplitter {
  private readonly keepBody: boolean;
  private readonly maxBody: number;
  private readonly maxHeader: number;
  private mode: Mode = 'start';
  private carry: Buffer = Buffer.alloc(0);
  private index = 0;
  private headerParts: Buffer[] = [];
  private headerLen = 0;
  private headerOversized = false;
  private bodyParts: Buffer[] = [];
  private bodyLen = 0;
  private bodyBytes = 0;
  private started = false;
  private lastByte = NL;
  /** Bytes seen in total. */
  bytes = 0;

  constructor(options: MailSplitOptions = {}) {
    this.keepBody = options.keepBody ?? false;
    this.maxBody = options.maxBodyBytes ?? 1 << 20;
    this.maxHeader = options.maxHeaderBytes ?? 1 << 18;
  }

  /** Feeds one chunk; returns the messages it completed. */
  push(chunk: Buffer): RawMail[] {
    this.bytes += chunk.length;
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const out: RawMail[] = [];
    const pos = this.scan(buf, false, out);
    this.carry = pos < buf.length ? Buffer.from(buf.subarray(pos)) : Buffer.alloc(0);
    return out;
  }

  /** Ends the input; returns the last message, if any. */
  end(): RawMail[] {
    const out: RawMail[] = [];
    const buf = this.carry;
    this.carry = Buffer.alloc(0);
    this.scan(buf, true, out);
    if (this.started) out.push(this.finish());
    return out;
  }

  /** Consumes `buf` as far as it safely can; returns the position of the first unconsumed byte. */
  private scan(buf: Buffer, last: boolean, out: RawMail[]): number {
    let pos = 0;
    const safe = last ? buf.length : Math.max(0, buf.length - CARRY);
    while (pos < buf.length) {
      if (this.mode === 'start') {
        // skip leading blank lines, then decide: mbox (a From_ line) or a single message
        while (pos < buf.length && (buf[pos] === NL || buf[pos] === 0x0d)) pos++;
        if (pos >= buf.length) return pos;
        if (!last && buf.length - pos < FROM.length) return pos;
        this.begin();
        if (buf.compare(FROM, 0, FROM.length, pos, Math.min(buf.length, pos + FROM.length)) === 0) {
          this.mode = 'fromLine';
        } else this.mode = 'header';
        continue;
      }
      if (this.mode === 'fromLine') {
        const nl = buf.indexOf(NL, pos);
        if (nl < 0) {
          this.lastByte = buf[buf.length - 1] ?? NL;
          return buf.length;
        }
        pos = nl + 1;
        this.lastByte = NL;
        this.mode = 'header';
        continue;
      }
      if (this.mode === 'header') {
        // walk the header block line by line (linear in its size): at each line start, a `From ` line
        // ends the message, an empty line ends the header block
        let p = pos;
        let atLineStart = p > pos ? true : this.lastByte === NL;
        for (;;) {
          if (!atLineStart) {
            const nl = buf.indexOf(NL, p);
            if (nl < 0) {
              this.addHeader(buf, pos, buf.length);
              return buf.length;
            }
            p = nl + 1;
            atLineStart = true;
            continue;
          }
          if (!last && buf.length - p < FROM.length) {
            this.addHeader(buf, pos, p);
            return p;
          }
          if (p >= buf.length) {
            this.addHeader(buf, pos, p);
            return p;
          }
          if (buf[p] === NL || (buf[p] === 0x0d && buf[p + 1] === NL)) {
            this.addHeader(buf, pos, p);
            pos = p + (buf[p] === NL ? 1 : 2);
            this.mode = 'body';
            this.headerDone = true;
            break;
          }
          if (buf.compare(FROM, 0, FROM.length, p, Math.min(buf.length, p + FROM.length)) === 0) {
            this.addHeader(buf, pos, p);
            out.push(this.finish());
            pos = this.afterSeparator(p - 1);
            break;
          }
          atLineStart = false;
        }
        continue;
      }
      // body
      const sep = buf.indexOf(SEP, pos);
      if (sep >= 0) {
        this.addBody(buf, pos, sep + 1);
        out.push(this.finish());
        pos = this.afterSeparator(sep);
        continue;
      }
      const until = Math.max(pos, safe);
      this.addBody(buf, pos, until);
      return until;
    }
    return pos;
  }

  private headerDone = false;

  private afterSeparator(sep: number): number {
    this.begin();
    this.mode = 'fromLine';
    return sep + 1;
  }

  private begin(): void {
    this.started = true;
    this.index++;
    this.headerParts = [];
    this.headerLen = 0;
    this.headerOversized = false;
    this.headerDone = false;
    this.bodyParts = [];
    this.bodyLen = 0;
    this.bodyBytes = 0;
  }

  private addHeader(buf: Buffer, from: number, to: number): void {
    if (to <= from) return;
    this.lastByte = buf[to - 1] as number;
    const room = this.maxHeader - this.headerLen;
    if (room <= 0) {
      this.headerOversized = true;
      return;
    }
    const n = Math.min(room, to - from);
    if (n < to - from) this.headerOversized = true;
    this.headerParts.push(Buffer.from(buf.subarray(from, from + n)));
    this.headerLen += n;
  }

  private addBody(buf: Buffer, from: number, to: number): void {
    if (to <= from) return;
    this.lastByte = buf[to - 1] as number;
    this.bodyBytes += to - from;
    if (!this.keepBody) return;
    const room = this.maxBody - this.bodyLen;
    if (room <= 0) return;
    const n = Math.min(room, to - from);
    this.bodyParts.push(Buffer.from(buf.subarray(from, from + n)));
    this.bodyLen += n;
  }

  private finish(): RawMail {
    const mail: RawMail = {
      index: this.index,
      header: this.headerParts.length === 1 ? (this.headerParts[0] as Buffer) : Buffer.concat(this.headerParts),
      body: this.bodyParts.length === 1 ? (this.bodyParts[0] as Buffer) : Buffer.concat(this.bodyParts),
      bodyBytes: this.bodyBytes,
      headerComplete: this.headerDone,
      headerOversized: this.headerOversized,
      bodyCut: this.keepBody && this.bodyBytes > this.bodyLen,
      truncated: this.lastByte !== NL,
    };
    this.started = false;
    this.lastByte = NL;
    return mail;
  }
}
