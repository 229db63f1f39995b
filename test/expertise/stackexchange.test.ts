// Expertise on a real Q&A site: Bicycles Meta Stack Exchange (shared data, README there).
// The Stack Exchange reader is a separate piece of work; until it lands, Posts.xml is parsed here.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scoreExpertise } from '../../src/expertise/expertise.js';
import { spearman } from '../../src/expertise/rank.js';
import type { Message } from '../../src/log/message.js';
import { summarizeThreads } from '../../src/log/threads.js';
import { dataPath } from '../data-path.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? m),
  );

/** The `<row .../>` records of a Stack Exchange dump file, as attribute maps. */
function rows(file: string): Array<Record<string, string>> {
  const xml = gunzipSync(readFileSync(file)).toString('utf8');
  const out: Array<Record<string, string>> = [];
  for (const row of xml.matchAll(/<row\s([^>]*?)\/>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of (row[1] as string).matchAll(/(\w+)="([^"]*)"/g)) attrs[a[1] as string] = decodeXml(a[2] as string);
    out.push(attrs);
  }
  return out;
}

describe('Stack Exchange (meta.bicycles): combined expertise vs accepted answers', () => {
  it('ranks the people whose answers get accepted', async () => {
    const posts = rows(dataPath('stackexchange-meta-bicycles-sample', 'Posts.xml.gz'));
    expect(posts.length).toBe(1446); // README: 1,446 posts
    const messages: Message[] = [];
    const owner = new Map<string, string>();
    let anonymous = 0;
    for (const p of posts) {
      if (p.PostTypeId !== '1' && p.PostTypeId !== '2') continue;
      if (p.OwnerUserId === undefined) {
        anonymous++; // deleted users: no stable id, left out (README: 41 posts)
        continue;
      }
      const sender = `u${p.OwnerUserId}`;
      owner.set(p.Id as string, sender);
      const base = { id: `p${p.Id}`, sender, recipients: [], cc: [], mentions: [] };
      const timestamp = Date.parse(`${p.CreationDate}Z`);
      if (p.PostTypeId === '1') {
        const tags = [...(p.Tags ?? '').matchAll(/<([^>]+)>/g)].map((m) => m[1] as string);
        messages.push({ ...base, timestamp, threadId: `p${p.Id}`, subject: p.Title ?? '', tags, kind: 'question' });
      } else {
        messages.push({ ...base, timestamp, threadId: `p${p.ParentId}`, replyTo: `p${p.ParentId}`, kind: 'answer' });
      }
    }
    const accepted = new Map<string, number>();
    for (const p of posts) {
      const author = p.AcceptedAnswerId !== undefined ? owner.get(p.AcceptedAnswerId) : undefined;
      if (author) accepted.set(author, (accepted.get(author) ?? 0) + 1);
    }
    const threads = await summarizeThreads(messages);
    const result = scoreExpertise(threads);
    const combined = result.people.map((p) => p.combined);
    const acc = result.people.map((p) => accepted.get(p.person) ?? 0);
    const rhoAll = spearman(combined, acc);
    const answerers = result.people.filter((p) => p.answers > 0);
    const rhoAnswerers = spearman(
      answerers.map((p) => p.combined),
      answerers.map((p) => accepted.get(p.person) ?? 0),
    );
    const byAnswers = spearman(
      result.people.map((p) => p.answers),
      acc,
    );
    console.log(
      `meta.bicycles: ${result.people.length} people, ${anonymous} anonymous posts left out; ` +
        `Spearman(combined, accepted answers) = ${rhoAll.toFixed(4)} (answerers only: ${rhoAnswerers.toFixed(4)}, ` +
        `n=${answerers.length}); Spearman(answer count, accepted) = ${byAnswers.toFixed(4)}; ` +
        `top 5: ${result.people
          .slice(0, 5)
          .map((p) => `${p.person}(${accepted.get(p.person) ?? 0})`)
          .join(' ')}`,
    );
    expect(result.people[0]?.person).toBe('u76'); // README: most active answerer, 47 accepted
    expect(rhoAll).toBeGreaterThanOrEqual(FLOOR_ALL);
    expect(rhoAnswerers).toBeGreaterThanOrEqual(FLOOR_ANSWERERS);
  });
});

// Floors from measurement (this test's log line, `npx vitest run test/expertise/stackexchange.test.ts`):
// ρ = 0.5355 over all 230 people and 0.5388 over the 144 answerers; the answer count alone gives 0.5519.
// The result is deterministic, so the floors guard regressions: 0.45 (all) and 0.40 (answerers) sit
// about 0.09 and 0.14 below the measured values — room for changes of tie handling or iteration
// tolerances — while staying more than 5 null standard errors (1/√(n − 1) ≈ 0.066 and 0.084) above the
// ρ ≈ 0 a score unrelated to accepted answers would give.
const FLOOR_ALL = 0.45;
const FLOOR_ANSWERERS = 0.4;
