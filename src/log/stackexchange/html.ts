/**
 * Plain text from the HTML of a Stack Exchange post or comment: block elements become line breaks, tags are
 * dropped, entities decoded (with the `entities` package), quoted blocks kept as `> ` lines so that the
 * classifier's quote stripping treats them like e-mail quotes.
 *
 * @module
 */

import { decodeHTML } from 'entities';

/** Converts post HTML to plain text. */
export function htmlToText(html: string): string {
  let text = html.replace(/<blockquote[^>]*>([\s\S]*?)<\/blockquote>/gi, (_, inner: string) =>
    htmlToText(inner)
      .split('\n')
      .map((l) => `> ${l}`)
      .join('\n')
      .concat('\n'),
  );
  text = text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|pre|tr|table|ul|ol)>/gi, '\n')
    .replace(/<li[^>]*>/gi, '- ')
    .replace(/<[^>]+>/g, '');
  return decodeHTML(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
