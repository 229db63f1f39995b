/**
 * Worker script of the q–s test's null graphs (`testCommunitiesAsync`): each task is one rewired copy of the
 * pairs, left by the calling thread in a shared slot, and a seed; the reply is the sizes and qualities of the
 * communities the default detector finds in it (`nullCommunities`).
 *
 * @module
 */

import { nullCommunities } from '../practice/community-nulls.js';
import { createRng } from '../random.js';
import { serveTasks } from './pool.js';

/** What every worker receives once. */
export interface CommunityNullsData {
  keys: string[];
  w: Float64Array;
  resolution: number;
  /** Shared slots, each one rewired copy of the pairs. */
  slots: { u: Int32Array; v: Int32Array }[];
}

serveTasks<CommunityNullsData>((payload, slot, data) => {
  const { u, v } = data.slots[slot] as { u: Int32Array; v: Int32Array };
  return nullCommunities(data.keys, u, v, data.w, data.resolution, createRng((payload as { seed: number }).seed));
});
