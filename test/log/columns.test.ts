import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grow, ownString, PersonIndex, StringPool } from '../../src/log/columns.js';
import { readCsv } from '../../src/log/csv.js';
import { createIdentityResolver, IDENTITY_CACHE_SIZE, normalizePersonId } from '../../src/log/identity.js';
import type { Message } from '../../src/log/message.js';
import { forEachMessage, hasBatches } from '../../src/log/message-log.js';

describe('grow', () => {
  it('keeps the values, doubles the capacity and fills the new part when asked', () => {
    const a = Int32Array.from([1, 2, 3]);
    expect(grow(a, 3)).toBe(a);
    const b = grow(Float64Array.from([1.5]), 40, Number.NaN);
    expect(b.length).toBe(64);
    expect(b[0]).toBe(1.5);
    expect(Number.isNaN(b[1] as number) && Number.isNaN(b[63] as number)).toBe(true);
    expect(grow(new Int8Array(0), 1).length).toBe(16);
  });
});

describe('PersonIndex', () => {
  it('numbers strings densely in order of first appearance', () => {
    const index = new PersonIndex();
    expect(['b', 'a', 'b', 'c', 'a'].map((x) => index.get(x))).toEqual([0, 1, 0, 2, 1]);
    expect(index.ids).toEqual(['b', 'a', 'c']);
    expect(index.find('c')).toBe(2);
    expect(index.find('z')).toBe(-1);
    expect(index.size).toBe(3);
  });
});

describe('ownString and StringPool', () => {
  it('copies are equal strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        expect(ownString(s)).toBe(s);
      }),
    );
  });

  it('a pooled string keeps no cut-out chunk alive', () => {
    // a cell cut out of a 1 MB chunk: the pooled copy must not retain the chunk
    const chunk = `${'x'.repeat(1 << 20)}The customer follow-up,`;
    const cell = chunk.slice(1 << 20, (1 << 20) + 22);
    const pool = new StringPool();
    const pooled = pool.get(cell);
    expect(pooled).toBe('The customer follow-up');
    expect(pool.get('The customer follow-up')).toBe(pooled);
  });

  it('forgets everything beyond its limit and still returns equal strings', () => {
    const pool = new StringPool(4);
    const values = Array.from({ length: 20 }, (_, i) => `subject number ${i % 7}`);
    for (const v of values) expect(pool.get(v)).toBe(v);
  });
});

describe('identity resolver cache', () => {
  it('gives what normalisation gives, repeated ids included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(' Ada@X.org', 'ada@x.org', '<Bob@Y.org>', 'Cy', ' cy ', ''), { maxLength: 40 }),
        (raws) => {
          const resolve = createIdentityResolver();
          for (const raw of raws) expect(resolve(raw)).toBe(normalizePersonId(raw));
        },
      ),
    );
  });

  it('applies aliases through the cache', () => {
    const resolve = createIdentityResolver({ aliases: { 'ada@home.org': 'ada@x.org' } });
    expect(resolve('Ada@Home.org')).toBe('ada@x.org');
    expect(resolve('Ada@Home.org')).toBe('ada@x.org');
    expect(resolve('bob@x.org')).toBe('bob@x.org');
  });

  it('stays correct past its size (the cache restarts)', () => {
    const resolve = createIdentityResolver({ caseFold: 'all' });
    const n = IDENTITY_CACHE_SIZE + 10;
    for (let i = 0; i < n; i += 4099) expect(resolve(`P${i}`)).toBe(`p${i}`);
  });
});

describe('hasBatches / forEachMessage', () => {
  const m = (id: string): Message => ({ id, sender: 'a', recipients: ['b'], cc: [], mentions: [] });

  it('uses batches() of any source offering them, else iterates', async () => {
    const seen: string[] = [];
    const source = {
      async *batches() {
        yield [m('1'), m('2')];
        yield [m('3')];
      },
      [Symbol.asyncIterator](): AsyncIterator<Message> {
        throw new Error('should not be iterated one by one');
      },
    };
    expect(hasBatches(source)).toBe(true);
    await forEachMessage(source as unknown as AsyncIterable<Message>, (x) => seen.push(x.id));
    await forEachMessage([m('4')], (x) => seen.push(x.id));
    expect(seen).toEqual(['1', '2', '3', '4']);
    expect(hasBatches([m('x')])).toBe(false);
    expect(hasBatches(readCsv({ text: 'from,to\na,b\n' }))).toBe(true);
  });
});
