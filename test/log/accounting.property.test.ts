import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/log/csv.js';
import { readNdjson } from '../../src/log/json.js';
import { collect } from './helpers.js';

// cells that are sometimes valid, sometimes not: blank senders, bad dates, bad weights, stray quotes avoided
const sender = fc.constantFrom('ann', 'bob', 'Cy@X.org', '', '  ');
const date = fc.constantFrom('2024-01-02 10:00:00', '2024-02-30', 'soon', '', '1700000000');
const weight = fc.constantFrom('', '1', '2.5', '-1', 'x');
const row = fc.tuple(sender, fc.constantFrom('bob', 'ann;cy', ''), date, weight);

describe('reader accounting (property)', () => {
  it('readCsv: read = accepted + rejected, messages = accepted, rejects list every rejected row', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 30 }),
        fc.constantFrom('papaparse', 'fast-csv'),
        async (rows, engine) => {
          const text = `from,to,date,weight\n${rows.map((r) => r.join(',')).join('\n')}\n`;
          const log = readCsv({ text }, { engine: engine as 'papaparse' | 'fast-csv' });
          const messages = await collect(log);
          const s = log.stats;
          expect(s.read).toBe(rows.length);
          expect(s.read).toBe(s.accepted + s.rejected);
          expect(s.messages).toBe(messages.length);
          expect(s.messages).toBe(s.accepted);
          expect(s.rejects.length + s.rejectsOmitted).toBe(s.rejected);
          // independent oracle: a row is valid iff sender non-blank, date parseable or empty, weight empty or > 0
          const valid = rows.filter(
            ([from, , d, w]) => from.trim() !== '' && !['2024-02-30', 'soon'].includes(d) && !['-1', 'x'].includes(w),
          );
          expect(s.accepted).toBe(valid.length);
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });

  it('readNdjson: read = accepted + rejected over lines mixing objects, garbage and blanks', async () => {
    const line = fc.oneof(
      fc.record({ from: sender, to: fc.constantFrom('bob', '') }).map((o) => JSON.stringify(o)),
      fc.constantFrom('{broken', '[]', '42', '"text"'),
      fc.constant(''),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 30 }), async (lines) => {
        const log = readNdjson({ text: `${lines.join('\n')}\n` });
        const messages = await collect(log);
        const nonBlank = lines.filter((l) => l.trim() !== '').length;
        expect(log.stats.read).toBe(nonBlank);
        expect(log.stats.read).toBe(log.stats.accepted + log.stats.rejected);
        expect(messages.length).toBe(log.stats.accepted);
      }),
      { numRuns: 150, seed: 11 },
    );
  });
});
