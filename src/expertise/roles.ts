/**
 * Guimerà–Amaral roles: where each person sits relative to the modules of a partition.
 *
 * @module
 */

import type { AbstractGraph, Attributes } from 'graphology-types';
import { optionChecker, resolveOptions } from '../options.js';
import { moduleIndex, type PartitionInput, type UnassignedPolicy } from './partition.js';

const MODULE = 'expertise/roles';
const check = optionChecker(MODULE);

/** Role codes of Guimerà & Amaral (2005). */
export type RoleCode = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7';

/** Names of the roles, by code. */
export const ROLE_NAMES: Readonly<Record<RoleCode, string>> = Object.freeze({
  R1: 'ultra-peripheral',
  R2: 'peripheral',
  R3: 'non-hub connector',
  R4: 'non-hub kinless',
  R5: 'provincial hub',
  R6: 'connector hub',
  R7: 'kinless hub',
});

/** Thresholds of the role map (defaults: Guimerà & Amaral 2005, Fig. 2). */
export interface RoleThresholds {
  /** Hubs have z ≥ this. Default 2.5. */
  hub: number;
  /** Upper P bounds of R1, R2, R3 (R4 above). Default [0.05, 0.62, 0.8]. */
  nonHub: readonly [number, number, number];
  /** Upper P bounds of R5, R6 (R7 above). Default [0.3, 0.75]. */
  hubP: readonly [number, number];
}

/** Options of {@link moduleRoles}. */
export interface ModuleRolesOptions {
  /** Person → module label (detected communities or formal groups). Default: read `nodeCommunityAttribute`. */
  partition?: PartitionInput;
  /** Node attribute holding the label when no `partition` is given. Default `'community'`. */
  nodeCommunityAttribute?: string;
  /** People without a label: `'error'` (default) or `'own-module'` (a singleton module each). */
  unassigned?: UnassignedPolicy;
  /**
   * `null` (default) counts distinct neighbours, as Guimerà & Amaral do; an attribute name (e.g.
   * `'weight'`) sums strengths of the edges in both directions instead.
   */
  getEdgeWeight?: string | null;
  thresholds?: Partial<RoleThresholds>;
}

/** Defaults of {@link ModuleRolesOptions}. */
export const MODULE_ROLES_DEFAULTS = Object.freeze({
  nodeCommunityAttribute: 'community',
  unassigned: 'error' as UnassignedPolicy,
  getEdgeWeight: null as string | null,
  thresholds: Object.freeze({
    hub: 2.5,
    nonHub: Object.freeze([0.05, 0.62, 0.8] as const),
    hubP: Object.freeze([0.3, 0.75] as const),
  }) as Readonly<RoleThresholds>,
});

/** The role of one person. */
export interface RoleRecord {
  person: string;
  /** The person's module label. */
  module: string;
  /** k_i: neighbours (or strength), both directions, self-loops left out. */
  degree: number;
  /** κ_i: neighbours (or strength) inside the person's module. */
  withinModuleDegree: number;
  /** Within-module degree z-score. */
  z: number;
  /** Participation coefficient P ∈ [0, 1 − 1/M]. */
  participation: number;
  role: RoleCode;
  roleName: string;
}

/** Result of {@link moduleRoles}. */
export interface ModuleRolesResult {
  method: 'guimera-amaral';
  params: { getEdgeWeight: string | null; unassigned: UnassignedPolicy; thresholds: RoleThresholds };
  modules: number;
  /** People in graph order. */
  people: RoleRecord[];
  /** People per role. */
  counts: Record<RoleCode, number>;
}

/**
 * Within-module degree z-score and participation coefficient (Guimerà & Amaral 2005):
 *
 *     z_i = (κ_i − mean_{j∈s_i} κ_j) / sd_{j∈s_i} κ_j        (z_i = 0 when the module's sd is 0)
 *     P_i = 1 − Σ_s (κ_is / k_i)²                             (P_i = 0 when k_i = 0)
 *
 * where κ_is is i's links into module s, κ_i = κ_{i s_i}, and the mean and population standard deviation
 * run over the members of i's module. Roles: non-hubs (z < 2.5) R1 ultra-peripheral (P ≤ 0.05),
 * R2 peripheral (≤ 0.62), R3 non-hub connector (≤ 0.80), R4 non-hub kinless (> 0.80); hubs (z ≥ 2.5)
 * R5 provincial (P ≤ 0.30), R6 connector (≤ 0.75), R7 kinless (> 0.75). The partition can be detected
 * communities or formal groups: connector hubs of formal groups are the people who tie departments
 * together. The graph is read as undirected (a tie in either direction links two people).
 *
 * Reference: R. Guimerà and L. A. N. Amaral, "Functional cartography of complex metabolic networks",
 * Nature 433, 895–900 (2005), doi:10.1038/nature03288.
 *
 * @throws {GraphError} `NOT_A_PARTITION` when a person has no label and `unassigned` is `'error'`.
 * @example
 * moduleRoles(graph, { partition: departments }).people.filter((p) => p.role === 'R6'); // connector hubs
 */
