/**
 * The JSON Schema (draft 2020-12) of `report.json`, version {@link REPORT_SCHEMA_VERSION}. It is exported so
 * that pipelines can validate reports with any validator (e.g. Ajv's `Ajv2020`); `docs/report.schema.json`
 * is the same document as a file, and a test keeps the two equal.
 *
 * @module
 */

import { VERDICTS } from '../practice/decide.js';
import { REPORT_SCHEMA_VERSION } from './model.js';

const num = { type: 'number' } as const;
const int = { type: 'integer', minimum: 0 } as const;
const str = { type: 'string' } as const;
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
const prob = { type: 'number', minimum: 0, maximum: 1 } as const;
/** p-values are never 0: (1 + #{null ≥ observed}) / (1 + R). */
const pValue = nullable({ type: 'number', exclusiveMinimum: 0, maximum: 1 });
const counts = { type: 'object', additionalProperties: int } as const;
const closed = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});

const indicator = closed({
  name: str,
  observed: nullable(num),
  nullMean: nullable(num),
  nullLow: nullable(num),
  nullHigh: nullable(num),
  pValue,
  direction: { enum: ['community-of-practice', 'social-learning', 'neutral', 'unavailable'] },
});

const verdictFields = {
  verdict: nullable({ enum: VERDICTS }),
  copScore: nullable(num),
  confidence: nullable(prob),
  confidenceLabel: nullable({ enum: ['confident', 'tentative', 'ambiguous'] }),
  indicators: { type: 'array', items: indicator },
};

const status = closed({ status: { enum: ['done', 'skipped', 'unavailable'] }, method: str, reason: str }, ['status']);

/** The JSON Schema of the report. */
export const REPORT_SCHEMA = Object.freeze({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `https://practice-graph.dev/schema/report-${REPORT_SCHEMA_VERSION}.json`,
  title: 'practice-graph report',
  description: 'The report written by `practice-graph analyze` (report.json). See docs/report-schema.md.',
  ...closed({
    schemaVersion: { const: REPORT_SCHEMA_VERSION },
    tool: closed({ name: { const: 'practice-graph' }, version: str }),
    params: {
      type: 'object',
      required: [
        'seed',
        'resolution',
        'nullSamples',
        'minGroupSize',
        'window',
        'from',
        'to',
        'groupSources',
        'pseudonymized',
      ],
      properties: {
        seed: { type: ['integer', 'string'] },
        resolution: { type: 'number', exclusiveMinimum: 0 },
        nullSamples: { type: 'integer', minimum: 1 },
        minGroupSize: { type: 'integer', minimum: 1 },
        window: nullable(str),
        from: nullable(str),
        to: nullable(str),
        groupSources: { type: 'array', items: str },
        pseudonymized: { type: 'boolean' },
      },
    },
    input: closed({
      read: int,
      accepted: int,
      rejected: int,
      messages: int,
      used: int,
      people: int,
      ties: int,
      from: nullable({ type: 'string', format: 'date-time' }),
      to: nullable({ type: 'string', format: 'date-time' }),
      format: { type: 'array', items: str },
      sources: {
        type: 'array',
        items: closed({
          source: str,
          format: str,
          read: int,
          accepted: int,
          rejected: int,
          messages: int,
          skipped: counts,
          notes: { type: 'array', items: str },
        }),
      },
      dropped: counts,
      threads: closed({ threads: int, placed: int, unresolvedReplies: int }),
      windows: closed({ window: nullable(str), count: int }),
      roster: nullable(closed({ source: str, read: int, accepted: int, rejected: int, matched: int })),
    }),
    analyses: closed({ communities: status, expertise: status, brokerage: status, practice: status }),
    partition: nullable(
      closed({
        method: str,
        resolution: { type: 'number', exclusiveMinimum: 0 },
        modularity: num,
        count: int,
        repaired: int,
        stability: nullable(prob),
        seed: { type: ['integer', 'string'] },
      }),
    ),
    communities: {
      type: 'array',
      items: closed({
        id: int,
        size: { type: 'integer', minimum: 1 },
        members: { type: 'array', items: str, minItems: 1 },
        density: nullable(prob),
        conductance: nullable(prob),
        topExperts: { type: 'array', items: closed({ id: str, score: num }) },
        composition: nullable({ type: 'object', additionalProperties: { type: 'object', additionalProperties: prob } }),
        ...verdictFields,
      }),
    },
    people: {
      type: 'array',
      items: closed({
        id: str,
        community: nullable(int),
        groups: { type: 'array', items: str },
        sent: int,
        received: int,
        attributes: { type: 'object', additionalProperties: str },
        expertise: nullable(
          closed({
            answers: int,
            questions: int,
            zScore: num,
            expertiseRank: num,
            authority: num,
            score: num,
            rank: { type: 'integer', minimum: 1 },
          }),
        ),
        brokerage: nullable(
          closed({
            betweenness: num,
            participation: nullable(num),
            withinModuleZ: nullable(num),
            role: nullable(str),
            constraint: nullable(num),
          }),
        ),
      }),
    },
    groups: {
      type: 'array',
      items: closed({
        name: str,
        kind: { enum: ['people', 'channel'] },
        source: str,
        size: { type: 'integer', minimum: 1 },
        active: int,
        ...verdictFields,
        cohesion: nullable(
          closed({ observedOverExpected: nullable(num), modularityTerm: nullable(num), pValue, qValue: pValue }),
        ),
        alignment: nullable(closed({ community: int, jaccard: prob, expectedJaccard: prob })),
        evidence: { type: 'array', items: str },
      }),
    },
    privacy: closed({
      pseudonymized: { type: 'boolean' },
      method: nullable(str),
      droppedAttributes: { type: 'array', items: str },
      minGroupSize: { type: 'integer', minimum: 1 },
      suppressedGroups: int,
      suppressedCompositions: int,
    }),
  }),
});
