/**
 * Options of the organisation simulator: every knob, its default, and validation.
 *
 * Volumes are rates per person per working day; weekends run at `weekendActivity` of the weekday rate.
 * The defaults give a small organisation (300 people, 90 days, about 55,000 messages) whose planted
 * groups are clearly detectable; `mixing`, `noise`, smaller `groupActivity`, smaller groups and fewer
 * `days` make them harder.
 *
 * @module
 */

import { type Instant, parseInstant } from '../duration.js';
import { OptionError } from '../errors.js';
import { optionChecker } from '../options.js';
import { DEFAULT_SEED } from '../random.js';

const MODULE = 'simulate';
const check = optionChecker(MODULE);

/** The four planted kinds of formal group. */
export type PlantedKind = 'community-of-practice' | 'social-learning' | 'hybrid' | 'not-a-unit';

/** The kinds of {@link PlantedKind}, in a fixed order (the order groups are planted and listed in). */
export const PLANTED_KINDS: readonly PlantedKind[] = Object.freeze([
  'community-of-practice',
  'social-learning',
  'hybrid',
  'not-a-unit',
]);

/** How many groups of one kind to plant, and how big. */
export interface GroupKindSpec {
  /** Number of groups of this kind. */
  count: number;
  /** Smallest and largest group (members drawn uniformly in between, capped by the eligible people). */
  minSize: number;
  maxSize: number;
  /**
   * How many of the `count` groups are channels (a Slack channel, guild or help channel: only the
   * channel's own messages belong to the group); the others are people sets (a team, a committee: every
   * interaction among members counts). The first `channels` groups of the kind are channels.
   */
  channels: number;
}

/** Options of {@link simulateOrganization}. */
export interface SimulateOptions {
  /** Seed of every random step. Default 42. */
  seed?: number | string;
  /** People in the organisation (bots not counted). Default 300. */
  people?: number;
  /** Length of the observed period in days. Default 90. */
  days?: number;
  /** First day of the period (midnight UTC of that date). Default `'2024-01-01'` (a Monday). */
  start?: Instant;
  /** Departments (formal units). Default: `max(2, round(people / 40))`. */
  departments?: number;
  /** Average team size inside departments. Default 7. */
  teamSize?: number;
  /** Office locations used, 1–6 (each with a fixed UTC offset, no daylight saving). Default 4. */
  locations?: number;
  /** Share of people hired during the period (newcomers). Default 0.08. */
  newcomerShare?: number;
  /** Share of people who leave during the period. Default 0.05. */
  leaverShare?: number;
  /** Planted formal groups per kind (merged over the defaults kind by kind). */
  groups?: Partial<Record<PlantedKind, Partial<GroupKindSpec>>>;
  /**
   * Share of a planted group's interactions that leak outside it: each partner of a group interaction
   * (a replier, an addressee) is replaced by a random non-member with this probability. Default 0.1.
   */
  mixing?: number;
  /** Cross-department messages to random people, per person per working day. Default 0.3. */
  noise?: number;
  /** Work threads started per person per working day (team, department, manager). Default 1.2. */
  workRate?: number;
  /** Scale of group traffic (threads per engaged member per working day are about 0.15 × this). Default 1. */
  groupActivity?: number;
  /** Share of social-learning and hybrid questions answered by the planted experts. Default 0.9. */
  expertAnswerShare?: number;
  /** Weekend activity relative to a weekday. Default 0.05. */
  weekendActivity?: number;
  /** Department and company broadcasts. Default `true`. */
  broadcasts?: boolean;
  /** Notification bots (sender accounts that nobody answers). Default 2. */
  bots?: number;
  /** Mailing lists (posted to as channels). Default 2. */
  lists?: number;
  /** Write a body `text` from small templates on every message. Default `false` (subjects only). */
  text?: boolean;
  /** Label messages with their `kind` (question, answer, share, discussion). Default `true`. */
  kinds?: boolean;
  /** E-mail domain of person ids. Default `'example.org'`. */
  domain?: string;
}

/** Default group plan: 3 communities of practice, 3 social-learning groups, 2 hybrids, 2 not-a-unit. */
export const DEFAULT_GROUPS: Readonly<Record<PlantedKind, Readonly<GroupKindSpec>>> = Object.freeze({
  'community-of-practice': Object.freeze({ count: 3, minSize: 12, maxSize: 24, channels: 1 }),
  'social-learning': Object.freeze({ count: 3, minSize: 20, maxSize: 40, channels: 2 }),
  hybrid: Object.freeze({ count: 2, minSize: 6, maxSize: 10, channels: 0 }),
  'not-a-unit': Object.freeze({ count: 2, minSize: 8, maxSize: 14, channels: 0 }),
});

/** Defaults of {@link SimulateOptions} (`departments` is derived from `people` when not given). */
export const SIMULATE_DEFAULTS = Object.freeze({
  seed: DEFAULT_SEED as number | string,
  people: 300,
  days: 90,
  start: '2024-01-01',
  teamSize: 7,
  locations: 4,
  newcomerShare: 0.08,
  leaverShare: 0.05,
  groups: DEFAULT_GROUPS,
  mixing: 0.1,
  noise: 0.3,
  workRate: 1.2,
  groupActivity: 1,
  expertAnswerShare: 0.9,
  weekendActivity: 0.05,
  broadcasts: true,
  bots: 2,
  lists: 2,
  text: false,
  kinds: true,
  domain: 'example.org',
});

