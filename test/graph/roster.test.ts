import { describe, expect, it } from 'vitest';
import { readRoster } from '../../src/graph/roster.js';

describe('readRoster', () => {
  it('reads person attributes keyed by the normalised id; blank and missing values are left out', async () => {
    const r = await readRoster(
      { text: 'email,department,team\nAda@X.org,R&D,core\nbob@x.org,NA,\n' },
      { missingValues: ['NA'] },
    );
    expect(r.attributes).toEqual(['department', 'team']);
    expect(r.people.get('ada@x.org')).toEqual({ department: 'R&D', team: 'core' });
    expect(r.people.get('bob@x.org')).toEqual({});
    expect(r.stats).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
  });

  it('rejects blank and duplicate ids (the first row wins), or throws in strict mode', async () => {
    const text = 'person,dept\na,x\n,y\na,z\n';
    const r = await readRoster({ text });
    expect(r.people.get('a')).toEqual({ dept: 'x' });
    expect(r.stats).toMatchObject({ read: 3, accepted: 1, rejected: 2 });
    await expect(readRoster({ text }, { strict: true })).rejects.toThrow(/blank/);
  });

  it('needs an id column and refuses reserved attribute names', async () => {
    await expect(readRoster({ text: 'who,dept\na,x\n' })).rejects.toMatchObject({ code: 'MISSING_HEADER' });
    expect((await readRoster({ text: 'who,dept\na,x\n' }, { idColumn: 'who' })).people.get('a')).toEqual({ dept: 'x' });
    await expect(readRoster({ text: 'who,dept\na,x\n' }, { idColumn: 'id' })).rejects.toThrow(/idColumn/);
    await expect(readRoster({ text: 'person,sent\na,3\n' })).rejects.toThrow(/clashes/);
    await expect(readRoster({ text: '' })).rejects.toMatchObject({ code: 'EMPTY_INPUT' });
  });
});