export function moduleRoles(
  graph: AbstractGraph<Attributes, Attributes, Attributes>,
  options: ModuleRolesOptions = {},
): ModuleRolesResult {
  const o = resolveOptions(MODULE_ROLES_DEFAULTS, options);
  const unassigned = check.oneOf('unassigned', o.unassigned, ['error', 'own-module'] as const);
  const t: RoleThresholds = { ...MODULE_ROLES_DEFAULTS.thresholds, ...options.thresholds };
  check.finite('thresholds.hub', t.hub);
  const { nodes, modules, labels } = moduleIndex(
    graph,
    options.partition,
    o.nodeCommunityAttribute,
    unassigned,
    MODULE,
  );
  const weightKey = o.getEdgeWeight;
  const n = nodes.length;
  const index = new Map<string, number>();
  nodes.forEach((node, i) => {
    index.set(node, i);
  });
  const degree = new Float64Array(n);
  const within = new Float64Array(n);
  const participationSum = new Float64Array(n); // Σ_s κ_is²
  const perModule = new Map<number, number>(); // scratch: module → κ_is for the current node
  nodes.forEach((node, i) => {
    perModule.clear();
    const add = (neighbor: string, amount: number) => {
      if (neighbor === node) return;
      const m = modules[index.get(neighbor) as number] as number;
      perModule.set(m, (perModule.get(m) ?? 0) + amount);
      degree[i] = (degree[i] as number) + amount;
    };
    if (weightKey === null) graph.forEachNeighbor(node, (neighbor) => add(neighbor, 1));
    else {
      graph.forEachEdge(node, (_e, attrs, source, target) => {
        const w = attrs[weightKey];
        add(source === node ? target : source, typeof w === 'number' ? w : 1);
      });
    }
    let squares = 0;
    for (const k of perModule.values()) squares += k * k;
    participationSum[i] = squares;
    within[i] = perModule.get(modules[i] as number) ?? 0;
  });
  const moduleCount = labels.length;
  const sum = new Float64Array(moduleCount);
  const squares = new Float64Array(moduleCount);
  const size = new Float64Array(moduleCount);
  for (let i = 0; i < n; i++) {
    const m = modules[i] as number;
    sum[m] = (sum[m] as number) + (within[i] as number);
    size[m] = (size[m] as number) + 1;
  }
  for (let i = 0; i < n; i++) {
    const m = modules[i] as number;
    squares[m] = (squares[m] as number) + ((within[i] as number) - (sum[m] as number) / (size[m] as number)) ** 2;
  }
  const counts: Record<RoleCode, number> = { R1: 0, R2: 0, R3: 0, R4: 0, R5: 0, R6: 0, R7: 0 };
  const people: RoleRecord[] = nodes.map((person, i) => {
    const m = modules[i] as number;
    const mean = (sum[m] as number) / (size[m] as number);
    const sd = Math.sqrt((squares[m] as number) / (size[m] as number));
    const k = degree[i] as number;
    // sd below rounding noise of the mean counts as 0 (all members alike)
    const z = sd > 1e-12 * Math.max(1, Math.abs(mean)) ? ((within[i] as number) - mean) / sd : 0;
    const participation = k > 0 ? Math.max(0, 1 - (participationSum[i] as number) / (k * k)) : 0;
    const role = classifyRole(z, participation, t);
    counts[role]++;
    return {
      person,
      module: labels[m] as string,
      degree: k,
      withinModuleDegree: within[i] as number,
      z,
      participation,
      role,
      roleName: ROLE_NAMES[role],
    };
  });
  return {
    method: 'guimera-amaral',
    params: { getEdgeWeight: weightKey, unassigned, thresholds: t },
    modules: moduleCount,
    people,
    counts,
  };
}

/** The Guimerà–Amaral role of a (z, P) pair. */
export function classifyRole(z: number, participation: number, thresholds: RoleThresholds): RoleCode {
  if (z >= thresholds.hub) {
    if (participation <= thresholds.hubP[0]) return 'R5';
    return participation <= thresholds.hubP[1] ? 'R6' : 'R7';
  }
  if (participation <= thresholds.nonHub[0]) return 'R1';
  if (participation <= thresholds.nonHub[1]) return 'R2';
  return participation <= thresholds.nonHub[2] ? 'R3' : 'R4';
}
