/**
 * Quoted text and signatures out of e-mail bodies, before anything reads them: a reply's own words are
 * what tell a question from an answer, not the message it quotes.
 *
 * Removed:
 * - quoted lines (`>` after optional white space, any depth) and the attribution line above them
 *   (`On Mon, 2 Jan 2023, Ada wrote:`, `Ada <ada@x.org> wrote:`, `Le … a écrit :`, `Am … schrieb …:`),
 *   also when a mailer wrapped the attribution over two lines;
 * - everything from a forwarded or top-posted original on (`-----Original Message-----`, an Outlook
 *   `From: … Sent: …` header block, `________________________________` rule followed by `From:`);
 * - the signature: everything after a `-- ` separator line (RFC 3676 §4.3), a mailing-list footer
 *   (`_______________________________________________` followed by `... mailing list`), and trailing
 *   one-liners such as `Sent from my iPhone`.
 *
 * @module
 */

const QUOTE = /^\s*>/;
const ATTRIBUTION =
  /^(on\b.*\bwrote:?|.*\bwrote:$|.*<[^>@\s]+@[^>\s]+>\s*(wrote|writes):?$|le\b.*\ba écrit\s*:?|am\b.*\bschrieb\b.*:?|el\b.*\bescribió:?|il\b.*\bha scritto:?|op\b.*\bschreef\b.*:?)\s*$/i;
const ORIGINAL =
  /^\s*(-{2,}\s*(original message|forwarded message|ursprüngliche nachricht|message d'origine)\s*-{2,}|_{20,}\s*$)/i;
const OUTLOOK_FROM = /^\s*\*?(from|von|de):\*?\s+\S/i;
const OUTLOOK_SENT = /^\s*\*?(sent|gesendet|envoyé|date):\*?\s+\S/i;
const SIGNATURE = /^-- ?$/;
const FOOTER_RULE = /^_{20,}\s*$/;
const SENT_FROM = /^\s*(sent from my|get outlook for|envoyé de mon|von meinem)\b/i;

/** Options of {@link stripQuotedText}. */
export interface StripOptions {
  /** Keep the signature (only quotes are removed). Default `false`. */
  keepSignature?: boolean;
}

/**
 * Returns the author's own words of an e-mail body: quotes, attributions, forwarded originals and
 * signatures removed, runs of blank lines collapsed.
 *
 * @example
 * stripQuotedText('Try -o loop.\n\nOn Mon, Ada wrote:\n> How do I mount it?\n-- \nBob');
 * // 'Try -o loop.'
 */
export function stripQuotedText(text: string, options: StripOptions = {}): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!options.keepSignature && (SIGNATURE.test(line) || SENT_FROM.test(line))) break;
    if (ORIGINAL.test(line)) {
      // a rule alone is a footer or an Outlook separator only when a header or list name follows
      if (!FOOTER_RULE.test(line)) break;
      const next = (lines[i + 1] ?? '').trim();
      if (OUTLOOK_FROM.test(next) || /mailing list\b/i.test(next) || next === '') break;
    }
    if (OUTLOOK_FROM.test(line) && OUTLOOK_SENT.test(lines[i + 1] ?? '')) break;
    if (QUOTE.test(line)) continue;
    if (ATTRIBUTION.test(line.trim())) {
      if (isQuoteAhead(lines, i + 1)) continue;
    }
    // an attribution wrapped over two lines: "On Mon, 2 Jan 2023 at 10:00, Ada Lovelace <" / "ada@x.org> wrote:"
    const joined = `${line.trim()} ${(lines[i + 1] ?? '').trim()}`;
    if (/^(on|le|am|el|il|op)\b/i.test(line.trim()) && ATTRIBUTION.test(joined) && isQuoteAhead(lines, i + 2)) {
      i++;
      continue;
    }
    kept.push(line);
  }
  return kept
    .join('\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Whether the next non-blank line (within two) is quoted, or the text ends. */
function isQuoteAhead(lines: string[], from: number): boolean {
  for (let j = from; j < Math.min(lines.length, from + 3); j++) {
    const l = lines[j] as string;
    if (l.trim() === '') continue;
    return QUOTE.test(l);
  }
  return true;
}
