import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/graph/ingest.js';
import { testGroups } from '../../src/practice/test-groups.js';
import { smallOrganisation } from './logs.js';

describe('testGroups on a small organisation built by hand-written rules', async () => {
  const org = smallOrganisation(1);
  const input = await ingest(org.messages, { window: '7d', channels: true });
  const result = testGroups(
    input,
    [
      { name: 'help', channel: '#help' },
      { name: 'guild', channel: '#guild' },
      { name: 'committee', members: org.committee },
    ],
    { indicatorSamples: 499, bootstrap: 50 },
  );
  const by = new Map(result.groups.map((g) => [g.group, g]));

  it('a help channel where two experts answer churning askers is social learning', () => {
    const g = by.get('help');
    console.log(g?.evidence.join('\n'));
    expect(g?.verdict).toBe('social-learning');
  });

  it('a guild channel of circles that share and reply to each other is a community of practice', () => {
    const g = by.get('guild');
    console.log(g?.evidence.join('\n'));
    expect(g?.verdict).toBe('community-of-practice');
  });

  it('a committee whose members never write to each other is not a unit', () => {
    const g = by.get('committee');
    console.log(g?.evidence.join('\n'));
    expect(g?.verdict).toBe('not-a-unit');
  });
});
