import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.js';
import type { Roster } from '../../src/graph/roster.js';
import {
  isIdentifyingAttribute,
  pseudonymizeGroups,
  pseudonymizeMessages,
  pseudonymizeRoster,
} from '../../src/privacy/apply.js';
import { createPseudonymizer } from '../../src/privacy/pseudonymize.js';

const SECRET = 'a-test-secret-of-32-characters!!';

describe('createPseudonymizer(secret, options)', () => {
  it('computes HMAC-SHA256 (RFC 4231, test case 1: key 0x0b × 20, data "Hi There")', async () => {
    const p = await createPseudonymizer(new Uint8Array(20).fill(0x0b), { bytes: 32, prefix: '' });
    // RFC 4231 §4.2, HMAC-SHA-256
    expect(await p.id('Hi There')).toBe('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
  });

  it('is stable across instances with the same secret and differs with another secret', async () => {
    const a = await createPseudonymizer(SECRET);
    const b = await createPseudonymizer(SECRET);
    const c = await createPseudonymizer(`${SECRET}x`);
    const id = 'ada@example.org';
    expect(await a.id(id)).toBe(await b.id(id));
    expect(await a.id(id)).not.toBe(await c.id(id));
    expect(await a.id(id)).toMatch(/^p-[0-9a-f]{16}$/);
    expect(a.cached(id)).toBe(await a.id(id));
    expect(a.size).toBe(1);
    const many = await a.map(['x', 'y', 'x']);
    expect(many.size).toBe(2);
    expect(a.isKnown('y')).toBe(true);
    expect(a.params).toEqual({ method: 'HMAC-SHA256', bytes: 8, prefix: 'p-' });
  });

  it('rejects short secrets and bad lengths, and detects collisions instead of merging people', async () => {
    await expect(createPseudonymizer('short')).rejects.toThrow(OptionError);
    await expect(createPseudonymizer(SECRET, { bytes: 0 })).rejects.toThrow(/bytes/);
    await expect(createPseudonymizer(SECRET, { bytes: 33 })).rejects.toThrow(/32/);
    const tiny = await createPseudonymizer(SECRET, { bytes: 1 });
    // 300 ids into 256 one-byte pseudonyms: a collision is certain (pigeonhole)
    await expect(tiny.map(Array.from({ length: 300 }, (_, i) => `person${i}`))).rejects.toThrow(/same pseudonym/);
  });
});

describe('pseudonymizeMessages / pseudonymizeRoster / pseudonymizeGroups', () => {
  it('maps every person field of a message and keeps everything else', async () => {
    const p = await createPseudonymizer(SECRET);
    const messages = [
      { id: 'm1', sender: 'a', recipients: ['b'], cc: ['c'], bcc: ['d'], mentions: ['e'], threadId: 't' },
      { id: 'm2', sender: 'b', recipients: ['a'], cc: [], mentions: [], replyTo: 'm1' },
    ];
    const out = [];
    for await (const m of pseudonymizeMessages(messages, p)) out.push(m);
    expect(out[0]).toMatchObject({ id: 'm1', threadId: 't', sender: await p.id('a') });
    expect(out[0]?.bcc).toEqual([await p.id('d')]);
    expect(out[0]?.mentions).toEqual([await p.id('e')]);
    expect(out[1]).toMatchObject({ replyTo: 'm1', recipients: [await p.id('a')] });
  });

  it('keeps roster joins: ids and person-valued cells (manager) map alike; name and email columns are dropped', async () => {
    const p = await createPseudonymizer(SECRET);
    const roster: Roster = {
      attributes: ['team', 'manager', 'Full Name', 'e-mail'],
      people: new Map<string, Record<string, string>>([
        ['a', { team: 'x', 'Full Name': 'Ann', 'e-mail': 'a@x' }],
        ['b', { team: 'x', manager: 'a', 'Full Name': 'Bob', 'e-mail': 'b@x' }],
        // a manager outside the roster, and an address in a free-text column
        ['c', { team: 'y@corp', manager: 'z', 'Full Name': 'Cy', 'e-mail': 'c@x' }],
      ]),
      stats: { source: 'r.csv', read: 3, accepted: 3, rejected: 0, rejects: [] },
    };
    const { roster: out, dropped } = await pseudonymizeRoster(roster, p);
    expect(dropped).toEqual(['Full Name', 'e-mail']);
    expect(out.attributes).toEqual(['team', 'manager']);
    expect(out.people.get(await p.id('b'))).toEqual({ team: 'x', manager: await p.id('a') });
    expect(out.people.get(await p.id('c'))).toEqual({ team: await p.id('y@corp'), manager: await p.id('z') });
    const kept = await pseudonymizeRoster(roster, p, { keepIdentifying: true });
    expect(kept.dropped).toEqual([]);
    expect(isIdentifyingAttribute('First_Name')).toBe(true);
    expect(isIdentifyingAttribute('department')).toBe(false);
    const groups = await pseudonymizeGroups(
      [{ name: 'g', kind: 'people', source: 'groups-file', members: ['a', 'b'] }],
      p,
    );
    expect(groups[0]?.members).toEqual([await p.id('a'), await p.id('b')].sort());
  });
});
