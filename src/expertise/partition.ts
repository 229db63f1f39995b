/**
 * Partitions given as a person → label map: detected communities (`{ ann: 0, bob: 1 }`) or formal groups
 * (`{ ann: 'sales' }`). A plain object, a `Map`, or a node attribute of the graph.
 *
 * @module
 */

import type { AbstractGraph, Attributes } from 'graphology-types';
import { GraphError, OptionError } from '../errors.js';

/** A person → community (or group) label map. */
export type PartitionInput = Readonly<Record<string, string | number>> | ReadonlyMap<string, string | number>;

/** The entries of a partition, as a `Map`. Labels must be strings or finite numbers. */
export function partitionLabels(partition: PartitionInput): Map<string, string | number> {
  const entries =
    partition instanceof Map
      ? [...(partition as ReadonlyMap<string, string | number>).entries()]
      : Object.entries(partition as Record<string, string | number>);
  const out = new Map<string, string | number>();
  for (const [person, label] of entries) {
    if (!(typeof label === 'string' || (typeof label === 'number' && Number.isFinite(label)))) {
      throw new OptionError(`partition label of \`${person}\` must be a string or a finite number`, {
        module: 'expertise/partition',
        got: label,
      });
    }
    out.set(person, label);
  }
  return out;
}

/** How people of the graph missing from the partition are handled. */
export type UnassignedPolicy = 'error' | 'own-module';

/**
 * Assigns a dense module index (0..modules−1) to every node of `graph`, in the order of first appearance of
 * each label along the graph's node order. Labels are compared as strings (`1` and `'1'` are one module).
 *
 * @throws {GraphError} `NOT_A_PARTITION` when a node has no label and `unassigned` is `'error'`.
 */
export function moduleIndex(
  graph: AbstractGraph<Attributes, Attributes, Attributes>,
  partition: PartitionInput | undefined,
  nodeCommunityAttribute: string,
  unassigned: UnassignedPolicy,
  module: string,
): { nodes: string[]; modules: Int32Array; labels: string[] } {
  const labels = partition ? partitionLabels(partition) : undefined;
  const nodes = graph.nodes();
  const modules = new Int32Array(nodes.length);
  const byLabel = new Map<string, number>();
  const names: string[] = [];
  const missing: string[] = [];
  nodes.forEach((node, i) => {
    const raw = labels ? labels.get(node) : graph.getNodeAttribute(node, nodeCommunityAttribute);
    let label: string;
    if (typeof raw === 'string' || (typeof raw === 'number' && Number.isFinite(raw))) label = String(raw);
    else {
      missing.push(node);
      label = `\u0000unassigned:${node}`;
    }
    let m = byLabel.get(label);
    if (m === undefined) {
      m = names.length;
      byLabel.set(label, m);
      names.push(label.startsWith('\u0000') ? `(none: ${node})` : label);
    }
    modules[i] = m;
  });
  if (missing.length > 0 && unassigned === 'error') {
    const where = labels ? 'the partition' : `node attribute \`${nodeCommunityAttribute}\``;
    throw new GraphError('NOT_A_PARTITION', `${missing.length} of ${nodes.length} people have no label in ${where}`, {
      module,
      got: missing.slice(0, 5),
      hint: "label every person, or pass `unassigned: 'own-module'` to put each unlabelled person in a module of their own",
    });
  }
  return { nodes, modules, labels: names };
}
