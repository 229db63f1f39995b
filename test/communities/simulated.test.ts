import { describe, expect, it } from 'vitest';
import { buildInteractionGraph, comparePartitions, detectCommunities, simulateOrganization } from '../../src/index.js';

describe('detectCommunities on simulated organisations', () => {
  // The simulator plants a formal hierarchy (teams inside departments, most work traffic inside teams and
  // departments). The dendrogram follows it: level 0 gives the teams, the final level the departments.
  it.each([1, 2])(
    'recovers teams at level 0 and departments at the final level (organisation seed %s)',
    async (seed) => {
      const org = simulateOrganization({ seed });
      const graph = await buildInteractionGraph(org, { exclude: org.truth.bots });
      const department = Object.fromEntries(org.people.map((p) => [p.id, p.department]));
      const team = Object.fromEntries(org.people.map((p) => [p.id, p.team]));
      const final = detectCommunities(graph, { seed: 1 });
      const teams = detectCommunities(graph, { seed: 1, level: 0 });
      expect(comparePartitions(final, department).nmi).toBeGreaterThanOrEqual(0.9);
      expect(comparePartitions(teams, team).nmi).toBeGreaterThanOrEqual(0.95);
      expect(comparePartitions(teams, team).nmi).toBeGreaterThan(comparePartitions(teams, department).nmi);
    },
  );
});