/** Options after defaults and validation, as recorded in the truth (serialisable). */
export interface ResolvedSimulateOptions {
  seed: number | string;
  people: number;
  days: number;
  /** ISO date of the first day. */
  start: string;
  departments: number;
  teamSize: number;
  locations: number;
  newcomerShare: number;
  leaverShare: number;
  groups: Record<PlantedKind, GroupKindSpec>;
  mixing: number;
  noise: number;
  workRate: number;
  groupActivity: number;
  expertAnswerShare: number;
  weekendActivity: number;
  broadcasts: boolean;
  bots: number;
  lists: number;
  text: boolean;
  kinds: boolean;
  domain: string;
}

const DAY = 86_400_000;

function bool(name: string, v: unknown): boolean {
  if (typeof v !== 'boolean') check.fail(name, 'true or false', v);
  return v as boolean;
}

function resolveGroups(groups: SimulateOptions['groups']): Record<PlantedKind, GroupKindSpec> {
  const out = {} as Record<PlantedKind, GroupKindSpec>;
  for (const key of Object.keys(groups ?? {})) {
    if (!PLANTED_KINDS.includes(key as PlantedKind)) check.oneOf('groups key', key, PLANTED_KINDS);
  }
  for (const kind of PLANTED_KINDS) {
    const spec = { ...DEFAULT_GROUPS[kind], ...dropUndefined(groups?.[kind]) };
    const count = check.nonNegativeInt(`groups.${kind}.count`, spec.count);
    const minSize = check.positiveInt(`groups.${kind}.minSize`, spec.minSize);
    const maxSize = check.positiveInt(`groups.${kind}.maxSize`, spec.maxSize);
    const channels = check.nonNegativeInt(`groups.${kind}.channels`, Math.min(spec.channels, count));
    if (minSize < 3) check.fail(`groups.${kind}.minSize`, 'at least 3', minSize);
    if (maxSize < minSize) check.fail(`groups.${kind}.maxSize`, `at least minSize (${minSize})`, maxSize);
    out[kind] = { count, minSize, maxSize, channels };
  }
  return out;
}

function dropUndefined<T extends object>(o: T | undefined): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o ?? {})) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/**
 * Validates options and fills in defaults.
 *
 * @throws OptionError naming the option, the value and what is expected
 */
export function resolveSimulateOptions(options: SimulateOptions = {}): ResolvedSimulateOptions {
  const o = { ...SIMULATE_DEFAULTS, ...dropUndefined(options) };
  const seed = o.seed;
  if (typeof seed === 'number' ? !Number.isFinite(seed) : typeof seed !== 'string') {
    check.fail('seed', 'a finite number or a string', seed);
  }
  const people = check.positiveInt('people', o.people);
  if (people < 10) check.fail('people', 'at least 10', people);
  const days = check.positiveInt('days', o.days);
  const startMs = Math.floor(parseInstant(o.start, 'start', MODULE) / DAY) * DAY;
  const departments = check.positiveInt('departments', o.departments ?? Math.max(2, Math.round(people / 40)));
  if (departments > people / 3)
    check.fail('departments', `at most people / 3 (${Math.floor(people / 3)})`, departments);
  const teamSize = check.positiveInt('teamSize', o.teamSize);
  if (teamSize < 2) check.fail('teamSize', 'at least 2', teamSize);
  const locations = check.positiveInt('locations', o.locations);
  if (locations > 6) check.fail('locations', 'between 1 and 6', locations);
  const domain = check.string('domain', o.domain);
  if (!/^[a-z0-9.-]+$/.test(domain)) check.fail('domain', 'lower-case letters, digits, dots and hyphens', domain);
  const resolved: ResolvedSimulateOptions = {
    seed,
    people,
    days,
    start: new Date(startMs).toISOString().slice(0, 10),
    departments,
    teamSize,
    locations,
    newcomerShare: check.probability('newcomerShare', o.newcomerShare),
    leaverShare: check.probability('leaverShare', o.leaverShare),
    groups: resolveGroups(o.groups),
    mixing: check.probability('mixing', o.mixing),
    noise: check.nonNegative('noise', o.noise),
    workRate: check.nonNegative('workRate', o.workRate),
    groupActivity: check.nonNegative('groupActivity', o.groupActivity),
    expertAnswerShare: check.probability('expertAnswerShare', o.expertAnswerShare),
    weekendActivity: check.probability('weekendActivity', o.weekendActivity),
    broadcasts: bool('broadcasts', o.broadcasts),
    bots: check.nonNegativeInt('bots', o.bots),
    lists: check.nonNegativeInt('lists', o.lists),
    text: bool('text', o.text),
    kinds: bool('kinds', o.kinds),
    domain,
  };
  if (resolved.lists > 4) check.fail('lists', 'between 0 and 4', resolved.lists);
  if (resolved.bots > 4) check.fail('bots', 'between 0 and 4', resolved.bots);
  if (resolved.newcomerShare + resolved.leaverShare > 0.5) {
    throw new OptionError('`newcomerShare + leaverShare` must be at most 0.5', {
      module: MODULE,
      got: { newcomerShare: resolved.newcomerShare, leaverShare: resolved.leaverShare },
      hint: 'most of the organisation must be present for the whole period',
    });
  }
  return resolved;
}
